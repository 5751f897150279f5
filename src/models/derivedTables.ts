import type { DuckDBConnection } from '@duckdb/node-api';
import type { Workspace } from '../workspace/workspace';
import { defineLib } from './modelLib';
import { pinJobEventFamilies } from './pinJobEventFamilies';

/**
 * Building blocks that are the same for every period and filter, yet cost every model that
 * reads them a pass over whole tables on every run, are built once per version of the data
 * into an in-memory catalog that every connection of the workspace's instance sees; the
 * models' macros are pointed at those copies. Nothing is written to the workspace file, and
 * the copies hold the same pseudonymous ids as the workspace and go with the process.
 */
const CATALOG = 'pathways_derived';

interface Derived {
  /** The table in the catalog. */
  table: string;
  /** Whether a model's SQL reads it. */
  reads: RegExp;
  /** What the copy holds, with the shared macros' own definitions. */
  build: string;
  /** Redefines the macro the models call to read the copy. */
  readCopy: string;
  /** Pins job_events' families in the build's transaction (src/models/pinJobEventFamilies.ts). */
  pinJobEvents?: boolean;
}

const DERIVED: Derived[] = [
  {
    // The roster in force at a date (queries/_lib/population.sql) is asked by nearly every
    // model for each period it covers; finding the snapshot dates scans every roster row.
    // First: it takes milliseconds, and the builds run one at a time.
    table: 'roster_dates',
    reads: /\b(roster_dates?|headcount_at|last_records)\s*\(/,
    build: 'SELECT * FROM roster_dates_from_sources()',
    readCopy: `CREATE OR REPLACE TEMP MACRO roster_dates() AS TABLE SELECT * FROM ${CATALOG}.roster_dates`,
  },
  {
    // Deriving them from the rosters (no job_events) windows every roster row.
    table: 'career_events',
    reads: /\bcareer_events\s*\(/,
    build: 'SELECT * FROM career_events_from_sources()',
    readCopy: `CREATE OR REPLACE TEMP MACRO career_events() AS TABLE SELECT * FROM ${CATALOG}.career_events`,
    pinJobEvents: true,
  },
  {
    // Four joins of every session of the period, for each of seven models and each period a
    // page compares. Kept in date order so that a period's filter skips the other row groups.
    table: 'conversation_rows',
    reads: /\bconversation(s|_rows)\s*\(/,
    build: "SELECT * FROM conversation_rows_from_sources(DATE '-infinity', DATE 'infinity') ORDER BY date",
    readCopy: `CREATE OR REPLACE TEMP MACRO conversation_rows(d_start, d_end) AS TABLE
      SELECT * FROM ${CATALOG}.conversation_rows WHERE date >= d_start AND date < d_end`,
  },
  {
    // Finding where each person was last seen before a date ranks every earlier roster row by
    // person; the records that the next roster does not continue are a few percent of them.
    table: 'roster_breaks',
    // last_records() (queries/_lib/population.sql) reads them.
    reads: /\b(roster_breaks|last_records)\s*\(/,
    build: 'SELECT * FROM roster_breaks_from_sources() ORDER BY snapshot_date',
    readCopy: `CREATE OR REPLACE TEMP MACRO roster_breaks() AS TABLE SELECT * FROM ${CATALOG}.roster_breaks`,
  },
];

/** The derived tables a model's SQL reads. */
export const derivedReadBy = (sql: string): string[] => DERIVED.filter((d) => d.reads.test(sql)).map((d) => d.table);

/** Whether a model's SQL reads career_events(). */
export const readsCareerEvents = (sql: string): boolean => derivedReadBy(sql).includes('career_events');

interface Build { version: number; ready: Promise<void> }
const builds = new WeakMap<Workspace, Map<string, Build>>();
/** The last build of each workspace: builds run one at a time (two catalog writes at once conflict). */
const lastBuild = new WeakMap<Workspace, Promise<void>>();

/** Resolves when the copies of these tables for the workspace's current data version are in place. */
export async function derivedReady(ws: Workspace, tables: string[], signal?: AbortSignal): Promise<void> {
  const ready = Promise.all(tables.map((t) => buildOf(ws, DERIVED.find((d) => d.table === t)!)));
  // A caller that leaves stops waiting; the builds go on for the others.
  if (!signal) { await ready; return; }
  if (signal.aborted) return;
  await new Promise<void>((resolve, reject) => {
    const leave = () => resolve();
    signal.addEventListener('abort', leave, { once: true });
    ready.then(() => resolve(), reject).finally(() => signal.removeEventListener('abort', leave));
  });
}

/**
 * Starts building every copy for the current data version without waiting: when a workspace
 * opens, so that the builds overlap the window's loading instead of the first page's models.
 * A failed build is only forgotten; the next model that needs it tries again.
 */
export function prepareDerived(ws: Workspace): void {
  for (const d of DERIVED) buildOf(ws, d).catch(() => undefined);
}

function buildOf(ws: Workspace, derived: Derived): Promise<void> {
  const version = ws.dataVersion;
  let mine = builds.get(ws);
  if (!mine) builds.set(ws, (mine = new Map()));
  const known = mine.get(derived.table);
  if (known && known.version === version) return known.ready;
  const before = lastBuild.get(ws)?.catch(() => undefined) ?? Promise.resolve();
  const made: Build = { version, ready: before.then(() => buildCopy(ws, derived)) };
  lastBuild.set(ws, made.ready);
  // A failed build is tried again by the next run, not remembered.
  made.ready.catch(() => { if (mine.get(derived.table) === made) mine.delete(derived.table); });
  mine.set(derived.table, made);
  return made.ready;
}

/**
 * Points the macros on this connection at the copies; inside the model's transaction, after
 * derivedReady. A run whose transaction began before a concurrent write committed may pair an
 * old copy with the new data: its answer is keyed by the old data version, which no caller
 * asks for again.
 */
export async function readDerived(c: DuckDBConnection, tables: string[]): Promise<void> {
  for (const d of DERIVED) if (tables.includes(d.table)) await c.run(d.readCopy);
}

/** Forgets the copies: for benchmarks that time the derivations themselves. */
export function forgetDerived(ws: Workspace): void {
  builds.delete(ws);
}

async function buildCopy(ws: Workspace, derived: Derived): Promise<void> {
  await ws.lease(async (c) => {
    await c.run(`ATTACH IF NOT EXISTS ':memory:' AS ${CATALOG}`);
    await c.run('BEGIN TRANSACTION');
    try {
      // The lib's own definitions, not job_events pins an earlier build left on this connection.
      await defineLib(c);
      if (derived.pinJobEvents) await pinJobEventFamilies(c);
      await c.run(`CREATE OR REPLACE TABLE ${CATALOG}.${derived.table} AS ${derived.build}`);
      await c.run('COMMIT');
    } catch (err) {
      await c.run('ROLLBACK').catch(() => undefined);
      throw err;
    }
  });
}
