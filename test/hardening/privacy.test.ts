import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { unzipSync, strFromU8 } from 'fflate';
import { DuckDBInstance } from '@duckdb/node-api';
import { appRoot } from '../../src/paths';
import { DemoManifestSchema, type DemoManifest } from '../../src/demo/demoManifest';
import { SENSITIVE_HINT } from '../../src/ingest/mappingProfile';

/**
 * A full demo run, greped for the people in it: every raw id, name and e-mail address in the
 * generated export files is looked for in every output Pathways writes (CLI results in every
 * format, the browser mode's API answers and its log, the workspace's own tables) and must
 * appear in none of them.
 */

const CLI = join(appRoot(), 'dist', 'cli', 'pathways.mjs');
const ID_FIELDS = new Set(['person_id', 'manager_id', 'mentor_id', 'mentee_id', 'host_id', 'coach_id', 'coachee_id', 'rater_id']);
const PERIOD = '2026-Q2';

let dir: string;
let manifest: DemoManifest;
const outputs: { where: string; text: string }[] = [];
const secrets = new Set<string>();

function cli(args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/**
 * A table function over one of the test's own generated files. The path is spliced (quoted):
 * DuckDB cannot prepare a read_json over a path it does not know yet, and this path is the
 * test's temp folder, never input.
 */
function reader(path: string): string {
  const p = `'${path.replace(/'/g, "''")}'`;
  return path.endsWith('.parquet') ? `read_parquet(${p})` : /\.(nd)?json$/.test(path) ? `read_json_auto(${p})` : `read_csv(${p}, all_varchar = true)`;
}

/** The distinct values of some columns of one demo export file, read by DuckDB. */
async function valuesOf(path: string, columns: string[]): Promise<string[]> {
  if (!columns.length) return [];
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    const from = reader(path);
    const cols = columns.map((x) => `SELECT DISTINCT "${x.replace(/"/g, '""')}"::VARCHAR AS v FROM ${from}`).join(' UNION ');
    const rows = (await c.runAndReadAll(`SELECT v FROM (${cols}) WHERE v IS NOT NULL AND length(v) >= 5`)).getRowObjectsJS();
    return rows.map((r) => String(r.v));
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pathways-privacy-'));
  const demo = cli(['demo', '--dir', dir, '--people', '600']);
  expect(demo.status, demo.stderr).toBe(0);
  outputs.push({ where: 'demo log', text: demo.stdout + demo.stderr });
  manifest = DemoManifestSchema.parse(JSON.parse(readFileSync(join(dir, 'files', 'manifest.json'), 'utf8')));
  for (const f of manifest.files) {
    const path = join(dir, 'files', f.file);
    const mapping = f.mapping as { columns: Record<string, string> };
    const idColumns = Object.entries(mapping.columns).filter(([field]) => ID_FIELDS.has(field)).map(([, col]) => col);
    const header = (await valuesOfHeader(path));
    const sensitive = header.filter((h) => SENSITIVE_HINT.test(h));
    for (const v of await valuesOf(path, [...idColumns, ...sensitive])) secrets.add(v);
  }
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function valuesOfHeader(path: string): Promise<string[]> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    return (await c.runAndReadAll(`DESCRIBE SELECT * FROM ${reader(path)}`)).getRowObjectsJS().map((r) => String(r.column_name));
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

function leaks(): string[] {
  const found: string[] = [];
  for (const o of outputs) {
    for (const s of secrets) if (o.text.includes(s)) { found.push(`${o.where}: ${s}`); break; }
  }
  return found;
}

describe('no raw id, name or e-mail leaves Pathways', () => {
  it('knows what to look for: ids, names and e-mails from every demo file', () => {
    const all = [...secrets];
    expect(all.some((s) => /^E\d{7}$/.test(s))).toBe(true);
    expect(all.some((s) => /@northwind-demo\.example$/.test(s))).toBe(true);
    expect(all.some((s) => /^[A-Z][a-z]+ [A-Z][a-z'-]+$/.test(s))).toBe(true);
    expect(all.length).toBeGreaterThan(1000);
  });

  it('in the CLI: info, models and every model in every format', async () => {
    const ws = join(dir, 'workspace.duckdb');
    for (const args of [['info', '--workspace', ws], ['models']]) {
      const r = cli(args);
      expect(r.status, r.stderr).toBe(0);
      outputs.push({ where: args.join(' '), text: r.stdout + r.stderr });
    }
    const models = cli(['models']).stdout.trim().split('\n').map((l) => l.split(/\s+/)[0]);
    expect(models.length).toBeGreaterThanOrEqual(20);
    // JSON carries everything a result holds (rows, notes, population); the other formats print
    // the same rows, so one model is enough to cover their own code.
    const runs = [...models.map((m) => [m, 'json']), ['participation_rate', 'csv'], ['participation_rate', 'table']];
    for (const [m, format] of runs) {
      const r = cli(['run', m, '--workspace', ws, '--period', PERIOD, '--format', format, '--k', '3']);
      outputs.push({ where: `run ${m} --format ${format}`, text: r.stdout + r.stderr });
    }
    expect(leaks()).toEqual([]);
  }, 600_000);

  it('in browser mode: every API answer and the server log', async () => {
    const ws = join(dir, 'workspace.duckdb');
    const server = spawn(process.execPath, [CLI, 'serve', '--workspace', ws], { stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    server.stdout!.on('data', (d) => { log += d; });
    server.stderr!.on('data', (d) => { log += d; });
    try {
      const url = await new Promise<string>((ready, fail) => {
        server.stdout!.on('data', () => { const m = /Open (http:\/\/\S+)/.exec(log); if (m) ready(m[1]); });
        server.on('exit', (code) => fail(new Error(`serve exited with ${code}: ${log}`)));
      });
      const origin = new URL(url).origin;
      const token = new URL(url).hash.replace('#token=', '');
      const call = async (method: string, input: unknown) => {
        const res = await fetch(`${origin}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, Origin: origin }, body: JSON.stringify(input) });
        const type = res.headers.get('content-type') ?? '';
        if (type.includes('arrow')) {
          const table = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
          return JSON.stringify({ meta: table.schema.metadata.get('pathways'), rows: table.toArray().map((r) => r.toJSON()) }, (_k, v) => (typeof v === 'bigint' ? String(v) : v));
        }
        return res.text();
      };
      outputs.push({ where: 'api info', text: await call('info', {}) });
      const models = JSON.parse(await call('listModels', {})).value as { name: string; available: boolean }[];
      outputs.push({ where: 'api listModels', text: JSON.stringify(models) });
      for (const m of models) {
        for (const dimension of ['gender', 'race_ethnicity']) {
          outputs.push({ where: `api runModel ${m.name} ${dimension}`, text: await call('runModel', { model: m.name, params: { period: PERIOD, dimension, k: 3 } }) });
        }
      }
      outputs.push({ where: 'api findings', text: await call('findings', { params: { period: PERIOD } }) });
      outputs.push({ where: 'api error', text: await call('runModel', { model: 'no_such_model', params: { period: PERIOD } }) });
    } finally {
      server.kill('SIGTERM');
      await new Promise((done) => server.on('exit', done));
    }
    outputs.push({ where: 'server log', text: log });
    expect(leaks()).toEqual([]);
  }, 600_000);

  it('in the review pack: HTML, CSV tables, XLSX workbook and a sealed review', async () => {
    const ws = join(dir, 'workspace.duckdb');
    const out = mkdtempSync(join(tmpdir(), 'pathways-privacy-report-'));
    try {
      for (const format of ['html', 'csv', 'xlsx']) {
        const file = join(out, `pack.${format === 'csv' ? 'csv.zip' : format}`);
        const r = cli(['report', '--workspace', ws, '--period', PERIOD, '--format', format, '--out', file]);
        expect(r.status, r.stderr).toBe(0);
        outputs.push({ where: `report ${format} log`, text: r.stdout + r.stderr });
        const bytes = readFileSync(file);
        // Zipped formats are read entry by entry; their text is what a spreadsheet shows.
        const texts = format === 'html' ? [bytes.toString('utf8')] : Object.values(unzipSync(bytes)).map((b) => strFromU8(b));
        expect(texts.join('').length).toBeGreaterThan(1000);
        outputs.push({ where: `report ${format}`, text: texts.join('\n') });
      }
      const saved = cli(['review', 'save', '--workspace', ws, '--period', PERIOD]);
      expect(saved.status, saved.stderr).toBe(0);
      const list = cli(['review', 'list', '--workspace', ws]);
      outputs.push({ where: 'review save/list', text: saved.stdout + saved.stderr + list.stdout + list.stderr });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
    expect(leaks()).toEqual([]);
  }, 600_000);

  it('in the workspace itself: every table, the import log and the saved mappings', async () => {
    const db = await DuckDBInstance.create(join(dir, 'workspace.duckdb'), { access_mode: 'READ_ONLY' });
    const c = await db.connect();
    try {
      const tables = (await c.runAndReadAll("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'")).getRowObjectsJS().map((r) => String(r.table_name));
      expect(tables).toContain('people');
      for (const t of tables) {
        const rows = (await c.runAndReadAll(`SELECT * FROM "${t.replace(/"/g, '""')}"`)).getRowObjectsJS();
        outputs.push({ where: `table ${t}`, text: JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? String(v) : v)) });
      }
    } finally {
      c.closeSync();
      db.closeSync();
    }
    expect(leaks()).toEqual([]);
    // And nothing else the run left beside the workspace but the demo's own input files.
    const left = readdirSync(dir).filter((f) => f !== 'files' && statSync(join(dir, f)).isFile());
    expect(left.sort()).toEqual(['workspace.duckdb']);
  }, 300_000);
});
