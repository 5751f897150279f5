import { describe, it, expect } from 'vitest';
import { standardizedRatio } from '../../src/stats/standardizedRatio';
import { fixtures, expectClose } from './fixtures';

describe('standardizedRatio', () => {
  it('matches the Garwood interval from scipy.stats.chi2 on every fixture case', () => {
    expect(fixtures.standardizedRatio.length).toBeGreaterThan(5);
    for (const c of fixtures.standardizedRatio) {
      const r = standardizedRatio(c.observed, c.expected, c.confidence);
      const label = `${c.observed}/${c.expected} @${c.confidence}`;
      expectClose(r.ratio, c.ratio, 1e-12, label);
      expectClose(r.lower, c.lower, 1e-6, label);
      expectClose(r.upper, c.upper, 1e-6, label);
    }
  });

  it('hand-computed: observed 0 -> [0, -ln(0.025) / E]', () => {
    // chi2.ppf(0.975, 2) / 2 = -ln(0.025) = 3.688879
    const r = standardizedRatio(0, 2);
    expect(r.ratio).toBe(0);
    expect(r.lower).toBe(0);
    expect(r.upper).toBeCloseTo(Math.log(40) / 2, 10);
  });

  it('hand-computed: observed 1 -> lower = -ln(0.975) / E', () => {
    // chi2.ppf(0.025, 2) / 2 = -ln(1 - 0.025)
    expect(standardizedRatio(1, 1).lower).toBeCloseTo(-Math.log(0.975), 10);
  });

  it('the interval contains the ratio and narrows as counts grow', () => {
    const small = standardizedRatio(10, 8);
    const large = standardizedRatio(1000, 800);
    expect(small.lower).toBeLessThan(small.ratio);
    expect(small.upper).toBeGreaterThan(small.ratio);
    expect(large.upper - large.lower).toBeLessThan(small.upper - small.lower);
  });

  it('expected 0 gives NaN; invalid input throws', () => {
    const r = standardizedRatio(3, 0);
    expect(r.ratio).toBeNaN();
    expect(r.lower).toBeNaN();
    expect(r.upper).toBeNaN();
    expect(() => standardizedRatio(-1, 2)).toThrow(RangeError);
    expect(() => standardizedRatio(1, 2, 1.2)).toThrow(RangeError);
  });
});
