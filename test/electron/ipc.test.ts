import { describe, it, expect, vi, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { registerIpc, isTrustedFrameUrl } from '../../electron/ipc';
import { api, MAX_REQUEST_BYTES, type MethodName, type Reply } from '../../src/api/contract';
import { createCore, type Core } from '../../src/api/core';
import { Workspace } from '../../src/workspace/workspace';

// ipc.ts imports only types from 'electron', so no mock is needed: the fakes below stand in.

const INDEX = 'file:///opt/Pathways/resources/app.asar/dist/renderer/index.html';

type Handler = (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, method: unknown, input: unknown, callId?: unknown) => Promise<Reply<unknown>>;
type Listener = (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, callId: unknown) => void;

/** Registers the IPC on a fake ipcMain and returns the invoke handler and the cancel listener it installed. */
function register(core: Core): { handler: Handler; cancel: Listener; channels: string[]; messages: string[] } {
  const handle = vi.fn();
  const on = vi.fn();
  registerIpc({ handle, on }, core, (url) => isTrustedFrameUrl(url, INDEX));
  return {
    handler: handle.mock.calls[0][1] as Handler,
    cancel: on.mock.calls[0][1] as Listener,
    channels: handle.mock.calls.map((c) => c[0] as string),
    messages: on.mock.calls.map((c) => c[0] as string),
  };
}

const frame = (url: string) => ({ senderFrame: { url } }) as unknown as IpcMainInvokeEvent;
const trusted = frame(INDEX);

/** A core whose handlers record calls, to prove a refused request never reached it. */
function spyCore() {
  // One spy per method of the contract, so a new method is covered without editing this.
  const core = Object.fromEntries(Object.keys(api).map((m) => [m, vi.fn(async () => (m === 'runModel' ? new Uint8Array() : { name: 'spy' }))]));
  const calls = () => Object.values(core).reduce((n, fn) => n + fn.mock.calls.length, 0);
  return { core: core as unknown as Core, calls };
}

describe('isTrustedFrameUrl', () => {
  it('accepts the renderer index, with or without a hash or query', () => {
    expect(isTrustedFrameUrl(INDEX, INDEX)).toBe(true);
    expect(isTrustedFrameUrl(`${INDEX}#/models/participation`, INDEX)).toBe(true);
    expect(isTrustedFrameUrl(`${INDEX}?period=2026-Q1`, INDEX)).toBe(true);
  });

  it.each([
    ['https', 'https://example.com/dist/renderer/index.html'],
    ['http on localhost', 'http://127.0.0.1:5173/index.html'],
    ['devtools', 'devtools://devtools/bundled/devtools_app.html'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['blob', 'blob:file:///0f3b0b1e-8c4e-4a7c-9a1c-1f0e1e1e1e1e'],
    ['another file', 'file:///etc/passwd'],
    ['a sibling file', 'file:///opt/Pathways/resources/app.asar/dist/renderer/other.html'],
    ['a longer name', `${INDEX}.html`],
    ['a file on another host', 'file://attacker/opt/Pathways/resources/app.asar/dist/renderer/index.html'],
    ['about:blank', 'about:blank'],
    ['an empty string', ''],
    ['not a URL', 'index.html'],
  ])('refuses %s', (_name, url) => {
    expect(isTrustedFrameUrl(url, INDEX)).toBe(false);
  });
});

describe('registerIpc', () => {
  it('registers exactly one call channel, pathways:invoke, and one message, pathways:cancel', () => {
    const { channels, messages } = register(spyCore().core);
    expect(channels).toEqual(['pathways:invoke']);
    expect(messages).toEqual(['pathways:cancel']);
  });

  it('aborts a call the window cancels by its id, and only for a trusted sender', async () => {
    const seen: AbortSignal[] = [];
    const core = { ...spyCore().core, runModel: (_i: unknown, context?: { signal?: AbortSignal }) => {
      seen.push(context!.signal!);
      return new Promise<Uint8Array>((ok) => context!.signal!.addEventListener('abort', () => ok(new Uint8Array())));
    } } as unknown as Core;
    const { handler, cancel } = register(core);
    const id = 'c0ffee00-0000-4000-8000-000000000001';
    const call = handler(trusted, 'runModel', { model: 'pipeline', params: { period: '2026-Q2' } }, id);
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    cancel(frame('https://example.com/'), id);
    cancel(trusted, 'not an id');
    expect(seen[0].aborted).toBe(false);
    cancel(trusted, id);
    expect(seen[0].aborted).toBe(true);
    await call;
  });

  it('refuses an untrusted sender frame with FORBIDDEN, before the core sees anything', async () => {
    const spy = spyCore();
    const { handler } = register(spy.core);
    for (const url of ['https://example.com/', 'file:///tmp/evil.html', 'devtools://devtools/bundled/devtools_app.html']) {
      expect(await handler(frame(url), 'info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(spy.calls()).toBe(0);
  });

  it('refuses a missing or destroyed sender frame with FORBIDDEN', async () => {
    const spy = spyCore();
    const { handler } = register(spy.core);
    expect(await handler({ senderFrame: null }, 'info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await handler({} as IpcMainInvokeEvent, 'info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const destroyed = { get senderFrame(): never { throw new Error('Render frame was disposed before WebFrameMain could be accessed'); } };
    expect(await handler(destroyed, 'info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(spy.calls()).toBe(0);
  });

  it.each(['infos', 'runSql', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 42, null, undefined, ['info']])(
    'refuses the unknown method %j with BAD_REQUEST',
    async (method) => {
      const spy = spyCore();
      const { handler } = register(spy.core);
      const reply = await handler(trusted, method, {});
      expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      expect(spy.calls()).toBe(0);
    },
  );

  // What every method refuses, whatever its schema.
  const oversized = { pad: 'x'.repeat(MAX_REQUEST_BYTES + 1) };
  const anyMethod: Array<[string, unknown]> = [
    ['a number', 42],
    ['a string', 'hello'],
    ['a boolean', true],
    ['an array', []],
    ['extra keys', { unexpected: true }],
    ['an oversized string', oversized],
    ['multi-byte text over the byte limit', { pad: 'é'.repeat(MAX_REQUEST_BYTES / 2 + 1) }],
    ['a bigint', { n: 1n }],
  ];

  const fileId = '0123456789abcdef0123456789abcdef';
  const profile = { table: 'people', columns: { person_id: 'Employee ID', snapshot_date: 'As Of', level: 'Level' } };
  const validRun = { model: 'participation_rate', params: { period: '2026-Q1' } };
  const withParams = (p: Record<string, unknown>) => ({ ...validRun, params: { ...validRun.params, ...p } });
  const specific: Record<MethodName, Array<[string, unknown]>> = {
    info: [],
    listModels: [],
    runModel: [
      ['no params', { model: 'participation_rate' }],
      ['an extra top-level key', { ...validRun, sql: 'DROP TABLE people' }],
      ['an extra params key', withParams({ where: '1=1' })],
      ["period 'bad'", withParams({ period: 'bad' })],
      ['period 2026-Q5', withParams({ period: '2026-Q5' })],
      ['k = 2 (below the minimum cell size)', withParams({ k: 2 })],
      ['k = 2.5', withParams({ k: 2.5 })],
      ['k as a string', withParams({ k: '5' })],
      ['a model name that is not an identifier', { ...validRun, model: '../../etc/passwd' }],
      ['a dimension with SQL in it', withParams({ dimension: 'gender; DROP TABLE people' })],
      ['a department over 200 characters', withParams({ department: 'x'.repeat(201) })],
      ['a negative level', withParams({ levelMin: -1 })],
      ['an unknown layer', withParams({ layer: 'secret' })],
      ['a reference group that is not text', withParams({ reference: { group: 1 } })],
      ['an oversized params string', withParams({ department: 'x'.repeat(MAX_REQUEST_BYTES) })],
    ],
    findings: [['no params', {}], ["period 'bad'", { params: { period: 'bad' } }]],
    inspectFile: [
      ['a path instead of a file id', { fileId: '/etc/passwd' }],
      ['a path key', { path: '/etc/passwd' }],
      ['header row 0', { fileId, headerRow: 0 }],
    ],
    importFiles: [
      ['no files', { files: [] }],
      ['a path instead of a file id', { files: [{ fileId: '../x.csv', profile }] }],
      ['an unknown table', { files: [{ fileId, profile: { ...profile, table: 'salaries' } }] }],
      ['an unknown onInvalid', { files: [{ fileId, profile }], onInvalid: 'ignore' }],
      ['an extra profile key', { files: [{ fileId, profile: { ...profile, sql: 'x' } }] }],
    ],
    startImport: [
      ['no files', { files: [] }],
      ['a path instead of a file id', { files: [{ fileId: '/etc/passwd', profile }] }],
      ['dryRun as text', { files: [{ fileId, profile }], dryRun: 'yes' }],
    ],
    importStatus: [['no job id', {}], ['a job id that is not hex', { jobId: '../../x' }]],
    cancelImport: [['no job id', {}], ['a numeric job id', { jobId: 12 }]],
    importRejectsCsv: [['a path for a job id', { jobId: '/tmp/rejects.csv' }]],
    dataSettings: [],
    removePerson: [['no id', {}], ['an empty id', { personId: '' }], ['a numeric id', { personId: 12 }], ['an id of 10,000 characters', { personId: 'x'.repeat(10_000) }]],
    removeImport: [['import id 0', { importId: 0 }], ['import id as text', { importId: '1' }]],
    setLevelOrder: [['no levels', { levels: [] }], ['rank 0', { levels: [{ label: 'L1', rank: 0 }] }], ['empty label', { levels: [{ label: '', rank: 1 }] }]],
    setFiscalStartMonth: [['month 0', { month: 0 }], ['month 13', { month: 13 }], ['a fraction', { month: 4.5 }], ['text', { month: 'April' }], ['extra key', { month: 4, year: 2026 }]],
    addLabelMerge: [['an extra dimension', { dimension: 'age', from: 'a', to: 'b' }], ['empty target', { dimension: 'gender', from: 'F', to: '' }]],
    exportReport: [
      ['no format', { settings: { period: '2026-Q1' } }],
      ['an unknown format', { settings: { period: '2026-Q1' }, format: 'docx' }],
      ["period 'bad'", { settings: { period: 'bad' }, format: 'pdf' }],
      ['k = 2', { settings: { period: '2026-Q1', k: 2 }, format: 'pdf' }],
      ['no dimension', { settings: { period: '2026-Q1', dimensions: [] }, format: 'html' }],
      ['a dimension with SQL in it', { settings: { period: '2026-Q1', dimensions: ['gender; DROP TABLE people'] }, format: 'html' }],
      ['an output path', { settings: { period: '2026-Q1' }, format: 'pdf', out: '/etc/passwd' }],
    ],
    saveReview: [['no settings', {}], ['an extra settings key', { settings: { period: '2026-Q1', sql: 'x' } }]],
    listReviews: [],
    openReview: [['review id 0', { reviewId: 0 }], ['review id as text', { reviewId: '1' }]],
    exportReview: [['an unknown format', { reviewId: 1, format: 'exe' }], ['no review id', { format: 'pdf' }]],
    compareReviews: [['one review', { a: 1 }], ['a negative id', { a: 1, b: -2 }]],
  };
  const validInput: Record<MethodName, unknown> = {
    info: {}, listModels: {}, runModel: validRun, findings: { params: validRun.params },
    inspectFile: { fileId }, importFiles: { files: [{ fileId, profile }] }, removeImport: { importId: 1 }, removePerson: { personId: 'E0001' },
    startImport: { files: [{ fileId, profile }], dryRun: true }, importStatus: { jobId: 'a'.repeat(24) },
    cancelImport: { jobId: 'b'.repeat(24) }, importRejectsCsv: { jobId: 'c'.repeat(24) }, dataSettings: {},
    setLevelOrder: { levels: [{ label: 'L1', rank: 1 }] }, addLabelMerge: { dimension: 'gender', from: 'F', to: 'Woman' },
    setFiscalStartMonth: { month: 4 },
    exportReport: { settings: { period: '2026-Q1' }, format: 'pdf' }, saveReview: { settings: { period: '2026-Q1', k: 10 } }, listReviews: {},
    openReview: { reviewId: 1 }, exportReview: { reviewId: 1, format: 'xlsx' }, compareReviews: { a: 1, b: 2 },
  };

  for (const method of Object.keys(api) as MethodName[]) {
    describe(method, () => {
      it('accepts its well-formed input (so the refusals below are about the input)', async () => {
        const spy = spyCore();
        const { handler } = register(spy.core);
        expect(await handler(trusted, method, validInput[method])).toMatchObject({ ok: true });
        expect(spy.calls()).toBe(1);
      });

      it.each([...anyMethod, ...specific[method]])('refuses %s with BAD_REQUEST', async (_name, input) => {
        const spy = spyCore();
        const { handler } = register(spy.core);
        const reply = await handler(trusted, method, input);
        expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
        expect(spy.calls()).toBe(0);
      });
    });
  }

  it('refuses an oversized input by its size, before validating it', async () => {
    const { handler } = register(spyCore().core);
    const reply = await handler(trusted, 'info', oversized);
    expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: `The request is larger than ${MAX_REQUEST_BYTES} bytes.` } });
  });

  it('refuses a circular input (structured clone carries cycles, JSON cannot)', async () => {
    const spy = spyCore();
    const { handler } = register(spy.core);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(await handler(trusted, 'info', cyclic)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(spy.calls()).toBe(0);
  });

  describe('with a real workspace on disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pathways-ipc-'));
    let ws: Workspace | undefined;
    afterAll(() => {
      ws?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('calls through to the core for a trusted sender', async () => {
      ws = await Workspace.open(join(dir, 'w.duckdb'));
      const { handler } = register(createCore(ws));
      const info = await handler(frame(`${INDEX}#/overview`), 'info', {});
      expect(info).toMatchObject({ ok: true, value: { name: 'w.duckdb' } });
      const models = await handler(trusted, 'listModels', undefined);
      expect(models.ok).toBe(true);
      expect(Array.isArray(models.ok && models.value)).toBe(true);
    });
  });
});
