import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appRoot } from '../../src/paths';
import { Workspace } from '../../src/workspace/workspace';
import { importFiles, type ImportReport } from '../../src/ingest/importFiles';
import type { ErrorInfo } from '../../src/errors';
import { fingerprintFile } from './fingerprint';
import { HOSTILE, ROSTER_COLUMNS } from './hostileFiles';

/**
 * The hostile corpus (test/hardening/hostileFiles.ts): each file is imported in a child
 * process with a time and memory ceiling; it must end with a clear message that names the
 * file (or with exactly the rows and rejects expected), and a failed import must leave the
 * workspace byte-for-byte as it was (table fingerprints).
 */

const TIME_LIMIT_MS = 60_000;
const MEMORY_LIMIT_MB = 1536;
const TSX = join(appRoot(), 'node_modules', 'tsx', 'dist', 'cli.mjs');
const DRIVER = join(appRoot(), 'test', 'hardening', 'importDriver.ts');

let dir: string;
let base: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pathways-hostile-'));
  mkdirSync(join(dir, 'files'));
  base = join(dir, 'base.duckdb');
  const ws = await Workspace.open(base);
  const csv = join(dir, 'base.csv');
  writeFileSync(csv, 'id,snapshot,level,gender,department\nB1,2026-06-30,1,Woman,Sales\nB2,2026-06-30,2,Man,Sales\n');
  const r = await importFiles(ws, [{ path: csv, profile: { table: 'people', columns: ROSTER_COLUMNS } }]);
  expect(r.ok).toBe(true);
  await ws.checkpoint();
  ws.close();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Outcome { result: { ok: true; report: ImportReport } | { ok: false; error: ErrorInfo } | null; ms: number; peakMb: number; timedOut: boolean; stderr: string }

/** Runs the import driver, sampling the child's peak resident memory (VmHWM) until it exits. */
function importInChild(workspace: string, path: string, profile: object, uploadName?: string): Promise<Outcome> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [TSX, DRIVER, workspace, path, JSON.stringify(profile), ...(uploadName ? [Buffer.from(uploadName).toString('base64')] : [])], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let peakKb = 0;
  child.stdout!.on('data', (d) => { stdout += d; });
  child.stderr!.on('data', (d) => { stderr += d; });
  const sample = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peakKb = Math.max(peakKb, Number(m[1]));
    } catch { /* gone */ }
  }, 20);
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, TIME_LIMIT_MS);
  return new Promise((done) => child.on('exit', () => {
    clearInterval(sample);
    clearTimeout(timer);
    const line = stdout.trim().split('\n').pop() ?? '';
    let result = null;
    try { result = JSON.parse(line); } catch { /* crashed */ }
    done({ result, ms: performance.now() - t0, peakMb: peakKb / 1024, timedOut, stderr });
  }));
}

describe(`hostile files (${HOSTILE.length})`, () => {
  it('has at least 40 cases with distinct names', () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(40);
    expect(new Set(HOSTILE.map((c) => c.name)).size).toBe(HOSTILE.length);
  });

  for (const c of HOSTILE) {
    it(`${c.name}: ${c.what}`, async () => {
      const caseDir = join(dir, 'files', c.name.replace(/[^A-Za-z0-9.-]/g, '_'));
      mkdirSync(caseDir);
      const path = await c.make(caseDir);
      const target = join(caseDir, 'w.duckdb');
      copyFileSync(base, target);
      const before = await fingerprintFile(target);
      const profile = { table: c.table ?? 'people', columns: c.columns ?? ROSTER_COLUMNS };
      const o = await importInChild(target, path, profile, c.uploadName);
      rmSync(path, { recursive: true, force: true });
      expect(o.timedOut, `${c.name} took longer than ${TIME_LIMIT_MS} ms`).toBe(false);
      expect(o.result, `${c.name} crashed the importer:\n${o.stderr.slice(0, 2000)}`).not.toBeNull();
      expect(o.peakMb, `${c.name} used ${o.peakMb.toFixed(0)} MB`).toBeLessThan(MEMORY_LIMIT_MB);
      const after = await fingerprintFile(target);
      const r = o.result!;
      if (c.fails) {
        expect(r.ok ? `imported: ${JSON.stringify(r.report.files[0])}` : r.error.message).toMatch(c.fails);
        expect(after).toEqual(before);
      } else {
        expect(r.ok ? 'imported' : r.error.message).toBe('imported');
        if (!r.ok) return;
        const f = r.report.files[0];
        expect(f.rowsImported).toBe(c.lands);
        const rejects = r.report.rejects.map((x) => ({ row: x.row, column: x.column, reason: x.reason }));
        expect(rejects).toHaveLength(c.rejects?.length ?? 0);
        for (const want of c.rejects ?? []) {
          expect(rejects).toContainEqual({ row: want.row, column: want.column, reason: expect.stringMatching(want.reason) });
        }
        if (c.lands === 0) expect(after.people).toBe(before.people);
      }
    }, TIME_LIMIT_MS + 30_000);
  }
});
