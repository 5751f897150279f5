import { join } from 'node:path';
import { importFiles, type ImportRequest } from '../../src/ingest/importFiles';
import type { Workspace } from '../../src/workspace/workspace';

/** Imports a fixture folder's files, failing the test on any reject. */
export async function importFixture(ws: Workspace, dir: string, requests: ImportRequest[]): Promise<void> {
  const report = await importFiles(ws, requests.map((r) => ({ ...r, path: join(dir, r.path) })));
  if (!report.ok) throw new Error(`fixture import rejected rows: ${JSON.stringify(report.rejects.slice(0, 5))}`);
}
