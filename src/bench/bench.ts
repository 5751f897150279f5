// npm run bench: sizes, times, rows per second and peak memory of the import and the models.
// Usage: npm run bench [-- --rows 1000000] [-- --people 100000] [-- --full] (adds 1,000,000 people)
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { Workspace } from '../workspace/workspace';
import { importFiles } from '../ingest/importFiles';
import { ensureDemoWorkspace } from '../app/demoWorkspace';
import { loadModels } from '../models/registry';
import { runModel, resultToArrow, missingInputs, forgetAnswers } from '../models/runModel';
import { readsCareerEvents, derivedReadBy, derivedReady } from '../models/derivedTables';
import { median } from '../stats/median';

const { values } = parseArgs({ options: { rows: { type: 'string' }, people: { type: 'string' }, full: { type: 'boolean' }, period: { type: 'string' } } });
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const peak = () => mb(process.resourceUsage().maxRSS * 1024);
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const now = () => performance.now();

/** A roster export with vendor headers, written by DuckDB: the bench measures import, not generation. */
async function writeRoster(path: string, rows: number): Promise<void> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  await c.run(`COPY (
    SELECT printf('E%08d', i) AS "Employee ID", DATE '2026-09-30' AS "As Of Date",
           DATE '2015-01-01' + CAST(hash(i, 'h') % 4000 AS INTEGER) AS "Hire Date", NULL AS "Termination Date",
           'L' || (1 + hash(i, 'l') % 6)::VARCHAR AS "Job Level",
           ['Engineering','Sales','Operations','Finance','People','Marketing'][(1 + hash(i, 'd') % 6)::BIGINT] AS "Supervisory Organization",
           ['London','New York','Berlin','Austin'][(1 + hash(i, 'o') % 4)::BIGINT] AS "Location",
           ['Woman','Man','Non-binary','Prefer not to say'][(1 + CASE WHEN hash(i,'g') % 100 < 48 THEN 0 WHEN hash(i,'g') % 100 < 96 THEN 1 WHEN hash(i,'g') % 100 < 98 THEN 2 ELSE 3 END)::BIGINT] AS "Gender",
           ['White','Asian','Black or African American','Hispanic or Latino','Two or More Races'][(1 + hash(i, 'r') % 5)::BIGINT] AS "Race/Ethnicity",
           'Person ' || i AS "Legal Name", 'p' || i || '@example.com' AS "Work Email"
    FROM range(${Math.floor(rows)}) t(i)
  ) TO '${path.replace(/'/g, "''")}' (HEADER, DELIMITER ',')`);
  c.closeSync();
  db.closeSync();
}

