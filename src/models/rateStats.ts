import type { Reference } from '../api/contract';
import type { ColumnSpec } from '../arrow/toArrow';
import { suppressCells, suppressedNote } from '../disclosure/suppress';
import {
  wilsonInterval, compareProportions, benjaminiHochberg, impactRatio, verdict, tooFewToTell, shortfall, FOUR_FIFTHS,
} from '../stats';

/** What a rate model's SQL returns: one row per slice and group. */
export interface RateInput {
  slice: string;
  grp: string;
  numerator: number;
  denominator: number;
}

export interface RateRow {
  slice: string;
  grp: string;
  numerator: number | null;
  denominator: number | null;
  rate: number | null;
  ci_lower: number | null;
  ci_upper: number | null;
  is_reference: boolean;
  reference_group: string | null;
  reference_rate: number | null;
  impact_ratio: number | null;
  below_four_fifths: boolean | null;
  test: string | null;
  p_value: number | null;
  q_value: number | null;
  verdict: string | null;
  shortfall: number | null;
  suppressed: boolean;
  note: string | null;
}

export const RATE_COLUMNS: ColumnSpec[] = [
  { name: 'slice', type: 'utf8' }, { name: 'grp', type: 'utf8' },
  { name: 'numerator', type: 'int32' }, { name: 'denominator', type: 'int32' },
  { name: 'rate', type: 'float64' }, { name: 'ci_lower', type: 'float64' }, { name: 'ci_upper', type: 'float64' },
  { name: 'is_reference', type: 'bool' }, { name: 'reference_group', type: 'utf8' }, { name: 'reference_rate', type: 'float64' },
  { name: 'impact_ratio', type: 'float64' }, { name: 'below_four_fifths', type: 'bool' },
  { name: 'test', type: 'utf8' }, { name: 'p_value', type: 'float64' }, { name: 'q_value', type: 'float64' },
  { name: 'verdict', type: 'utf8' }, { name: 'shortfall', type: 'int32' },
  { name: 'suppressed', type: 'bool' }, { name: 'note', type: 'utf8' },
];

/** Groups that are not a demographic group: shown, never a reference, never compared. */
export const UNKNOWN_GROUPS = new Set(['Not recorded', 'Prefer not to say']);
const isUnknown = (grp: string) => grp.split(' × ').some((g) => UNKNOWN_GROUPS.has(g));

export interface RateOptions {
  k: number;
  reference: Reference;
  adverse: boolean;
  /** The header's cross_block: with ['grp'], a group's rows across slices add up (a total slice beside its parts). */
  crossBlock?: string[];
  /** The header's total_block: the slice whose rows are each group's total (hidden last). */
  totalBlock?: string;
}

/** The cross block of a row, or undefined when the model declares none. */
export const crossOf = (r: { slice: string; grp: string }, crossBlock: string[] | undefined): string | undefined =>
  crossBlock?.length ? crossBlock.map((c) => String(r[c as 'slice' | 'grp'])).join('\u001f') : undefined;

/**
 * The disparity statistics of METRICS.md for every rate: Wilson CI, reference group, impact
 * ratio with the four-fifths flag (inverted for adverse outcomes), Fisher or z test, BH
 * q-values across every comparison in the result, verdict and shortfall. Suppression comes
 * first and suppressed rows carry no statistic at all, so nothing derived from a small cell
 * (not even its p-value) leaves the core.
 */
