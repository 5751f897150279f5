import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fisherExactTwoSided } from '../../src/stats/fisherExact';
import { fixtures, expectClose } from './fixtures';

describe('fisherExactTwoSided', () => {
  it('matches scipy.stats.fisher_exact (two-sided) on every fixture table', () => {
    expect(fixtures.fisher.length).toBeGreaterThan(50);
    for (const { table, p } of fixtures.fisher) {
      const [[a, b], [c, d]] = table;
      expectClose(fisherExactTwoSided(a, b, c, d), p, 1e-6, JSON.stringify(table));
    }
  });

  it('agrees with SciPy to 1e-9 relative on the small tables too', () => {
    for (const { table, p } of fixtures.fisher) {
      const [[a, b], [c, d]] = table;
      if (p < 1e-300) continue;
      const got = fisherExactTwoSided(a, b, c, d);
      expect(Math.abs(got - p) / p, JSON.stringify(table)).toBeLessThan(1e-7);
    }
  });

  it('hand-computed: [[1, 9], [11, 3]] p = 0.002759', () => {
    expect(fisherExactTwoSided(1, 9, 11, 3)).toBeCloseTo(0.0027594561852, 10);
  });

  it("hand-computed: Fisher's tea tasting [[3, 1], [1, 3]] p = 34/70", () => {
    // Tables with probability <= 16/70: k = 0, 1, 3, 4 -> (1 + 16 + 16 + 1) / 70.
    expect(fisherExactTwoSided(3, 1, 1, 3)).toBeCloseTo(34 / 70, 12);
  });

  it('empty row or column gives 1; a balanced table gives 1', () => {
    expect(fisherExactTwoSided(0, 0, 0, 0)).toBe(1);
    expect(fisherExactTwoSided(0, 10, 0, 10)).toBe(1);
    expect(fisherExactTwoSided(0, 0, 3, 4)).toBe(1);
    expect(fisherExactTwoSided(5, 5, 5, 5)).toBe(1);
  });

  it('counts a mirror-image table as equally probable (symmetric margins)', () => {
    // [[2, 8], [8, 2]] and [[8, 2], [2, 8]] have the same probability; both tails are summed.
    const p = fisherExactTwoSided(2, 8, 8, 2);
    expect(p).toBeCloseTo(fisherExactTwoSided(8, 2, 2, 8), 14);
    expect(p).toBeCloseTo(0.02301413, 7);
  });

  it('large n (1e6) stays finite and fast', () => {
    const start = performance.now();
    const p = fisherExactTwoSided(250000, 250000, 249000, 251000);
    expect(performance.now() - start).toBeLessThan(5000);
    expect(p).toBeGreaterThan(0.04);
    expect(p).toBeLessThan(0.05);
  });

  it('rejects non-integer or negative cells', () => {
    expect(() => fisherExactTwoSided(1.5, 2, 3, 4)).toThrow(RangeError);
    expect(() => fisherExactTwoSided(1, -2, 3, 4)).toThrow(RangeError);
  });

  it('property: p in (0, 1], invariant under swapping rows, columns and transposing', () => {
    const cell = fc.integer({ min: 0, max: 40 });
    fc.assert(
      fc.property(cell, cell, cell, cell, (a, b, c, d) => {
        const p = fisherExactTwoSided(a, b, c, d);
        const same = (q: number) => Math.abs(q - p) <= 1e-9 * p;
        return (
          p > 0 &&
          p <= 1 &&
          same(fisherExactTwoSided(c, d, a, b)) &&
          same(fisherExactTwoSided(b, a, d, c)) &&
          same(fisherExactTwoSided(a, c, b, d))
        );
      }),
    );
  });
});
