import { describe, it, expect, vi } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { IpcMainInvokeEvent } from 'electron';
import { DuckDBInstance } from '@duckdb/node-api';
import { createCore, dispatch } from '../../src/api/core';
import { UploadStore } from '../../src/api/uploads';
import { startBrowserServer } from '../../src/server/browserServer';
import { registerIpc, isTrustedFrameUrl } from '../../electron/ipc';
import type { Reply } from '../../src/api/contract';
import type { ImportJobStatus } from '../../src/ingest/importReport';
import { importFiles, type ImportProgress } from '../../src/ingest/importFiles';
import { withTempWorkspace } from '../helpers/tempWorkspace';
import { workspaceFingerprint } from './workspaceFingerprint';

const corpus = (name: string) => join(__dirname, '..', 'fixtures', 'ingest', 'corpus', name);
const rosterProfile = { table: 'people' as const, columns: { person_id: 'Employee ID', snapshot_date: 'As Of Date', level: 'Job Level', gender: 'Gender' } };

/** A roster big enough that an import is still running when it is cancelled. */
async function writeBigRoster(path: string, rows: number): Promise<void> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  await c.run(`COPY (SELECT printf('E%08d', i) AS "Employee ID", DATE '2025-06-30' AS "As Of Date", 'L' || (1 + i % 5) AS "Job Level",
    ['Woman', 'Man'][1 + i % 2] AS "Gender" FROM range(${rows}) t(i)) TO '${path.replace(/'/g, "''")}' (HEADER)`);
  c.closeSync();
  db.closeSync();
}

