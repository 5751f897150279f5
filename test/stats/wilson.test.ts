import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { wilsonInterval } from '../../src/stats/wilson';
import { fixtures, expectClose } from './fixtures';

describe('wilsonInterval', () => {
  it('matches the statsmodels/SciPy Wilson interval on every fixture case', () => {
    expect(fixtures.wilson.length).toBeGreaterThan(10);
    for (const c of fixtures.wilson) {
      const r = wilsonInterval(c.successes, c.n, c.confidence);
      const label = `${c.successes}/${c.n} @${c.confidence}`;
      expectClose(r.rate, c.rate, 1e-12, label);
      expectClose(r.lower, c.lower, 1e-6, label);
      expectClose(r.upper, c.upper, 1e-6, label);
    }
  });

  it('hand-computed: 12/40 gives 0.30 [0.1807, 0.4543]', () => {
    // z = 1.959964, z^2/n = 0.0960365; centre = (0.3 + 0.0480182) / 1.0960365 = 0.317624;
    // half-width = 1.959964 * sqrt(0.21/40 + 3.841459/6400) / 1.0960365 = 0.136876.
    const r = wilsonInterval(12, 40);
    expect(r.rate).toBe(0.3);
    expect(r.lower).toBeCloseTo(0.180748, 6);
    expect(r.upper).toBeCloseTo(0.4543, 4);
  });

  it('0 and all successes reach 0 and 1 exactly', () => {
    expect(wilsonInterval(0, 10).lower).toBe(0);
    expect(wilsonInterval(10, 10).upper).toBe(1);
    expect(wilsonInterval(10, 10).lower).toBeGreaterThan(0.7);
  });

  it('n = 0: rate NaN, interval [0, 1]', () => {
    const r = wilsonInterval(0, 0);
    expect(r.rate).toBeNaN();
    expect(r.lower).toBe(0);
    expect(r.upper).toBe(1);
  });

  it('rejects impossible counts and confidence levels', () => {
    expect(() => wilsonInterval(5, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(Number.NaN, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 4, 1)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 4, 0)).toThrow(RangeError);
  });

  it('property: 0 <= lower <= rate <= upper <= 1, and wider at higher confidence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const x = Math.floor(f * n);
        const r = wilsonInterval(x, n);
        const r99 = wilsonInterval(x, n, 0.99);
        return (
          r.lower >= 0 &&
          r.lower <= r.rate + 1e-15 &&
          r.rate <= r.upper + 1e-15 &&
          r.upper <= 1 &&
          r99.lower <= r.lower &&
          r99.upper >= r.upper
        );
      }),
    );
  });
});
