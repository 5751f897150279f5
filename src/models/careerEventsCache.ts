import type { DuckDBConnection } from '@duckdb/node-api';
import type { Workspace } from '../workspace/workspace';
import { ensureLib, defineLib } from './modelLib';
import { pinJobEventFamilies } from './pinJobEventFamilies';

/**
 * Career events (queries/_lib/events.sql) are the same for every period and filter, yet
 * deriving them from the rosters (no job_events) windows every roster row: five models each
 * paid for it on every run. They are built once per version of the data into an
 * in-memory catalog that every connection of the workspace's instance sees, and the models'
 * career_events() reads that copy. Nothing is written to the workspace file.
 */
const CATALOG = 'pathways_derived';

/** Whether a model's SQL reads career_events(). */
export const readsCareerEvents = (sql: string): boolean => /\bcareer_events\s*\(/.test(sql);

interface Build { version: number; ready: Promise<void> }
const builds = new WeakMap<Workspace, Build>();

/** Resolves when the copy for the workspace's current data version is in place. */
export async function careerEventsReady(ws: Workspace, signal?: AbortSignal): Promise<void> {
  const version = ws.dataVersion;
  let build = builds.get(ws);
  if (!build || build.version !== version) {
    // One build at a time: two CREATE OR REPLACE of one table in parallel conflict.
    const before = build?.ready.catch(() => undefined) ?? Promise.resolve();
    const made: Build = { version, ready: before.then(() => buildCopy(ws)) };
    // A failed build is tried again by the next run, not remembered.
    made.ready.catch(() => { if (builds.get(ws) === made) builds.delete(ws); });
    builds.set(ws, (build = made));
  }
  // A caller that leaves stops waiting; the build goes on for the others.
  if (!signal) return build.ready;
  if (signal.aborted) return;
  await new Promise<void>((resolve, reject) => {
    const leave = () => resolve();
    signal.addEventListener('abort', leave, { once: true });
    build.ready.then(resolve, reject).finally(() => signal.removeEventListener('abort', leave));
  });
}

/**
 * Points career_events() on this connection at the copy; inside the model's transaction,
 * after careerEventsReady. A run whose transaction began before a concurrent write committed
 * may pair the old copy with the new data: its answer is keyed by the old data version, which
 * no caller asks for again.
 */
export async function readCachedCareerEvents(c: DuckDBConnection): Promise<void> {
  await c.run(`CREATE OR REPLACE TEMP MACRO career_events() AS TABLE SELECT * FROM ${CATALOG}.career_events`);
}

/** Forgets the copy: for benchmarks that time the derivation itself. */
export function forgetCareerEvents(ws: Workspace): void {
  builds.delete(ws);
}

async function buildCopy(ws: Workspace): Promise<void> {
  await ws.lease(async (c) => {
    await c.run(`ATTACH IF NOT EXISTS ':memory:' AS ${CATALOG}`);
    await c.run('BEGIN TRANSACTION');
    try {
      // When the families cannot be pinned, the lib's own definition must stand, not a pin
      // left on this connection by an earlier build.
      const reused = await ensureLib(c);
      if (!(await pinJobEventFamilies(c)) && reused) await defineLib(c);
      await c.run(`CREATE OR REPLACE TABLE ${CATALOG}.career_events AS SELECT * FROM career_events_from_sources()`);
      await c.run('COMMIT');
    } catch (err) {
      await c.run('ROLLBACK').catch(() => undefined);
      throw err;
    }
  });
}
