import { basename } from 'node:path';
import type { Workspace } from '../workspace/workspace';
import { MIN_LISTED_GROUP, type WorkspaceInfo, type ImportRecord, type WorkspaceProgram } from './contract';
import { periodOfDate } from '../models/period';
import { fiscalStartMonth } from '../workspace/fiscalYear';
import type { TableName } from '../models/modelHeader';

const TABLES: TableName[] = ['people', 'job_events', 'programs', 'enrollments', 'matches', 'sessions', 'session_attendees', 'feedback', 'goals'];

/** What the renderer needs to draw its controls: no person-level value is in here. */
export async function workspaceInfo(ws: Workspace): Promise<WorkspaceInfo> {
  const counts = await ws.all<{ t: string; n: bigint }>(TABLES.map((t) => `SELECT '${t}' AS t, count(*) AS n FROM ${t}`).join(' UNION ALL '));
  const imports = await ws.all<Record<string, unknown>>(
    'SELECT import_id, file_name, file_hash, file_format, table_name, row_count, rejected_count, snapshot_date::VARCHAR AS snapshot_date, strftime(imported_at, \'%Y-%m-%dT%H:%M:%S\') AS imported_at FROM imports ORDER BY import_id',
  );
  const range = (await ws.all<{ lo: string | null; hi: string | null }>(`
    SELECT min(d)::VARCHAR AS lo, max(d)::VARCHAR AS hi FROM (
      SELECT snapshot_date AS d FROM people UNION ALL SELECT date FROM sessions)`))[0];
  const fiscal = await fiscalStartMonth(ws);
  const periods: string[] = [];
  if (range.lo && range.hi) {
    let p = periodOfDate(range.lo, fiscal);
    const last = periodOfDate(range.hi, fiscal);
    while (p <= last && periods.length < 400) {
      periods.push(p);
      const [y, q] = p.split('-Q').map(Number);
      p = q === 4 ? `${y + 1}-Q1` : `${y}-Q${q + 1}`;
    }
  }
  const extra = await ws.all<{ k: string }>('SELECT DISTINCT unnest(map_keys(extra_dims)) AS k FROM people ORDER BY 1');
  const declared = await ws.all<{ name: string }>('SELECT name FROM equity_dimensions ORDER BY builtin DESC, name');
  const dims = [...new Set([...declared.map((d) => d.name), ...extra.map((e) => e.k)])];
  const latest = 'SELECT * FROM people WHERE snapshot_date = (SELECT max(snapshot_date) FROM people)';
  const departments = await ws.all<{ v: string }>(`SELECT DISTINCT department AS v FROM (${latest}) WHERE department IS NOT NULL ORDER BY 1`);
  const locations = await ws.all<{ v: string }>(`SELECT DISTINCT location AS v FROM (${latest}) WHERE location IS NOT NULL ORDER BY 1`);
  const levels = await ws.all<{ rank: number; label: string }>(
    'SELECT level_rank AS rank, min(coalesce(level_label, level_rank::VARCHAR)) AS label FROM people GROUP BY 1 ORDER BY 1',
  );
  const n = (t: string) => Number(counts.find((c) => c.t === t)?.n ?? 0);
  const programs = await ws.all<{ id: string; name: string; layer: WorkspaceProgram['layer']; s: string | null; e: string | null; el: string | null }>(
    'SELECT program_id AS id, name, layer, start_date::VARCHAR AS s, end_date::VARCHAR AS e, eligibility AS el FROM programs ORDER BY name, program_id',
  );
  const groups: Record<string, string[]> = {};
  for (const d of dims) groups[d] = await groupsOf(ws, d);
  const snapshots = (await ws.all<{ n: bigint }>('SELECT count(DISTINCT snapshot_date) AS n FROM people'))[0].n;
  return {
    name: basename(ws.path),
    schemaVersion: ws.schemaVersion,
    tables: TABLES.map((t) => ({ table: t, rows: n(t) })),
    imports: imports.map((r): ImportRecord => ({
      importId: Number(r.import_id), fileName: String(r.file_name), fileHash: String(r.file_hash), fileFormat: String(r.file_format),
      table: (r.table_name === 'coaching_log' ? 'sessions' : r.table_name) as TableName, rowCount: Number(r.row_count), rejectedCount: Number(r.rejected_count),
      snapshotDate: (r.snapshot_date as string | null) ?? null, importedAt: String(r.imported_at),
    })),
    periods,
    fiscalStartMonth: fiscal,
    dimensions: dims,
    departments: departments.map((d) => d.v),
    locations: locations.map((d) => d.v),
    levels: levels.map((l) => ({ rank: Number(l.rank), label: String(l.label) })),
    derivedEvents: n('job_events') === 0 && Number(snapshots) >= 2,
    programs: programs.map((p) => ({ id: p.id, name: p.name, layer: p.layer, startDate: p.s, endDate: p.e, eligibility: p.el })),
    groups,
  };
}

/**
 * The groups of one dimension among the people employed at the latest snapshot, largest
 * first, labelled as the models label them (dim_value in queries/_lib/population.sql:
 * trimmed, empty = "Not recorded"). Groups under MIN_LISTED_GROUP people are left out.
 */
async function groupsOf(ws: Workspace, dimension: string): Promise<string[]> {
  const value = dimension === 'gender' ? 'gender' : dimension === 'race_ethnicity' ? 'race_ethnicity' : 'extra_dims[$dim]';
  const rows = await ws.all<{ g: string }>(
    `SELECT coalesce(nullif(trim(${value}), ''), 'Not recorded') AS g FROM people
     WHERE snapshot_date = (SELECT max(snapshot_date) FROM people) AND (termination_date IS NULL OR termination_date >= snapshot_date)
     GROUP BY 1 HAVING count(*) >= $min ORDER BY count(*) DESC, 1`,
    value.includes('$dim') ? { dim: dimension, min: MIN_LISTED_GROUP } : { min: MIN_LISTED_GROUP },
  );
  return rows.map((r) => r.g);
}
