import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { gini } from '../../src/stats/gini';
import { fixtures, expectClose } from './fixtures';

describe('gini', () => {
  it('matches the pairwise mean-absolute-difference definition on every fixture case', () => {
    expect(fixtures.gini.length).toBeGreaterThan(5);
    for (const c of fixtures.gini) expectClose(gini(c.values), c.gini, 1e-9, JSON.stringify(c.values).slice(0, 40));
  });

  it('hand-computed: [1, 2, 3, 4, 5] -> 40 / (2 * 25 * 3) = 4/15', () => {
    expect(gini([5, 3, 1, 4, 2])).toBeCloseTo(4 / 15, 12);
  });

  it('one person carrying everything among n: (n - 1) / n', () => {
    expect(gini([0, 0, 0, 12])).toBeCloseTo(0.75, 12);
    expect(gini([0, 10])).toBeCloseTo(0.5, 12);
  });

  it('equal loads, a single value, all zeros and empty input give 0', () => {
    expect(gini([3, 3, 3, 3])).toBe(0);
    expect(gini([5])).toBe(0);
    expect(gini([0, 0, 0])).toBe(0);
    expect(gini([])).toBe(0);
  });

  it('rejects negative or non-finite values', () => {
    expect(() => gini([1, -1])).toThrow(RangeError);
    expect(() => gini([1, Number.NaN])).toThrow(RangeError);
  });

  it('property: in [0, 1), scale-invariant and order-invariant', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 80 }), (v) => {
        const g = gini(v);
        const scaled = gini(v.map((x) => x * 3.5));
        const reversed = gini([...v].reverse());
        return g >= 0 && g < 1 && Math.abs(g - scaled) < 1e-12 && Math.abs(g - reversed) < 1e-12;
      }),
    );
  });
});