const poll = async (get: () => Promise<ImportJobStatus>): Promise<ImportJobStatus> => {
  for (let i = 0; i < 600; i++) {
    const s = await get();
    if (s.state !== 'running') return s;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import job did not finish');
};

describe('import progress and cancel', () => {
  it('reports progress that only grows, per file and step, ending at 1', async () => {
    await withTempWorkspace(async (ws) => {
      const seen: ImportProgress[] = [];
      const report = await importFiles(ws, [{ path: corpus('roster_duplicate_ids.csv'), profile: rosterProfile }], { onInvalid: 'skip' }, { onProgress: (p) => seen.push(p) });
      expect(report.ok).toBe(false);
      expect(seen.map((p) => p.step)).toEqual(expect.arrayContaining(['reading', 'checking', 'landing']));
      for (let i = 1; i < seen.length; i++) expect(seen[i].fraction).toBeGreaterThanOrEqual(seen[i - 1].fraction);
      expect(seen.at(-1)).toMatchObject({ fraction: 1, files: 1 });
    });
  });

  it('a cancelled import stops DuckDB mid-statement and leaves the workspace exactly as it was', async () => {
    await withTempWorkspace(async (ws, dir) => {
      await importFiles(ws, [{ path: corpus('workday_roster_bom_crlf.csv'), profile: { ...rosterProfile, columns: { ...rosterProfile.columns } } }]);
      const big = join(dir, 'big.csv');
      await writeBigRoster(big, 400_000);
      const before = await workspaceFingerprint(ws);
      const controller = new AbortController();
      const started = importFiles(ws, [{ path: big, profile: rosterProfile }], {}, {
        signal: controller.signal,
        // Cancel as soon as the file is being read: DuckDB is inside the staging scan then.
        onProgress: (p) => { if (p.step === 'reading' && !controller.signal.aborted) setTimeout(() => controller.abort(), 30); },
      });
      await expect(started).rejects.toMatchObject({ code: 'CANCELLED', message: 'the import was cancelled: nothing was changed' });
      expect(await workspaceFingerprint(ws)).toEqual(before);
      // The workspace is still usable: the same file imports afterwards.
      expect((await importFiles(ws, [{ path: big, profile: rosterProfile }])).files[0].rowsImported).toBe(400_000);
    });
  });
});

describe('background import jobs over the contract', () => {
  it('dry run, then import valid rows, rejects as CSV, the import listed with its hash, then removed', async () => {
    await withTempWorkspace(async (ws) => {
      const uploads = new UploadStore();
      const core = createCore(ws, uploads);
      try {
        const ref = await uploads.save('roster_duplicate_ids.csv', readFileSync(corpus('roster_duplicate_ids.csv')));
        const files = [{ fileId: ref.fileId, profile: rosterProfile }];
        // Start, then poll the same job until it ends.
        const start = (await dispatch(core, 'startImport', { files, dryRun: true })) as { ok: true; value: ImportJobStatus };
        const dry = await poll(async () => ((await dispatch(core, 'importStatus', { jobId: start.value.jobId })) as { value: ImportJobStatus }).value);
        expect(dry.state).toBe('done');
        expect(dry.report?.files[0]).toMatchObject({ status: 'checked', rowsValid: 3, rowsImported: 0, rejected: 2 });
        expect((await dispatch(core, 'info', {}) as { value: { imports: unknown[] } }).value.imports).toEqual([]);

        const real = (await dispatch(core, 'startImport', { files, onInvalid: 'skip' })) as { ok: true; value: ImportJobStatus };
        const done = await poll(async () => ((await dispatch(core, 'importStatus', { jobId: real.value.jobId })) as { value: ImportJobStatus }).value);
        expect(done.report?.files[0]).toMatchObject({ status: 'imported', rowsImported: 3, rejected: 2 });
        const csv = (await dispatch(core, 'importRejectsCsv', { jobId: real.value.jobId })) as { ok: true; value: { csv: string } };
        expect(csv.value.csv.trim().split('\n')).toEqual([
          'file,row,column,value,reason',
          'roster_duplicate_ids.csv,4,Employee ID,,duplicate of row 2',
          'roster_duplicate_ids.csv,5,Employee ID,,duplicate of row 3',
        ]);
        const info = (await dispatch(core, 'info', {})) as { value: { imports: { importId: number; fileHash: string; rowCount: number; rejectedCount: number }[] } };
        expect(info.value.imports).toHaveLength(1);
        expect(info.value.imports[0]).toMatchObject({ fileHash: done.report!.files[0].hash, rowCount: 3, rejectedCount: 2 });
        expect(await dispatch(core, 'removeImport', { importId: info.value.imports[0].importId })).toEqual({ ok: true, value: { rowsRemoved: 3 } });
        expect(await dispatch(core, 'importStatus', { jobId: 'f'.repeat(24) })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      } finally {
        uploads.cleanup();
      }
    });
  });

  it('works the same over loopback HTTP (browser mode) and Electron IPC, including cancel', async () => {
    await withTempWorkspace(async (ws, dir) => {
      const uploads = new UploadStore();
      const core = createCore(ws, uploads);
      const server = await startBrowserServer({ core, uploads, staticDir: dir });
      try {
        const headers = { Authorization: `Bearer ${server.token}` };
        const up = await fetch(`${server.url}upload`, {
          method: 'POST', headers: { ...headers, 'Content-Type': 'application/octet-stream', 'X-File-Name': 'roster_truncated.csv' },
          body: readFileSync(corpus('roster_truncated.csv')),
        }).then((r) => r.json()) as Reply<{ fileId: string }>;
        if (!up.ok) throw new Error(up.error.message);
        const call = async <T>(method: string, input: unknown) => (await fetch(`${server.url}api/${method}`, {
          method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(input),
        }).then((r) => r.json())) as Reply<T>;
        const started = await call<ImportJobStatus>('startImport', { files: [{ fileId: up.value.fileId, profile: { ...rosterProfile, columns: { person_id: 'Employee ID', snapshot_date: 'As Of Date', level: 'Job Level' } } }], onInvalid: 'skip' });
        if (!started.ok) throw new Error(started.error.message);
        const http = await poll(async () => { const r = await call<ImportJobStatus>('importStatus', { jobId: started.value.jobId }); if (!r.ok) throw new Error(r.error.message); return r.value; });
        expect(http.report?.rejects).toEqual([
          { file: 'roster_truncated.csv', row: 4, column: '(line)', value: null, reason: 'the line has fewer fields than the header (cut off?)' },
        ]);

        // Electron: the same core behind the IPC handler, cancelling a large import.
        const handle = vi.fn();
        const index = 'file:///app/dist/renderer/index.html';
        registerIpc({ handle, on: vi.fn() }, core, (url) => isTrustedFrameUrl(url, index), uploads);
        const invoke = handle.mock.calls[0][1] as (e: Pick<IpcMainInvokeEvent, 'senderFrame'>, m: string, i: unknown) => Promise<Reply<ImportJobStatus>>;
        const event = { senderFrame: { url: index } } as unknown as IpcMainInvokeEvent;
        const big = join(dir, 'big.csv');
        await writeBigRoster(big, 400_000);
        const ref = await uploads.save('big.csv', readFileSync(big));
        const before = await workspaceFingerprint(ws);
        const job = await invoke(event, 'startImport', { files: [{ fileId: ref.fileId, profile: rosterProfile }] });
        if (!job.ok) throw new Error(job.error.message);
        const cancelled = await invoke(event, 'cancelImport', { jobId: job.value.jobId });
        expect(cancelled).toMatchObject({ ok: true, value: { state: 'cancelled', error: { code: 'CANCELLED' }, report: null } });
        expect(await workspaceFingerprint(ws)).toEqual(before);
      } finally {
        await server.close();
        uploads.cleanup();
      }
    });
  });
});
