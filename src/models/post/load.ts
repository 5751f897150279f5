import type { ColumnSpec } from '../../arrow/toArrow';
import { suppressTableRows } from '../../disclosure/suppressTable';
import { gini, median } from '../../stats';
import type { PostProcessor } from './index';

export const LOAD_COLUMNS: ColumnSpec[] = [
  { name: 'grp', type: 'utf8' }, { name: 'mentors', type: 'int32' },
  { name: 'mentees_mean', type: 'float64' }, { name: 'mentees_median', type: 'float64' },
  { name: 'hours_mean', type: 'float64' }, { name: 'hours_median', type: 'float64' },
  { name: 'gini_mentees', type: 'float64' }, { name: 'gini_hours', type: 'float64' },
  { name: 'suppressed', type: 'bool' }, { name: 'note', type: 'utf8' },
];

const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);

/**
 * Mentor load per group from SQL rows (grp, mentees, hours, mentors): each row says how many
 * of the group's mentors carried exactly that load. The distributions are expanded here only
 * to compute mean, median and Gini (src/stats); what leaves is one row per group. Disclosure:
 * a group with fewer than k mentors is suppressed, with complementary suppression across the
 * groups (one block), as for any table model.
 */
export const load: PostProcessor = (raw, { params }) => {
  const groups = new Map<string, { mentees: number[]; hours: number[] }>();
  for (const r of raw) {
    const grp = String(r.grp);
    const g = groups.get(grp) ?? { mentees: [], hours: [] };
    const n = Number(r.mentors);
    for (let i = 0; i < n; i++) {
      g.mentees.push(Number(r.mentees));
      g.hours.push(Number(r.hours));
    }
    groups.set(grp, g);
  }
  const rows = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([grp, g]) => ({
      grp,
      mentors: g.mentees.length,
      mentees_mean: mean(g.mentees),
      mentees_median: median(g.mentees),
      hours_mean: mean(g.hours),
      hours_median: median(g.hours),
      gini_mentees: gini(g.mentees),
      gini_hours: gini(g.hours),
    }));
  const out = suppressTableRows(rows, { groupSize: 'mentors', counts: [], block: [], keys: ['grp'] }, params.k);
  return { columns: LOAD_COLUMNS, rows: out };
};
