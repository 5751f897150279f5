import jStat from 'jstat';
import { assertConfidence, assertCount } from './validate';

export interface RatioInterval {
  ratio: number;
  lower: number;
  upper: number;
}

/**
 * Observed / expected (standardized ratio, e.g. SIR/SMR, and the "lift" of
 * METRICS.md) with the exact Poisson (Garwood) interval on the observed count,
 * divided by expected:
 *   lower = chi2.ppf(alpha/2, 2 O) / 2 / E   (0 when O = 0)
 *   upper = chi2.ppf(1 - alpha/2, 2 O + 2) / 2 / E
 * Expected must be > 0 for a ratio; expected = 0 gives NaN throughout.
 */
export function standardizedRatio(observed: number, expected: number, confidence = 0.95): RatioInterval {
  assertCount('observed', observed);
  assertCount('expected', expected);
  assertConfidence(confidence);
  if (expected === 0) return { ratio: Number.NaN, lower: Number.NaN, upper: Number.NaN };
  const alpha = 1 - confidence;
  const lowerCount = observed === 0 ? 0 : jStat.chisquare.inv(alpha / 2, 2 * observed) / 2;
  const upperCount = jStat.chisquare.inv(1 - alpha / 2, 2 * observed + 2) / 2;
  return { ratio: observed / expected, lower: lowerCount / expected, upper: upperCount / expected };
}