export function rateStats(input: RateInput[], opts: RateOptions): RateRow[] {
  const hidden = suppressCells(input.map((r) => ({ block: r.slice, cross: crossOf(r, opts.crossBlock), total: r.slice === opts.totalBlock, numerator: r.numerator, denominator: r.denominator })), opts.k);
  const rows: RateRow[] = input.map((r, i) => {
    if (hidden[i]) {
      return {
        slice: r.slice, grp: r.grp, numerator: null, denominator: null, rate: null, ci_lower: null, ci_upper: null,
        is_reference: false, reference_group: null, reference_rate: null, impact_ratio: null, below_four_fifths: null,
        test: null, p_value: null, q_value: null, verdict: null, shortfall: null, suppressed: true, note: suppressedNote(opts.k),
      };
    }
    const ci = wilsonInterval(r.numerator, r.denominator);
    return {
      slice: r.slice, grp: r.grp, numerator: r.numerator, denominator: r.denominator, rate: ci.rate, ci_lower: ci.lower, ci_upper: ci.upper,
      is_reference: false, reference_group: null, reference_rate: null, impact_ratio: null, below_four_fifths: null,
      test: null, p_value: null, q_value: null, verdict: null, shortfall: null, suppressed: false, note: null,
    };
  });

  // METRICS.md: the reference group is chosen per dimension, so every slice compares with the
  // same group (women with men at every level), not with whichever group is largest there.
  const largest = largestGroup(input);
  const comparisons: { row: RateRow; ref: RateRow }[] = [];
  for (const slice of [...new Set(rows.map((r) => r.slice))]) {
    const visible = rows.filter((r) => r.slice === slice && !r.suppressed && !isUnknown(r.grp));
    const ref = pickReference(visible, opts.reference, opts.adverse, largest);
    if (!ref) continue;
    ref.is_reference = true;
    for (const row of visible) {
      row.reference_group = ref.grp;
      row.reference_rate = ref.rate;
      if (row !== ref) comparisons.push({ row, ref });
    }
  }
  for (const { row, ref } of comparisons) {
    const t = compareProportions(row.numerator!, row.denominator!, ref.numerator!, ref.denominator!);
    row.test = t.test;
    row.p_value = t.p;
    row.impact_ratio = nullIfNaN(impactRatio(row.rate!, ref.rate!, opts.adverse));
    row.below_four_fifths = row.impact_ratio === null ? null : row.impact_ratio < FOUR_FIFTHS;
    row.shortfall = shortfall(row.numerator!, row.denominator!, ref.rate!, opts.adverse);
  }
  const q = benjaminiHochberg(comparisons.map((c) => c.row.p_value!));
  comparisons.forEach(({ row, ref }, i) => {
    row.q_value = q[i];
    row.verdict = verdict({
      ratio: row.impact_ratio ?? Number.NaN,
      q: q[i],
      tooFewToTell: tooFewToTell(row.numerator!, row.denominator!, ref.numerator!, ref.denominator!),
    });
  });
  return rows;
}

/**
 * The dimension's largest group (known groups only): the largest in the 'all' slice where the
 * result has one (the whole population), else the group with the largest denominator in any
 * slice. The rate models without an 'all' slice divide every slice by one population (the
 * funnel's stages, the programs) or by nested ones (goal_progress: mentees, then those of them
 * with a goal), so a group's largest denominator is its population. Adding the slices up
 * instead counts the people of nested slices twice: 90 women who nearly all set a goal
 * outweighed 100 men who mostly did not. (Slices that partition a population need the 'all'
 * slice beside them, as promotion_rate and exits have.)
 */
function largestGroup(input: RateInput[]): string | undefined {
  const size = new Map<string, number>();
  const whole = input.some((r) => r.slice === 'all') ? input.filter((r) => r.slice === 'all') : input;
  for (const r of whole) if (!isUnknown(r.grp)) size.set(r.grp, Math.max(size.get(r.grp) ?? 0, r.denominator));
  return [...size].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

/**
 * The slice's reference row. A chosen group, or else the dimension's largest, where it is shown
 * in the slice; where it is not (suppressed there, or absent), the slice's own largest group,
 * which the row's reference_group then names. "Highest rate" is per slice by its definition
 * (EEOC: the most favourable rate among the groups compared).
 */
function pickReference(rows: RateRow[], reference: Reference, adverse: boolean, largest: string | undefined): RateRow | undefined {
  if (!rows.length) return undefined;
  if (reference === 'highest') {
    // For an adverse outcome the most favourable rate is the lowest.
    return [...rows].sort((a, b) => (adverse ? a.rate! - b.rate! : b.rate! - a.rate!) || b.denominator! - a.denominator!)[0];
  }
  const wanted = typeof reference === 'object' ? reference.group : largest;
  return rows.find((r) => r.grp === wanted)
    ?? rows.find((r) => r.grp === largest)
    ?? [...rows].sort((a, b) => b.denominator! - a.denominator! || a.grp.localeCompare(b.grp))[0];
}

const nullIfNaN = (x: number) => (Number.isFinite(x) ? x : null);
