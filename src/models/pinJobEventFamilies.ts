import type { DuckDBConnection } from '@duckdb/node-api';

/** The families of career event (queries/_lib/events.sql, event_family) job_events can carry. */
const FAMILIES = ['level change', 'exit', 'hire', 'lateral'] as const;

/**
 * Replaces the job_events_carry(family) macro of queries/_lib/events.sql with constants read
 * from the workspace now. The macro's own definition asks job_events at run time, which is
 * right but leaves the optimizer unable to drop a derivation whose result is thrown away:
 * deriving level changes and exits from the rosters scans and windows every roster row.
 * With constants it folds the dead branch to an empty result. Run in the same transaction as
 * the derivation so that both see the same job_events. False when it pinned nothing (a family it
 * does not know): the macro is left as it was.
 */
export async function pinJobEventFamilies(c: DuckDBConnection): Promise<boolean> {
  const rows = (await c.runAndReadAll('SELECT DISTINCT event_family(event_type) AS family FROM job_events')).getRowObjectsJS();
  const carried = new Set(rows.map((r) => String(r.family)));
  // A family this list does not know keeps the macro's own (slower, still right) definition.
  if ([...carried].some((f) => !(FAMILIES as readonly string[]).includes(f))) return false;
  // Only the fixed family names above reach the SQL text, never a value from the data.
  const pinned = FAMILIES.filter((f) => carried.has(f)).map((f) => `'${f}'`);
  await c.run(`CREATE OR REPLACE TEMP MACRO job_events_carry(family) AS ${pinned.length ? `family IN (${pinned.join(', ')})` : 'false'}`);
  return true;
}
