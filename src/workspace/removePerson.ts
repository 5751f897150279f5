import { randomBytes } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { PathwaysError } from '../errors';
import type { Workspace } from './workspace';
import { TYPING_MACROS } from '../ingest/typing';

/** What a data-subject erasure did, per table: rows deleted, and shared rows unlinked from the person. */
export interface RemovePersonResult {
  found: boolean;
  deleted: Record<string, number>;
  unlinked: Record<string, number>;
}

/** Rows that are about the person alone: deleted. (table, column) pairs are this program's constants. */
const OWN_ROWS: [string, string][] = [
  ['people', 'person_id'],
  ['job_events', 'person_id'],
  ['enrollments', 'person_id'],
  ['session_attendees', 'person_id'],
  ['goals', 'person_id'],
  ['feedback', 'rater_id'],
];

/**
 * Rows shared with other people (a mentoring pair, a session the person hosted): the other
 * side's record stays, so their participation is not erased with someone else's request, but
 * the person's id is replaced by a random one that matches nothing and cannot be derived from
 * the original. Their managees keep a manager who is no longer identifiable.
 */
const SHARED_REFS: [string, string][] = [
  ['matches', 'mentor_id'],
  ['matches', 'mentee_id'],
  ['sessions', 'host_id'],
  ['people', 'manager_id'],
];

/**
 * Deletes one person from every table, for a data-subject request, in one transaction. The
 * person is named by the id their HR system uses (as in the imported files); it is
 * pseudonymized with this workspace's salt exactly as at import, so the raw id is never
 * stored or logged. Sealed reviews hold only suppressed aggregates and are left as they were.
 */
export async function removePerson(ws: Workspace, rawPersonId: string): Promise<RemovePersonResult> {
  const raw = rawPersonId.trim();
  if (!raw) throw new PathwaysError('BAD_REQUEST', 'give the id of the person to remove');
  return ws.write(async (c) => {
    const id = await pseudonym(c, ws.salt, raw);
    const deleted: Record<string, number> = {};
    const unlinked: Record<string, number> = {};
    let any = false;
    for (const [table, column] of SHARED_REFS) {
      const n = await count(c, `SELECT count(*) AS n FROM ${table} WHERE ${column} = $id`, id);
      if (n) {
        // One fresh tombstone per table and column: the rows stay linked to each other (the same
        // unknown mentor across their matches) but to nothing else.
        await c.run(`UPDATE ${table} SET ${column} = $tomb WHERE ${column} = $id`, { id, tomb: `removed-${randomBytes(10).toString('hex')}` });
        any = true;
      }
      unlinked[`${table}.${column}`] = n;
    }
    for (const [table, column] of OWN_ROWS) {
      const n = await count(c, `SELECT count(*) AS n FROM ${table} WHERE ${column} = $id`, id);
      if (n) {
        await c.run(`DELETE FROM ${table} WHERE ${column} = $id`, { id });
        any = true;
      }
      deleted[table] = (deleted[table] ?? 0) + n;
    }
    return { found: any, deleted, unlinked };
  });
}

/** The stored id of a raw person id, by the import's own pseudonymization macro. */
async function pseudonym(c: DuckDBConnection, salt: string, raw: string): Promise<string> {
  await c.run(TYPING_MACROS);
  await c.run('SET VARIABLE pathways_salt = $salt', { salt });
  const r = await c.runAndReadAll('SELECT pseudo($raw) AS id', { raw });
  return String(r.getRowObjectsJS()[0].id);
}

async function count(c: DuckDBConnection, sql: string, id: string): Promise<number> {
  return Number((await c.runAndReadAll(sql, { id })).getRowObjectsJS()[0].n);
}
