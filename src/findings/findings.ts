import { benjaminiHochberg } from '../stats';
import type { ModelResult } from '../models/runModel';
import type { RateRow } from '../models/rateStats';
import { OUTCOME_PHRASES, slicePhrase } from './phrases';

import { FindingSchema, type Finding } from './findingSchema';
export { FindingSchema, type Finding };

const ALPHA = 0.05;

const formatQ = (q: number) => (q < 0.001 ? 'q < 0.001' : `q = ${q.toFixed(3)}`);
const formatRatio = (r: number) => `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}x`;

/**
 * Findings for a review: short sentences from the rate models' comparisons, ranked by size
 * and confidence. The q-values are adjusted again across every comparison of every model
 * shown together (one review = one family), so a long review does not manufacture findings.
 * Nothing comes from a suppressed cell, and nothing without significance (q < 0.05).
 */
export function reviewFindings(results: (ModelResult & { area: string })[], periodWords = 'this quarter'): Finding[] {
  const candidates: { result: ModelResult & { area: string }; row: RateRow; ref: RateRow }[] = [];
  for (const result of results) {
    const rows = result.rows as unknown as RateRow[];
    for (const row of rows) {
      if (row.suppressed || row.is_reference || row.p_value === null || row.reference_group === null) continue;
      const ref = rows.find((r) => r.slice === row.slice && r.grp === row.reference_group && !r.suppressed);
      if (!ref) continue;
      candidates.push({ result, row, ref });
    }
  }
  const q = benjaminiHochberg(candidates.map((c) => c.row.p_value!));
  const findings: Finding[] = [];
  candidates.forEach(({ result, row, ref }, i) => {
    if (!(q[i] < ALPHA) || row.rate === null || ref.rate === null || !ref.rate) return;
    const rateRatio = row.rate / ref.rate;
    const verb = OUTCOME_PHRASES[result.model] ?? `had the outcome "${result.title.toLowerCase()}"`;
    const sentence = `${row.grp}${slicePhrase(row.slice)} ${verb} at ${formatRatio(rateRatio)} the rate of ${ref.grp} ${periodWords} (${row.numerator} of ${row.denominator} vs ${ref.numerator} of ${ref.denominator}; ${formatQ(q[i])}).`;
    const size = Math.abs(Math.log(rateRatio || Number.MIN_VALUE));
    findings.push({
      model: result.model, area: result.area, slice: row.slice, grp: row.grp, reference: ref.grp, sentence,
      rateRatio, impactRatio: row.impact_ratio ?? Number.NaN, q: q[i],
      verdict: (row.impact_ratio ?? 1) < 0.8 ? 'gap' : 'watch', shortfall: row.shortfall,
      score: size * Math.min(10, -Math.log10(Math.max(q[i], 1e-300))),
    });
  });
  return findings.sort((a, b) => b.score - a.score);
}
