import { compareProportions } from './comparisonTest';
import { FOUR_FIFTHS } from './impactRatio';
import { assertIntegerCount } from './validate';

export type Verdict = 'gap' | 'watch' | 'no gap' | 'too few to tell';

/** Significance level for q-values in the verdict. */
export const VERDICT_ALPHA = 0.05;

/**
 * Verdict for one group against its reference (METRICS.md):
 * 'too few to tell' first when the group is too small to ever be significant;
 * 'gap' when ratio < 0.8 and q < 0.05; 'watch' when exactly one of the two
 * holds; otherwise 'no gap'. A NaN ratio or q counts as "does not hold".
 * Note q < 0.05 with ratio >= 0.8 (including a group doing significantly
 * better than the reference) is 'watch', as the rule is written.
 */
export function verdict(args: { ratio: number; q: number; tooFewToTell: boolean }): Verdict {
  if (args.tooFewToTell) return 'too few to tell';
  const low = args.ratio < FOUR_FIFTHS;
  const significant = args.q < VERDICT_ALPHA;
  if (low && significant) return 'gap';
  if (low || significant) return 'watch';
  return 'no gap';
}

/**
 * True when even the most extreme outcome possible for the group (0 of nGroup,
 * or nGroup of nGroup, whichever is more significant) would not give
 * p < alpha with compareProportions against the reference xRef / nRef.
 * xGroup does not enter the answer (only its validity is checked): the point is
 * that a small group never reads as "no gap".
 */
export function tooFewToTell(
  xGroup: number,
  nGroup: number,
  xRef: number,
  nRef: number,
  alpha = 0.05,
): boolean {
  assertIntegerCount('xGroup', xGroup);
  if (xGroup > nGroup) throw new RangeError(`xGroup (${xGroup}) exceeds nGroup (${nGroup})`);
  const none = compareProportions(0, nGroup, xRef, nRef).p;
  const all = compareProportions(nGroup, nGroup, xRef, nRef).p;
  return !(Math.min(none, all) < alpha);
}
