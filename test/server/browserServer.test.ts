import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { Workspace } from '../../src/workspace/workspace';
import { createCore } from '../../src/api/core';
import { startBrowserServer, type BrowserServer } from '../../src/server/browserServer';
import { loadParticipation } from '../models/participationFixture';
import { arrowIPCToRows } from '../../src/arrow/toArrow';

let dir: string;
let ws: Workspace;
let server: BrowserServer;

/** Raw HTTP so that Host and Origin can be forged the way an attacker's page would. */
function call(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; type: string; body: Buffer }> {
  const u = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: u.port, path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

const auth = () => ({ Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pathways-server-'));
  mkdirSync(join(dir, 'static'));
  writeFileSync(join(dir, 'static', 'index.html'), '<!doctype html><title>Pathways</title>');
  writeFileSync(join(dir, 'secret.txt'), 'outside the static folder');
  ws = await Workspace.open(join(dir, 'w.duckdb'));
  await loadParticipation(ws);
  server = await startBrowserServer({ core: createCore(ws), staticDir: join(dir, 'static') });
});

afterAll(async () => {
  await server.close();
  ws.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('browser mode server', () => {
  it('listens on loopback and hands the token over in the URL fragment', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.openUrl).toBe(`${server.url}#token=${server.token}`);
    expect(server.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('serves the renderer with a strict CSP, and nothing outside its folder', async () => {
    const index = await call('/');
    expect(index.status).toBe(200);
    expect(index.body.toString()).toContain('<title>Pathways</title>');
    expect((await call('/../secret.txt')).status).toBe(404);
    expect((await call('/%2e%2e/secret.txt')).status).toBe(404);
  });

  it('refuses API calls without the token, with a wrong one, or from another origin', async () => {
    expect((await call('/api/info', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(401);
    expect((await call('/api/info', { method: 'POST', headers: { ...auth(), Authorization: 'Bearer ' + '0'.repeat(64) }, body: '{}' })).status).toBe(401);
    expect((await call('/api/info', { method: 'POST', headers: { ...auth(), Origin: 'http://evil.example' }, body: '{}' })).status).toBe(403);
    expect((await call('/api/info', { method: 'POST', headers: { ...auth(), Host: 'evil.example' }, body: '{}' })).status).toBe(421);
    expect((await call('/api/info', { method: 'GET', headers: auth() })).status).toBe(405);
  });

  it('answers info as JSON and runModel as Arrow bytes', async () => {
    const info = await call('/api/info', { method: 'POST', headers: auth(), body: '{}' });
    expect(info.status).toBe(200);
    const reply = JSON.parse(info.body.toString());
    expect(reply.ok).toBe(true);
    expect(reply.value.periods).toEqual(['2025-Q1', '2025-Q2', '2025-Q3']);
    expect(reply.value.tables.find((t: { table: string }) => t.table === 'people').rows).toBe(23);

    const run = await call('/api/runModel', { method: 'POST', headers: auth(), body: JSON.stringify({ model: 'participation_rate', params: { period: '2025-Q2', k: 3 } }) });
    expect(run.status).toBe(200);
    expect(run.type).toBe('application/vnd.apache.arrow.stream');
    const { rows } = arrowIPCToRows(new Uint8Array(run.body));
    expect(rows.find((r) => r.slice === 'peer' && r.grp === 'Woman')).toMatchObject({ numerator: 3, denominator: 8 });
  });

  it('validates every payload and answers errors as data', async () => {
    const bad = async (path: string, body: string) => {
      const r = await call(path, { method: 'POST', headers: auth(), body });
      return { status: r.status, reply: JSON.parse(r.body.toString()) };
    };
    expect(await bad('/api/runModel', JSON.stringify({ model: 'participation_rate', params: { period: 'last quarter' } })))
      .toMatchObject({ status: 400, reply: { ok: false, error: { code: 'BAD_REQUEST' } } });
    expect(await bad('/api/runModel', JSON.stringify({ model: 'participation_rate', params: { period: '2025-Q2', k: 1 } })))
      .toMatchObject({ status: 400, reply: { ok: false, error: { code: 'BAD_REQUEST' } } });
    expect(await bad('/api/runModel', JSON.stringify({ model: 'participation_rate', params: { period: '2025-Q2' }, extra: 1 })))
      .toMatchObject({ status: 400 });
    expect(await bad('/api/nope', '{}')).toMatchObject({ status: 400, reply: { error: { code: 'BAD_REQUEST' } } });
    expect(await bad('/api/info', 'not json')).toMatchObject({ status: 400 });
    expect(await bad('/api/info', JSON.stringify({ pad: 'x'.repeat(100_000) }))).toMatchObject({ status: 400, reply: { error: { message: 'request too large' } } });
    expect(await bad('/api/runModel', JSON.stringify({ model: 'no_such_model', params: { period: '2025-Q2' } })))
      .toMatchObject({ status: 404, reply: { error: { code: 'NOT_FOUND' } } });
  });

  it('tells the core when the page abandons a call, so the run can stop', async () => {
    let seen: AbortSignal | undefined;
    let started!: () => void;
    const reached = new Promise<void>((ok) => { started = ok; });
    const core = createCore(ws);
    const waiting = await startBrowserServer({
      core: { ...core, runModel: (_input, context) => { seen = context?.signal; started(); return new Promise(() => undefined); } },
      staticDir: join(dir, 'static'),
    });
    try {
      const u = new URL(waiting.url);
      const req = request({ host: '127.0.0.1', port: u.port, path: '/api/runModel', method: 'POST', headers: { Authorization: `Bearer ${waiting.token}`, 'Content-Type': 'application/json' } });
      req.on('error', () => undefined);
      req.end(JSON.stringify({ model: 'participation_rate', params: { period: '2025-Q2' } }));
      await reached;
      expect(seen?.aborted).toBe(false);
      req.destroy();
      await new Promise<void>((ok) => (seen!.aborted ? ok() : seen!.addEventListener('abort', () => ok(), { once: true })));
      expect(seen!.aborted).toBe(true);
    } finally {
      await waiting.close();
    }
  });
});
