import type { ModelResult } from '../models/runModel';
import { rateStats, crossOf, RATE_COLUMNS, type RateOptions, type RateRow } from '../models/rateStats';
import { addComplementary, suppressedNote, type SuppressionReason } from '../disclosure/suppress';

const key = (r: { slice: string; grp: string }) => `${r.slice}\u001f${r.grp}`;

/**
 * A rate model's last four quarters added up, person-quarter by person-quarter: a quarter of
 * 2,000 people is often too small for a real gap to reach significance, four together are not
 * (the demo's promotion gap at one level is built to need exactly this).
 *
 * Disclosure: a group's pooled figure is the sum of its four quarterly figures and is shown
 * only when all four were shown by the model layer; a group hidden in any quarter stays hidden
 * here. Anything derived from the pooled figures is therefore a sum of figures already safe to
 * show, and no suppressed count can be recovered from a difference with the quarter shown beside
 * it. Within each slice (and across slices where the model declares a cross block) the model
 * layer's complementary rule applies again: where exactly one group is hidden, the next
 * smallest is hidden too, so a pooled total could not give it away.
 * The statistics (Wilson CI, tests, verdicts) are then the model layer's own, on those sums.
 */
export function poolQuarters(quarters: readonly ModelResult[], opts: RateOptions): { rows: RateRow[]; hidden: number } {
  const [current] = quarters;
  const perQuarter = quarters.map((q) => new Map((q.rows as unknown as RateRow[]).map((r) => [key(r), r])));
  const sums = (current.rows as unknown as RateRow[]).map((r) => {
    const parts = perQuarter.map((m) => m.get(key(r)));
    const all = parts.every((p) => p && !p.suppressed && p.numerator !== null && p.denominator !== null);
    return { slice: r.slice, grp: r.grp, numerator: all ? sum(parts.map((p) => p!.numerator!)) : 0, denominator: all ? sum(parts.map((p) => p!.denominator!)) : 0, all };
  });
  const reasons = addComplementary(
    sums.map((c) => ({ block: c.slice, cross: crossOf(c, opts.crossBlock), total: c.slice === opts.totalBlock, size: c.denominator })),
    sums.map((c): SuppressionReason | null => (c.all ? null : 'small group')),
  );
  const inputs = sums.filter((_, i) => reasons[i] === null).map(({ slice, grp, numerator, denominator }) => ({ slice, grp, numerator, denominator }));
  const hidden = sums.filter((_, i) => reasons[i] !== null).map((c) => hiddenRow(c.slice, c.grp, opts.k));
  const shown = rateStats(inputs, opts);
  // Back in the current quarter's order, hidden groups in their places.
  const byKey = new Map([...shown, ...hidden].map((r) => [key(r), r]));
  return { rows: (current.rows as unknown as RateRow[]).map((r) => byKey.get(key(r))!), hidden: hidden.length };
}

export const POOLED_COLUMNS = RATE_COLUMNS;

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function hiddenRow(slice: string, grp: string, k: number): RateRow {
  return {
    slice, grp, numerator: null, denominator: null, rate: null, ci_lower: null, ci_upper: null,
    is_reference: false, reference_group: null, reference_rate: null, impact_ratio: null, below_four_fifths: null,
    test: null, p_value: null, q_value: null, verdict: null, shortfall: null, suppressed: true, note: suppressedNote(k),
  };
}
