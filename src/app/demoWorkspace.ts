import { existsSync, mkdirSync, readFileSync, rmSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemo, DemoManifestSchema, type DemoManifest } from '../demo/generate';
import { Workspace } from '../workspace/workspace';
import { importFiles } from '../ingest/importFiles';
import { PathwaysError } from '../errors';

export interface DemoOptions {
  dir: string;
  people?: number;
  seed?: number;
  plantDisparities?: boolean;
  onProgress?: (message: string) => void;
}

/**
 * The built-in demo: vendor-style export files generated from a seed, imported through the
 * same mapping path a user's files take. Built once into `dir`; later starts reuse it.
 * Built under a temporary name and renamed at the end, so an interrupted build never
 * leaves a half-imported demo behind.
 */
export async function ensureDemoWorkspace(opts: DemoOptions): Promise<{ path: string; manifest: DemoManifest; created: boolean }> {
  const path = join(opts.dir, 'workspace.duckdb');
  const filesDir = join(opts.dir, 'files');
  if (existsSync(path) && existsSync(join(filesDir, 'manifest.json'))) {
    return { path, manifest: DemoManifestSchema.parse(JSON.parse(readFileSync(join(filesDir, 'manifest.json'), 'utf8'))), created: false };
  }
  mkdirSync(opts.dir, { recursive: true, mode: 0o700 });
  rmSync(filesDir, { recursive: true, force: true });
  const log = opts.onProgress ?? (() => undefined);
  log(`generating demo export files for ${opts.people ?? 2000} people…`);
  const manifest = await generateDemo({ outDir: filesDir, people: opts.people, seed: opts.seed, plantDisparities: opts.plantDisparities });
  const building = join(opts.dir, 'workspace.building.duckdb');
  rmSync(building, { force: true });
  rmSync(`${building}.wal`, { force: true });
  const ws = await Workspace.open(building);
  try {
    log(`importing ${manifest.files.length} files…`);
    const report = await importFiles(ws, manifest.files.map((f) => ({ path: join(filesDir, f.file), profile: f.mapping })));
    if (!report.ok) {
      const r = report.rejects[0];
      throw new PathwaysError('VALIDATION_FAILED', `the demo files did not import cleanly (${report.rejectedTotal} rejects; first: ${r.file} row ${r.row} ${r.column}: ${r.reason})`);
    }
    await ws.checkpoint();
  } finally {
    ws.close();
  }
  renameSync(building, path);
  return { path, manifest, created: true };
}
