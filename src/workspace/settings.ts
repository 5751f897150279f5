import { listValue } from '@duckdb/node-api';
import { PathwaysError } from '../errors';
import type { Workspace } from './workspace';
import { fiscalStartMonth } from './fiscalYear';

const IMPORT_TABLES = ['people', 'job_events', 'programs', 'enrollments', 'matches', 'sessions', 'session_attendees', 'feedback', 'goals'];

/** Removes one import and every row it brought, in one transaction. */
export async function removeImport(ws: Workspace, importId: number): Promise<{ rowsRemoved: number }> {
  return ws.write(async (c) => {
    const found = (await c.runAndReadAll('SELECT count(*) AS n FROM imports WHERE import_id = $id', { id: importId })).getRowObjectsJS()[0].n;
    if (Number(found) === 0) throw new PathwaysError('NOT_FOUND', `there is no import number ${importId}`);
    let removed = 0;
    for (const t of IMPORT_TABLES) {
      // t is one of this program's table names, never input.
      removed += Number((await c.runAndReadAll(`SELECT count(*) AS n FROM ${t} WHERE import_id = $id`, { id: importId })).getRowObjectsJS()[0].n);
      await c.run(`DELETE FROM ${t} WHERE import_id = $id`, { id: importId });
    }
    await c.run('DELETE FROM kept_values WHERE import_id = $id', { id: importId });
    await c.run('DELETE FROM imports WHERE import_id = $id', { id: importId });
    return { rowsRemoved: removed };
  });
}

/**
 * Sets the order of level labels (confirmed once per workspace) and re-ranks the roster rows
 * that carry those labels. Ranks must be distinct: two labels at one rank would make
 * "promotion" ambiguous.
 */
export async function setLevelOrder(ws: Workspace, levels: { label: string; rank: number }[]): Promise<void> {
  const labels = levels.map((l) => l.label.trim());
  if (new Set(labels.map((l) => l.toLowerCase())).size !== labels.length) throw new PathwaysError('BAD_REQUEST', 'each level label may appear once');
  if (new Set(levels.map((l) => l.rank)).size !== levels.length) throw new PathwaysError('BAD_REQUEST', 'each level needs its own rank');
  await ws.write(async (c) => {
    // Job events keep ranks only (their labels are not stored): each moves with its label, from
    // the old order to the new. The Data page numbers labels by position, so inserting one
    // shifts every rank above it; unmoved, a promotion would read from the wrong levels.
    await c.run('CREATE TEMP TABLE old_level_order AS SELECT * FROM level_order');
    await c.run('DELETE FROM level_order');
    await c.run('INSERT INTO level_order SELECT unnest($l), unnest($r)', { l: listValue(labels), r: listValue(levels.map((l) => l.rank)) });
    await c.run(`UPDATE people SET level_rank = o.rank FROM level_order o
      WHERE people.level_label IS NOT NULL AND lower(people.level_label) = lower(o.label) AND people.level_rank <> o.rank`);
    const moves = `(SELECT o.rank AS old_rank, n.rank AS new_rank FROM old_level_order o JOIN level_order n ON lower(o.label) = lower(n.label) WHERE o.rank <> n.rank)`;
    await c.run(`UPDATE job_events SET from_level = m.new_rank FROM ${moves} m WHERE job_events.from_level = m.old_rank`);
    await c.run(`UPDATE job_events SET to_level = m.new_rank FROM ${moves} m WHERE job_events.to_level = m.old_rank`);
    await c.run('DROP TABLE old_level_order');
  });
}

/** Merges a label into another for a built-in dimension ("F" -> "Woman"), now and for later imports. */
export async function addLabelMerge(ws: Workspace, m: { dimension: 'gender' | 'race_ethnicity'; from: string; to: string }): Promise<{ rowsUpdated: number }> {
  const from = m.from.trim().replace(/\s+/g, ' ').toLowerCase();
  const to = m.to.trim().replace(/\s+/g, ' ');
  if (!from || !to) throw new PathwaysError('BAD_REQUEST', 'both labels are needed');
  return ws.write(async (c) => {
    await c.run(`INSERT INTO label_merges VALUES ($d, $f, $t) ON CONFLICT (dimension, from_label) DO UPDATE SET to_label = excluded.to_label`, { d: m.dimension, f: from, t: to });
    // m.dimension is one of two column names checked by the schema above and the type.
    const col = m.dimension === 'gender' ? 'gender' : 'race_ethnicity';
    const n = Number((await c.runAndReadAll(`SELECT count(*) AS n FROM people WHERE lower(${col}) = $f AND ${col} <> $t`, { f: from, t: to })).getRowObjectsJS()[0].n);
    await c.run(`UPDATE people SET ${col} = $t WHERE lower(${col}) = $f`, { f: from, t: to });
    return { rowsUpdated: n };
  });
}

/** Level order, label merges and equity dimensions, as the Data page shows them. */
export async function dataSettings(ws: Workspace): Promise<{
  levelOrder: { label: string; rank: number }[];
  labelMerges: { dimension: string; from: string; to: string }[];
  dimensions: { name: string; builtin: boolean }[];
  fiscalStartMonth: number;
}> {
  const levelOrder = await ws.all<{ label: string; rank: number }>('SELECT label, rank FROM level_order ORDER BY rank, label');
  const labelMerges = await ws.all<{ dimension: string; from: string; to: string }>('SELECT dimension, from_label AS "from", to_label AS "to" FROM label_merges ORDER BY 1, 3, 2');
  const dimensions = await ws.all<{ name: string; builtin: boolean }>('SELECT name, builtin FROM equity_dimensions ORDER BY builtin DESC, name');
  return { levelOrder: levelOrder.map((l) => ({ label: l.label, rank: Number(l.rank) })), labelMerges, dimensions, fiscalStartMonth: await fiscalStartMonth(ws) };
}
