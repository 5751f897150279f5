/** The four-fifths (80%) rule threshold for the impact ratio. */
export const FOUR_FIFTHS = 0.8;

/**
 * Impact ratio of a group against the reference group (METRICS.md).
 * Favourable outcomes (promotion, match): rateGroup / rateRef.
 * Adverse outcomes (attrition, waitlisting): taken the other way round,
 * rateRef / rateGroup, so that below 0.8 always means "the group fares worse".
 * A zero denominator (including 0/0) or a NaN rate gives NaN: no ratio.
 */
export function impactRatio(rateGroup: number, rateRef: number, adverse: boolean): number {
  const num = adverse ? rateRef : rateGroup;
  const den = adverse ? rateGroup : rateRef;
  if (den === 0 || Number.isNaN(num) || Number.isNaN(den)) return Number.NaN;
  return num / den;
}
