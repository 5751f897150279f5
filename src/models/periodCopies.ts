import type { DuckDBConnection } from '@duckdb/node-api';
import type { Workspace } from '../workspace/workspace';
import { periodFromLabel, periodOfDate, shiftPeriod, type Period } from './period';
import { fiscalStartMonth } from '../workspace/fiscalYear';
import { defineLib } from './modelLib';
import { CATALOG, derivedReady, inBuildOrder, readDerived } from './derivedTables';

/**
 * A review period's people (period_people in queries/_lib/population.sql: the headcount on its
 * last day with the attributes filters and groups read, and each person's conversations by
 * layer), kept per period and version of the data beside the other derived copies. A page asks
 * for the same few periods under every dimension and filter; with the copy, a change of either
 * only groups the period's people again instead of counting everyone's conversations. Built on
 * the first run that asks for the period; a period the copies cannot hold is computed from the
 * sources by the model itself, which is slower, never different.
 */

/** Whether a model's SQL reads the period's people. */
export const readsPeriodPeople = (sql: string): boolean => /\bperiod_(people|headcount)\s*\(/.test(sql);

/** Periods kept per workspace: about 60 bytes per person each. Beyond, models read the sources. */
export const MAX_PERIOD_COPIES = 24;

/** The copies the period's people are built from. */
const NEEDS = ['roster_dates', 'conversation_rows'];

const FROM_SOURCES = 'CREATE OR REPLACE TEMP MACRO period_people(d_start, d_end) AS TABLE SELECT * FROM period_people_from_sources(d_start, d_end)';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const tableOf = (p: Period) => `period_people_${p.start.replace(/-/g, '')}_${p.end.replace(/-/g, '')}`;

interface Copies { version: number; tables: Map<string, Promise<boolean>> }
const copies = new WeakMap<Workspace, Copies>();

/**
 * The copy of the period's people for the current data version, built if need be: its table,
 * or null when the model should read the sources (too many periods kept, or the build failed;
 * a failed build is tried again by the next run). A caller that leaves stops waiting.
 */
export async function periodCopy(ws: Workspace, period: Period, signal?: AbortSignal): Promise<string | null> {
  if (!isoDate.test(period.start) || !isoDate.test(period.end)) return null;
  const table = tableOf(period);
  let mine = copies.get(ws);
  if (!mine || mine.version !== ws.dataVersion) {
    const stale = mine ? [...mine.tables.keys()] : [];
    copies.set(ws, (mine = { version: ws.dataVersion, tables: new Map() }));
    // The old version's copies go with the first build of the new one.
    if (stale.length) inBuildOrder(ws, () => dropTables(ws, stale)).catch(() => undefined);
  }
  let ready = mine.tables.get(table);
  if (!ready) {
    if (mine.tables.size >= MAX_PERIOD_COPIES) return null;
    const own = mine;
    ready = derivedReady(ws, NEEDS).then(() => inBuildOrder(ws, () => build(ws, period, table))).then(() => true);
    ready.catch(() => { if (own.tables.get(table) === ready) own.tables.delete(table); });
    mine.tables.set(table, ready);
  }
  const built = signal ? await untilDoneOr(ready, signal) : await ready.catch(() => false);
  return built ? table : null;
}

/** Points period_people() on this connection at the copy, or back at the sources (null). */
export async function readPeriodCopy(c: DuckDBConnection, table: string | null, period: Period): Promise<void> {
  if (!table) { await c.run(FROM_SOURCES); return; }
  // The copy holds one period: a call for another (a model asking for its comparison period
  // through the same macro) fails loudly instead of answering with the wrong people.
  await c.run(`CREATE OR REPLACE TEMP MACRO period_people(d_start, d_end) AS TABLE
    SELECT * FROM ${CATALOG}.${table}
    WHERE CASE WHEN d_start::DATE = DATE '${period.start}' AND d_end::DATE = DATE '${period.end}' THEN true
               ELSE error('period_people(): the copy of ${period.start}..${period.end} was asked for another period') END`);
}

/**
 * Starts building the copies a workspace's first page asks for, without waiting: the latest
 * period (the review period a page opens on), the one before it and the same one a year
 * earlier (its comparisons).
 */
export function preparePeriodCopies(ws: Workspace): void {
  (async () => {
    const [{ hi }] = await ws.all<{ hi: string | null }>('SELECT max(d)::VARCHAR AS hi FROM (SELECT max(snapshot_date) AS d FROM people UNION ALL SELECT max(date) FROM sessions)');
    if (!hi) return;
    const fiscal = await fiscalStartMonth(ws);
    const latest = periodOfDate(hi, fiscal);
    await Promise.all([0, -1, -4].map((q) => periodCopy(ws, periodFromLabel(shiftPeriod(latest, q), fiscal))));
  })().catch(() => undefined);
}

/** Forgets the copies (they are rebuilt on the next run): for benchmarks that time the builds. */
export function forgetPeriodCopies(ws: Workspace): void {
  copies.delete(ws);
}

async function build(ws: Workspace, period: Period, table: string): Promise<void> {
  await ws.lease(async (c) => {
    await c.run(`ATTACH IF NOT EXISTS ':memory:' AS ${CATALOG}`);
    await c.run('BEGIN TRANSACTION');
    try {
      await defineLib(c);
      await readDerived(c, NEEDS);
      await c.run(`CREATE OR REPLACE TABLE ${CATALOG}.${table} AS
        SELECT * FROM period_people_from_sources(DATE '${period.start}', DATE '${period.end}')`);
      await c.run('COMMIT');
    } catch (err) {
      await c.run('ROLLBACK').catch(() => undefined);
      throw err;
    }
  });
}

async function dropTables(ws: Workspace, tables: string[]): Promise<void> {
  await ws.lease(async (c) => {
    for (const t of tables) await c.run(`DROP TABLE IF EXISTS ${CATALOG}.${t}`);
  });
}

function untilDoneOr(ready: Promise<boolean>, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise<boolean>((resolve) => {
    const leave = () => resolve(false);
    signal.addEventListener('abort', leave, { once: true });
    ready.then(resolve, () => resolve(false)).finally(() => signal.removeEventListener('abort', leave));
  });
}
