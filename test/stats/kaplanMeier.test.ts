import { describe, it, expect } from 'vitest';
import { kaplanMeier } from '../../src/stats/kaplanMeier';
import { fixtures, expectClose } from './fixtures';

describe('kaplanMeier', () => {
  const cases = Object.entries(fixtures.kaplanMeier);

  it('has the fixture cases', () => {
    expect(cases.length).toBeGreaterThan(10);
  });

  it.each(cases)('%s: curve, log-log band and median CI match the SciPy/NumPy reference', (name, c) => {
    const r = kaplanMeier(c.times, c.events, c.confidence ?? 0.95);
    expect(r.curve).toHaveLength(c.curve.length);
    r.curve.forEach((row, i) => {
      const e = c.curve[i];
      const label = `${name} t=${e.time}`;
      expect(row.time, label).toBe(e.time);
      expect(row.atRisk, label).toBe(e.atRisk);
      expect(row.events, label).toBe(e.events);
      expect(row.censored, label).toBe(e.censored);
      expectClose(row.survival, e.survival, 1e-9, label);
      expectClose(row.lower, e.lower, 1e-6, `${label} lower`);
      expectClose(row.upper, e.upper, 1e-6, `${label} upper`);
    });
    expect(r.median, name).toBe(c.median);
    expect(r.medianLower, name).toBe(c.medianLower);
    expect(r.medianUpper, name).toBe(c.medianUpper);
  });

  it('hand-computed with a tie: events before censorings at the same time', () => {
    // t=1: 4 at risk, 1 event -> 3/4. t=2: 3 at risk (the one censored at 2 still counts),
    // 1 event -> 3/4 * 2/3 = 1/2. t=3: 1 at risk, 1 event -> 0.
    const r = kaplanMeier([2, 1, 3, 2], [false, true, true, true]);
    expect(r.curve.map((p) => [p.time, p.atRisk, p.events, p.censored])).toEqual([
      [1, 4, 1, 0],
      [2, 3, 1, 1],
      [3, 1, 1, 0],
    ]);
    expect(r.curve[0].survival).toBeCloseTo(0.75, 14);
    expect(r.curve[1].survival).toBeCloseTo(0.5, 14);
    expect(r.curve[2].survival).toBe(0);
    expect(r.median).toBe(2);
  });

  it('hand-computed log-log band at S = 3/4 with n = 4', () => {
    // Greenwood: var(log S) = 1 / (4 * 3); band S^exp(-/+ 1.96 * sqrt(1/12) / log S).
    const r = kaplanMeier([1, 5, 6, 7], [true, false, false, false]);
    const s = 0.75;
    const shift = (1.959963984540054 * Math.sqrt(1 / 12)) / Math.log(s);
    expect(r.curve[0].lower).toBeCloseTo(s ** Math.exp(-shift), 12);
    expect(r.curve[0].upper).toBeCloseTo(s ** Math.exp(shift), 12);
    expect(r.curve[0].lower).toBeCloseTo(0.127947, 6);
    expect(r.curve[0].upper).toBeCloseTo(0.960549, 6);
  });

  it('all censored: survival stays 1, band [1, 1], no median', () => {
    const r = kaplanMeier([3, 5, 5, 8], [false, false, false, false]);
    expect(r.curve.every((p) => p.survival === 1 && p.lower === 1 && p.upper === 1)).toBe(true);
    expect(r.median).toBeNull();
    expect(r.medianLower).toBeNull();
    expect(r.medianUpper).toBeNull();
  });

  it('curve reaching 0: band undefined (NaN) there, as in R', () => {
    const r = kaplanMeier([1, 2, 3, 4], [true, true, true, true]);
    const last = r.curve[r.curve.length - 1];
    expect(last.survival).toBe(0);
    expect(last.lower).toBeNaN();
    expect(last.upper).toBeNaN();
    expect(r.median).toBe(2); // smallest time with S <= 0.5 (R would report 2.5, the flat's midpoint)
  });

  it('single person with an event: median known, its CI not', () => {
    const r = kaplanMeier([7], [true]);
    expect(r.median).toBe(7);
    expect(r.medianLower).toBeNull();
    expect(r.medianUpper).toBeNull();
  });

  it('empty input', () => {
    expect(kaplanMeier([], [])).toEqual({ curve: [], median: null, medianLower: null, medianUpper: null });
  });

  it('input order does not matter', () => {
    const t = [30, 10, 20, 10, 40, 25, 5, 60];
    const e = [false, true, true, true, true, false, true, false];
    const perm = [7, 2, 5, 0, 3, 6, 1, 4];
    expect(kaplanMeier(perm.map((i) => t[i]), perm.map((i) => e[i]))).toEqual(kaplanMeier(t, e));
  });

  it('rejects mismatched lengths and non-finite times', () => {
    expect(() => kaplanMeier([1, 2], [true])).toThrow(RangeError);
    expect(() => kaplanMeier([1, Number.NaN], [true, true])).toThrow(RangeError);
  });
});
