import jStat from 'jstat';
import { tableColumns, suppressByHeader } from '../tableOutput';
import { PathwaysError } from '../../errors';
import type { PostProcessor } from './index';

// src/stats/jstat.d.ts declares only what src/stats uses; the Student t lives here until it
// is declared there.
const studentT = (jStat as unknown as {
  studentt: { inv(p: number, dof: number): number; cdf(x: number, dof: number): number; pdf(x: number, dof: number): number };
}).studentt;

/**
 * Two-sided t quantile: jStat's inverse (good to ~1e-8), polished by two Newton steps on
 * its CDF so that the interval agrees with scipy.stats.t.ppf to ~1e-9.
 */
export function tQuantile(p: number, dof: number): number {
  let x = studentT.inv(p, dof);
  for (let i = 0; i < 2; i++) x -= (studentT.cdf(x, dof) - p) / studentT.pdf(x, dof);
  return x;
}

/** t-based confidence interval of a mean from (mean, sample sd, n); null below two values. */
export function meanInterval(mean: number, sd: number, n: number, confidence = 0.95): { lower: number; upper: number } | null {
  if (!(n >= 2) || !Number.isFinite(mean) || !Number.isFinite(sd)) return null;
  const half = tQuantile(1 - (1 - confidence) / 2, n - 1) * sd / Math.sqrt(n);
  return { lower: mean - half, upper: mean + half };
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/**
 * Adds a 95% t interval to a mean computed in SQL, then applies the table disclosure rules
 * of the header (group_size, counts, block) exactly as the runner does for a table model.
 * The SQL returns `mean_rating`, `sd_rating` (sample sd) and `ratings` (n); the interval goes
 * to `ci_lower`, `ci_upper`. Ratings of one person are not independent, so the interval is a
 * little too narrow where few raters give many ratings; it is still the honest summary of
 * the ratings shown.
 */
export const meanCI: PostProcessor = (raw, { params, header }) => {
  if (!header.groupSize) throw new PathwaysError('MODEL_FAILED', `${header.name}: mean_ci needs group_size for disclosure control`);
  const withCI = raw.map((r) => {
    const mean = num(r.mean_rating);
    const sd = num(r.sd_rating);
    const ci = mean === null || sd === null ? null : meanInterval(mean, sd, Number(r.ratings));
    return { ...r, ci_lower: ci?.lower ?? null, ci_upper: ci?.upper ?? null };
  });
  return { columns: tableColumns(header), rows: suppressByHeader(withCI, { ...header, groupSize: header.groupSize }, params.k) };
};
