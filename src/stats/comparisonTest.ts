import { fisherExactTwoSided } from './fisherExact';
import { twoProportionZTest } from './twoProportionZ';
import { assertIntegerCount } from './validate';

export interface ComparisonResult {
  test: 'fisher' | 'z';
  p: number;
}

/** Expected-cell threshold below which the z approximation is not trusted. */
export const MIN_EXPECTED_CELL = 5;

/**
 * Compares the rate x1/n1 with x2/n2 (METRICS.md, "Disparity statistics"):
 * two-sided Fisher's exact test when any expected cell of the 2x2 table
 * [[x1, n1 - x1], [x2, n2 - x2]] under independence is below 5, otherwise the
 * pooled two-proportion z-test. An empty group or an empty table goes to
 * Fisher, which gives p = 1.
 */
export function compareProportions(x1: number, n1: number, x2: number, n2: number): ComparisonResult {
  for (const [name, v] of [['x1', x1], ['n1', n1], ['x2', x2], ['n2', n2]] as const) {
    assertIntegerCount(name, v);
  }
  if (x1 > n1) throw new RangeError(`x1 (${x1}) exceeds n1 (${n1})`);
  if (x2 > n2) throw new RangeError(`x2 (${x2}) exceeds n2 (${n2})`);

  const n = n1 + n2;
  const successes = x1 + x2;
  const failures = n - successes;
  const expected =
    n === 0
      ? [0]
      : [(n1 * successes) / n, (n1 * failures) / n, (n2 * successes) / n, (n2 * failures) / n];
  if (expected.some((e) => e < MIN_EXPECTED_CELL)) {
    return { test: 'fisher', p: fisherExactTwoSided(x1, n1 - x1, x2, n2 - x2) };
  }
  return { test: 'z', p: twoProportionZTest(x1, n1, x2, n2).p };
}
