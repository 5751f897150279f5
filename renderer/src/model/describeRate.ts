import type { RateRow } from './rateRow';
import { verdictKey } from './verdictStyle';
import { formatCount, formatInterval, formatP, formatPercent, formatRatio } from '../format/numbers';

/**
 * A rate row in words, for tooltips: "Woman, Formal programs: 10.0% (8 of 80; 95% CI
 * 5.2–18.5%), impact ratio 0.33, p < 0.001, q = 0.002: gap". Only called for rows that are
 * not suppressed.
 */
export function describeRate(r: RateRow, place: string): string {
  const parts = [`${r.grp}${place ? `, ${place}` : ''}: ${r.rate === null ? '—' : formatPercent(r.rate)}`];
  const detail = [`${formatCount(r.numerator ?? 0)} of ${formatCount(r.denominator ?? 0)}`];
  if (r.ci_lower !== null && r.ci_upper !== null) detail.push(`95% CI ${formatInterval(r.ci_lower, r.ci_upper)}`);
  parts[0] += ` (${detail.join('; ')})`;
  if (r.impact_ratio !== null) parts.push(`impact ratio ${formatRatio(r.impact_ratio)}`);
  if (r.p_value !== null) parts.push(`p ${formatPEq(r.p_value)}`);
  if (r.q_value !== null) parts.push(`q ${formatPEq(r.q_value)}`);
  return `${parts.join(', ')}: ${verdictKey(r)}`;
}

const formatPEq = (p: number) => (p < 0.001 ? '< 0.001' : `= ${formatP(p)}`);
