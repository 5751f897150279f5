import { describe, it, expect } from 'vitest';
import { twoProportionZTest } from '../../src/stats/twoProportionZ';
import { fixtures, expectClose } from './fixtures';

describe('twoProportionZTest', () => {
  it('matches the statsmodels pooled z-test on every fixture case', () => {
    expect(fixtures.ztest.length).toBeGreaterThan(20);
    for (const c of fixtures.ztest) {
      const r = twoProportionZTest(c.x1, c.n1, c.x2, c.n2);
      const label = `${c.x1}/${c.n1} vs ${c.x2}/${c.n2}`;
      expectClose(r.z, c.z, 1e-6, label);
      expectClose(r.p, c.p, 1e-6, label);
    }
  });

  it('hand-computed: 50/100 vs 30/100 -> z = 0.2 / sqrt(0.4 * 0.6 * 0.02) = 2.88675, p = 0.003892', () => {
    const r = twoProportionZTest(50, 100, 30, 100);
    expect(r.z).toBeCloseTo(2.886751346, 8);
    expect(r.p).toBeCloseTo(0.003892417, 8);
  });

  it('sign of z follows group 1 minus group 2; p is symmetric', () => {
    const a = twoProportionZTest(30, 100, 45, 110);
    const b = twoProportionZTest(45, 110, 30, 100);
    expect(a.z).toBeLessThan(0);
    expect(b.z).toBeCloseTo(-a.z, 12);
    expect(b.p).toBeCloseTo(a.p, 12);
  });

  it('large n: 12345/50000 vs 15432/60000', () => {
    const r = twoProportionZTest(12345, 50000, 15432, 60000);
    expect(r.p).toBeGreaterThan(0);
    expect(r.p).toBeLessThan(1e-4);
  });

  it('degenerate pooled proportion (all 0 or all 1): z 0, p 1', () => {
    expect(twoProportionZTest(0, 50, 0, 60)).toEqual({ z: 0, p: 1 });
    expect(twoProportionZTest(50, 50, 60, 60)).toEqual({ z: 0, p: 1 });
  });

  it('an empty group has no rate: z and p NaN', () => {
    const r = twoProportionZTest(0, 0, 3, 10);
    expect(r.z).toBeNaN();
    expect(r.p).toBeNaN();
  });

  it('rejects successes above n', () => {
    expect(() => twoProportionZTest(11, 10, 3, 10)).toThrow(RangeError);
    expect(() => twoProportionZTest(1, 10, 11, 10)).toThrow(RangeError);
  });
});
