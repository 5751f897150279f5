import jStat from 'jstat';
import { assertIntegerCount } from './validate';

/**
 * Relative tolerance for "as or less probable than the observed table". R's
 * fisher.test uses 1 + 1e-7; SciPy 1.17 uses 1 + 1e-14 in its search. The
 * wider tolerance is needed here because log-factorials from jStat.gammaln
 * carry ~1e-10 absolute error, so tables that are exactly as probable as the
 * observed one (e.g. mirror images under symmetric margins) could otherwise be
 * dropped by rounding. On every fixture both tolerances give the same p-value.
 */
const REL_TOLERANCE = 1e-7;

function lnFactorial(k: number): number {
  return jStat.gammaln(k + 1);
}

/**
 * Two-sided Fisher's exact test for the 2x2 table [[a, b], [c, d]]: the sum of
 * the hypergeometric probabilities (margins fixed) of every table at most as
 * probable as the observed one. Equals scipy.stats.fisher_exact(table,
 * alternative='two-sided').pvalue. A table with an empty row or column gives 1
 * (as SciPy and R do).
 */
export function fisherExactTwoSided(a: number, b: number, c: number, d: number): number {
  assertIntegerCount('a', a);
  assertIntegerCount('b', b);
  assertIntegerCount('c', c);
  assertIntegerCount('d', d);

  const row1 = a + b;
  const row2 = c + d;
  const col1 = a + c;
  const n = row1 + row2;
  if (row1 === 0 || row2 === 0 || col1 === 0 || col1 === n) return 1;

  // The top-left cell k ranges over [lo, hi]; P(k) = C(row1,k) C(row2,col1-k) / C(n,col1).
  const lo = Math.max(0, col1 - row2);
  const hi = Math.min(row1, col1);
  const constant =
    lnFactorial(row1) + lnFactorial(row2) + lnFactorial(col1) + lnFactorial(n - col1) - lnFactorial(n);
  const logPmf = (k: number): number =>
    constant -
    lnFactorial(k) -
    lnFactorial(row1 - k) -
    lnFactorial(col1 - k) -
    lnFactorial(row2 - col1 + k);

  const threshold = logPmf(a) + Math.log1p(REL_TOLERANCE);
  let p = 0;
  let included = 0;
  for (let k = lo; k <= hi; k++) {
    const lp = logPmf(k);
    if (lp <= threshold) {
      p += Math.exp(lp);
      included++;
    }
  }
  // Every table counted (observed table at the mode): exactly 1, as SciPy returns.
  if (included === hi - lo + 1) return 1;
  return Math.min(1, p);
}
