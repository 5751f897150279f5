import { describe, it, expect } from 'vitest';
import { compareProportions } from '../../src/stats/comparisonTest';
import { fisherExactTwoSided } from '../../src/stats/fisherExact';
import { twoProportionZTest } from '../../src/stats/twoProportionZ';
import { fixtures, expectClose } from './fixtures';

describe('compareProportions', () => {
  it('chooses the same test and p-value as the fixture rule', () => {
    expect(fixtures.compare.length).toBeGreaterThan(20);
    expect(fixtures.compare.some((c) => c.test === 'fisher')).toBe(true);
    expect(fixtures.compare.some((c) => c.test === 'z')).toBe(true);
    for (const c of fixtures.compare) {
      const r = compareProportions(c.x1, c.n1, c.x2, c.n2);
      const label = `${c.x1}/${c.n1} vs ${c.x2}/${c.n2}`;
      expect(r.test, label).toBe(c.test);
      expectClose(r.p, c.p, 1e-6, label);
    }
  });

  it('expected cell exactly 5 uses z; just below 5 uses Fisher', () => {
    // 5/10 vs 5/10: every expected cell is 10 * 10 / 20 = 5.
    expect(compareProportions(5, 10, 5, 10).test).toBe('z');
    // 4/9 vs 500/1000: expected failures in group 1 = 9 * 505 / 1009 = 4.50.
    const r = compareProportions(4, 9, 500, 1000);
    expect(r.test).toBe('fisher');
    expect(r.p).toBe(fisherExactTwoSided(4, 5, 500, 500));
  });

  it('z-test branch returns the z-test p-value', () => {
    const r = compareProportions(30, 100, 45, 110);
    expect(r).toEqual({ test: 'z', p: twoProportionZTest(30, 100, 45, 110).p });
  });

  it('empty group or empty table: Fisher, p = 1', () => {
    expect(compareProportions(0, 0, 10, 20)).toEqual({ test: 'fisher', p: 1 });
    expect(compareProportions(0, 0, 0, 0)).toEqual({ test: 'fisher', p: 1 });
  });

  it('rejects non-integer counts and successes above n', () => {
    expect(() => compareProportions(1.5, 10, 3, 10)).toThrow(RangeError);
    expect(() => compareProportions(11, 10, 3, 10)).toThrow(RangeError);
  });
});