async function benchImport(rows: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pathways-bench-'));
  try {
    const csv = join(dir, 'roster.csv');
    await writeRoster(csv, rows);
    const ws = await Workspace.open(join(dir, 'ws.duckdb'));
    const cpu0 = process.cpuUsage();
    const t0 = now();
    const report = await importFiles(ws, [{ path: csv, profile: {
      table: 'people',
      columns: {
        person_id: 'Employee ID', snapshot_date: 'As Of Date', hire_date: 'Hire Date', termination_date: 'Termination Date', level: 'Job Level',
        department: 'Supervisory Organization', location: 'Location', gender: 'Gender', race_ethnicity: 'Race/Ethnicity',
      },
    } }]);
    const ms = now() - t0;
    const cpu = process.cpuUsage(cpu0);
    ws.close();
    if (!report.ok) throw new Error(`bench import rejected rows: ${report.rejectedTotal}`);
    if (report.files[0].rowsImported !== rows) throw new Error(`bench import landed ${report.files[0].rowsImported} of ${rows} rows`);
    // CPU time beside the wall clock: on a shared machine the wall clock alone misleads.
    console.log(`import: roster CSV ${rows.toLocaleString('en')} rows, ${mb(statSync(csv).size)} -> ${secs(ms)} (${secs((cpu.user + cpu.system) / 1000)} CPU), ${Math.round(rows / (ms / 1000)).toLocaleString('en')} rows/s, workspace ${mb(statSync(join(dir, 'ws.duckdb')).size)}, peak RSS ${peak()}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchModels(people: number, period: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pathways-bench-'));
  try {
    const t0 = now();
    const { path } = await ensureDemoWorkspace({ dir, people });
    console.log(`demo workspace: ${people.toLocaleString('en')} people, built in ${secs(now() - t0)}, ${mb(statSync(path).size)}`);
    const ws = await Workspace.open(path);
    const counts = await ws.all<{ t: string; n: bigint }>("SELECT 'people' AS t, count(*) AS n FROM people UNION ALL SELECT 'sessions', count(*) FROM sessions UNION ALL SELECT 'matches', count(*) FROM matches");
    console.log(`  rows: ${counts.map((c) => `${c.t} ${Number(c.n).toLocaleString('en')}`).join(', ')}`);
    // The first variant pays for the derived copies (snapshot dates, career events, conversation
    // pairs, roster breaks) in the first model that reads each; the others find them built, as the models do
    // in an app, which starts the builds when it opens a workspace.
    for (const variant of [
      { withComparisons: false, keepCopies: false, label: 'one period, derived copies built on the way' },
      { withComparisons: false, keepCopies: true, label: 'one period, derived copies already built' },
      { withComparisons: true, keepCopies: true, label: 'with prior + year-ago comparisons, copies built' },
    ]) {
      let total = 0;
      let totalCpu = 0;
      const lines: string[] = [];
      // Every variant times the SQL itself, not answers kept from the one before.
      forgetAnswers(ws, { keepCopies: variant.keepCopies });
      for (const m of loadModels().models.values()) {
        if ((await missingInputs(ws, m)).length) { lines.push(`  ${m.header.name.padEnd(28)} skipped (no input)`); continue; }
        const cpu0 = process.cpuUsage();
        const t = now();
        const bytes = resultToArrow(await runModel(ws, m.header.name, { period, withComparisons: variant.withComparisons }));
        const ms = now() - t;
        // CPU time of the whole process (DuckDB's threads included) beside the wall clock.
        const cpu = process.cpuUsage(cpu0);
        const cpuMs = (cpu.user + cpu.system) / 1000;
        total += ms;
        totalCpu += cpuMs;
        lines.push(`  ${m.header.name.padEnd(28)} ${ms.toFixed(0).padStart(6)} ms ${cpuMs.toFixed(0).padStart(6)} ms CPU  ${String(bytes.byteLength).padStart(7)} B arrow`);
      }
      console.log(`models for ${period}, ${variant.label}:\n${lines.join('\n')}\n  total ${secs(total)} (${secs(totalCpu)} CPU), peak RSS ${peak()}`);
    }
    // As a page runs them: every model at once, each on its own pooled connection.
    const runnable = [];
    for (const m of loadModels().models.values()) if (!(await missingInputs(ws, m)).length) runnable.push(m.header.name);
    // Several runs, the median first: on a shared 2-core machine one run can be 20% off.
    const runs = people >= 500_000 ? 3 : 7;
    for (const keepCopies of [false, true]) {
      const walls: number[] = [];
      const cpus: number[] = [];
      for (let r = 0; r < runs; r++) {
        forgetAnswers(ws, { keepCopies });
        const cpuAll = process.cpuUsage();
        const tAll = now();
        await Promise.all(runnable.map(async (name) => resultToArrow(await runModel(ws, name, { period, withComparisons: false }))));
        const cpu = process.cpuUsage(cpuAll);
        walls.push(now() - tAll);
        cpus.push((cpu.user + cpu.system) / 1000);
      }
      console.log(`models for ${period}, one period, all ${runnable.length} at once, ${keepCopies ? 'derived copies already built' : 'derived copies built on the way'}: median of ${runs} runs ${secs(median(walls)!)} (${secs(median(cpus)!)} CPU), min ${secs(Math.min(...walls))}, max ${secs(Math.max(...walls))}; peak RSS ${peak()}`);
    }
    // The builds alone, as an app starts them when it opens the workspace.
    forgetAnswers(ws);
    const tables = [...new Set([...loadModels().models.values()].flatMap((m) => derivedReadBy(m.sql)))];
    const cpuBuild = process.cpuUsage();
    const tBuild = now();
    await derivedReady(ws, tables);
    const cpuB = process.cpuUsage(cpuBuild);
    console.log(`derived copies (${tables.join(', ')}): built in ${secs(now() - tBuild)} (${secs((cpuB.user + cpuB.system) / 1000)} CPU), peak RSS ${peak()}`);
    await benchRosterOnly(ws, period);
    ws.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Without job_events every career event is derived from the roster snapshots, a window over
 * every roster row: the runner derives them once per data version for all the models that
 * read them (src/models/derivedTables.ts). The first model below pays for that once.
 * Changes the bench's own throwaway workspace.
 */
async function benchRosterOnly(ws: Workspace, period: string): Promise<void> {
  await ws.write((c) => c.run('DELETE FROM job_events'));
  forgetAnswers(ws);
  const lines: string[] = [];
  let total = 0;
  for (const m of loadModels().models.values()) {
    if (!readsCareerEvents(m.sql)) continue;
    const t = now();
    resultToArrow(await runModel(ws, m.header.name, { period, withComparisons: false }));
    const ms = now() - t;
    total += ms;
    lines.push(`  ${m.header.name.padEnd(28)} ${ms.toFixed(0).padStart(6)} ms`);
  }
  console.log(`career-event models for ${period}, rosters only (job_events emptied), one after another:\n${lines.join('\n')}\n  total ${secs(total)}`);
}

const period = values.period ?? '2026-Q3';
await benchImport(Number(values.rows ?? 1_000_000));
await benchModels(Number(values.people ?? 100_000), period);
if (values.full) await benchModels(1_000_000, period);
