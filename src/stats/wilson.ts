import jStat from 'jstat';
import { assertCount, assertConfidence } from './validate';

export interface RateInterval {
  rate: number;
  lower: number;
  upper: number;
}

/**
 * Observed rate with its Wilson score interval, as statsmodels
 * proportion_confint(successes, n, alpha = 1 - confidence, method='wilson').
 * n = 0 gives rate NaN and the uninformative interval [0, 1].
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): RateInterval {
  assertCount('n', n);
  assertCount('successes', successes);
  if (successes > n) throw new RangeError(`successes (${successes}) exceeds n (${n})`);
  assertConfidence(confidence);
  if (n === 0) return { rate: Number.NaN, lower: 0, upper: 1 };

  const rate = successes / n;
  const z = jStat.normal.inv(1 - (1 - confidence) / 2, 0, 1);
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const center = (rate + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((rate * (1 - rate)) / n + z2 / (4 * n * n))) / denom;
  // The bounds are 0 and 1 exactly at the extremes; clamp away rounding noise.
  const lower = successes === 0 ? 0 : Math.max(0, center - half);
  const upper = successes === n ? 1 : Math.min(1, center + half);
  return { rate, lower, upper };
}
