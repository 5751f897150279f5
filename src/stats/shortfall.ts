import { assertCount } from './validate';

/**
 * How many people of the group would have to change outcome for the group to
 * reach the reference rate (METRICS.md "shortfall"):
 *   favourable outcome: how many more:  max(0, ceil(rateRef * nGroup - xGroup))
 *   adverse outcome:    how many fewer: max(0, ceil(xGroup - rateRef * nGroup))
 * with 1e-9 taken off before ceil so that rounding noise in rateRef * nGroup
 * (e.g. 0.3 * 10 = 3.0000000000000004) does not add a phantom person.
 * A NaN reference rate gives NaN.
 */
export function shortfall(xGroup: number, nGroup: number, rateRef: number, adverse: boolean): number {
  assertCount('xGroup', xGroup);
  assertCount('nGroup', nGroup);
  if (xGroup > nGroup) throw new RangeError(`xGroup (${xGroup}) exceeds nGroup (${nGroup})`);
  if (Number.isNaN(rateRef)) return Number.NaN;
  const target = rateRef * nGroup;
  const gap = adverse ? xGroup - target : target - xGroup;
  return Math.max(0, Math.ceil(gap - 1e-9));
}
