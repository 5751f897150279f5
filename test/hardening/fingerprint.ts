import { DuckDBInstance } from '@duckdb/node-api';
import { Workspace } from '../../src/workspace/workspace';

export const CANONICAL_TABLES = ['people', 'job_events', 'programs', 'enrollments', 'matches', 'sessions', 'session_attendees', 'feedback', 'goals'];

/**
 * The content of a workspace as one digest per table: row count and an order-independent hash
 * of every row. The import log is compared without its timestamp, which differs between runs
 * that are otherwise the same.
 */
export async function fingerprint(ws: Workspace): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const tables = [...CANONICAL_TABLES.map((t) => [t, `SELECT * FROM ${t}`]), ['imports', 'SELECT * EXCLUDE (imported_at) FROM imports'],
    ['meta', 'SELECT * FROM meta'], ['label_merges', 'SELECT * FROM label_merges'], ['level_order', 'SELECT * FROM level_order']];
  for (const [name, sql] of tables) {
    const r = await ws.all<{ n: bigint; h: string | null }>(`SELECT count(*) AS n, md5(coalesce(string_agg(x, '|' ORDER BY x), '')) AS h FROM (SELECT (t)::VARCHAR AS x FROM (${sql}) t)`);
    out[name] = `${r[0].n}:${r[0].h}`;
  }
  return out;
}

/** Opens a workspace file, takes its fingerprint, closes it. */
export async function fingerprintFile(path: string): Promise<Record<string, string>> {
  const ws = await Workspace.open(path);
  try {
    return await fingerprint(ws);
  } finally {
    ws.close();
  }
}

/** A roster export with vendor headers, written by DuckDB itself. */
export async function writeRoster(path: string, rows: number, snapshot: string, offset = 0): Promise<void> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  await c.run(`COPY (
    SELECT printf('E%08d', i) AS "Employee ID", DATE '${snapshot}' AS "As Of Date",
           DATE '2015-01-01' + CAST(hash(i, 'h') % 3000 AS INTEGER) AS "Hire Date",
           'L' || (1 + hash(i, 'l') % 6)::VARCHAR AS "Job Level",
           ['Engineering','Sales','Operations'][(1 + hash(i, 'd') % 3)::BIGINT] AS "Department",
           ['Woman','Man','Non-binary'][(1 + hash(i, 'g') % 3)::BIGINT] AS "Gender",
           'Person ' || i AS "Legal Name"
    FROM range(${offset}, ${offset + rows}) t(i)
  ) TO '${path.replace(/'/g, "''")}' (HEADER, DELIMITER ',')`);
  c.closeSync();
  db.closeSync();
}

export const ROSTER_PROFILE = {
  table: 'people' as const,
  columns: { person_id: 'Employee ID', snapshot_date: 'As Of Date', hire_date: 'Hire Date', level: 'Job Level', department: 'Department', gender: 'Gender' },
};
