import type { ColumnSpec } from '../arrow/toArrow';
import type { RateRow } from './rateStats';

export const COMPARISON_COLUMNS: ColumnSpec[] = [
  { name: 'rate_compare', type: 'float64' }, { name: 'delta_compare_pp', type: 'float64' },
  { name: 'rate_year_ago', type: 'float64' }, { name: 'delta_year_pp', type: 'float64' },
];

export type ComparedRow = RateRow & { rate_compare: number | null; delta_compare_pp: number | null; rate_year_ago: number | null; delta_year_pp: number | null };

/**
 * Adds the comparison periods' rates and the change in percentage points. Only rates cross
 * periods, never counts, so no suppressed count can be recovered from the difference of two
 * periods' totals; and a change is shown only where both periods' cells are shown.
 */
export function withComparisons(rows: RateRow[], compare: RateRow[], yearAgo: RateRow[]): ComparedRow[] {
  const index = (rs: RateRow[]) => new Map(rs.map((r) => [`${r.slice}\u001f${r.grp}`, r]));
  const c = index(compare);
  const y = index(yearAgo);
  const delta = (now: RateRow, then: RateRow | undefined) =>
    now.suppressed || !then || then.suppressed || now.rate === null || then.rate === null ? null : (now.rate - then.rate) * 100;
  const shown = (now: RateRow, then: RateRow | undefined) => (now.suppressed || !then || then.suppressed ? null : then.rate);
  return rows.map((r) => {
    const key = `${r.slice}\u001f${r.grp}`;
    return {
      ...r,
      rate_compare: shown(r, c.get(key)), delta_compare_pp: delta(r, c.get(key)),
      rate_year_ago: shown(r, y.get(key)), delta_year_pp: delta(r, y.get(key)),
    };
  });
}
