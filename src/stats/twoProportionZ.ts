import jStat from 'jstat';
import { assertCount } from './validate';

export interface ZTestResult {
  z: number;
  p: number;
}

/**
 * Two-sided two-proportion z-test with the pooled variance under H0 (p1 = p2),
 * as statsmodels proportions_ztest([x1, x2], [n1, n2]) with its defaults:
 *   z = (x1/n1 - x2/n2) / sqrt(pool (1 - pool) (1/n1 + 1/n2)),  p = 2 Phi(-|z|).
 * Degenerate pooled proportion (0 or 1: no variance) gives z 0, p 1.
 * An empty group (n1 or n2 = 0) has no rate: z NaN, p NaN.
 *
 * Precision: jStat's normal tail is computed as 1 - erf, so p is exact to
 * ~1e-16 absolute but underflows to 0 once |z| > ~8.3.
 */
export function twoProportionZTest(x1: number, n1: number, x2: number, n2: number): ZTestResult {
  assertCount('x1', x1);
  assertCount('n1', n1);
  assertCount('x2', x2);
  assertCount('n2', n2);
  if (x1 > n1) throw new RangeError(`x1 (${x1}) exceeds n1 (${n1})`);
  if (x2 > n2) throw new RangeError(`x2 (${x2}) exceeds n2 (${n2})`);
  if (n1 === 0 || n2 === 0) return { z: Number.NaN, p: Number.NaN };

  const pooled = (x1 + x2) / (n1 + n2);
  if (pooled === 0 || pooled === 1) return { z: 0, p: 1 };
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const z = (x1 / n1 - x2 / n2) / se;
  const p = Math.min(1, 2 * jStat.normal.cdf(-Math.abs(z), 0, 1));
  return { z, p };
}
