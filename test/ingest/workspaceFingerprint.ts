import type { Workspace } from '../../src/workspace/workspace';

const TABLES = [
  'meta', 'imports', 'people', 'job_events', 'programs', 'enrollments', 'matches', 'sessions', 'session_attendees',
  'feedback', 'goals', 'level_order', 'label_merges', 'equity_dimensions', 'mapping_profiles', 'kept_values',
];

/**
 * Row count and an order-independent hash of every row of every workspace table: two equal
 * fingerprints mean the workspace holds exactly the same data (used to show that a failed or
 * cancelled import left it as it was).
 */
export async function workspaceFingerprint(ws: Workspace): Promise<Record<string, string>> {
  const rows = await ws.all<{ t: string; n: bigint; h: string | null }>(
    TABLES.map((t) => `SELECT '${t}' AS t, count(*) AS n, sum(hash(x))::VARCHAR AS h FROM ${t} x`).join(' UNION ALL '),
  );
  return Object.fromEntries(rows.map((r) => [r.t, `${r.n}:${r.h ?? '-'}`]));
}
