import { describe, it, expect } from 'vitest';
import { logRankTest, logRankTestCounts } from '../../src/stats/logRank';
import { fixtures, expectClose } from './fixtures';

describe('logRankTest', () => {
  const cases = Object.entries(fixtures.logRank);

  it('has 2-, 3- and 4-group fixture cases', () => {
    const sizes = new Set(cases.map(([, c]) => c.groups.length));
    expect([2, 3, 4].every((k) => sizes.has(k))).toBe(true);
  });

  it.each(cases)('%s: matches survdiff (NumPy; scipy.stats.logrank for two groups)', (name, c) => {
    const r = logRankTest(c.groups);
    expectClose(r.chi2, c.chi2, 1e-6, `${name} chi2`);
    expect(r.df, name).toBe(c.df);
    expectClose(r.p, c.p, 1e-6, `${name} p`);
  });

  it("R's aml data: survdiff gives Chisq = 3.4 on 1 df, p = 0.07", () => {
    const maintained = {
      times: [9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161],
      events: [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0].map(Boolean),
    };
    const nonMaintained = {
      times: [5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45],
      events: [1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1].map(Boolean),
    };
    const r = logRankTest([maintained, nonMaintained]);
    expect(r.chi2).toBeCloseTo(3.396, 3);
    expect(r.df).toBe(1);
    expect(r.p).toBeCloseTo(0.0653, 4);
    // Group order does not matter.
    expect(logRankTest([nonMaintained, maintained]).chi2).toBeCloseTo(r.chi2, 10);
  });

  it('counts per time: the same answer whatever order the times come in, and a time given twice adds up', () => {
    const a = [{ time: 3, events: 2, censored: 1 }, { time: 7, events: 1, censored: 0 }, { time: 9, events: 0, censored: 2 }, { time: 12, events: 3, censored: 1 }];
    const b = [{ time: 2, events: 1, censored: 0 }, { time: 7, events: 2, censored: 2 }, { time: 15, events: 1, censored: 3 }];
    const c = [{ time: 1, events: 0, censored: 1 }, { time: 3, events: 1, censored: 1 }, { time: 20, events: 2, censored: 0 }];
    const r = logRankTestCounts([a, b, c]);
    expect(r.df).toBe(2);
    expect(r.chi2).toBeGreaterThan(0);
    const shuffled = logRankTestCounts([[a[2], a[0], a[3], a[1]], [b[1], b[2], b[0]], [c[2], c[1], c[0]]]);
    expectClose(shuffled.chi2, r.chi2, 1e-12, 'chi2, times out of order');
    expectClose(shuffled.p, r.p, 1e-12, 'p, times out of order');
    const split = logRankTestCounts([[a[0], { time: 7, events: 1, censored: 0 }, a[2], { time: 12, events: 1, censored: 1 }, { time: 12, events: 2, censored: 0 }], b, c]);
    expect(split.chi2).toBeCloseTo(r.chi2, 12);
  });

  it('identical groups: chi2 0, p 1', () => {
    const g = { times: [1, 2, 3, 4], events: [true, true, true, true] };
    const r = logRankTest([g, g]);
    expect(r.chi2).toBeCloseTo(0, 12);
    expect(r.p).toBeCloseTo(1, 12);
  });

  it('one group only (or only one with any expected event): no test, p NaN', () => {
    const one = logRankTest([{ times: [1, 2, 3], events: [true, false, true] }]);
    expect(one).toMatchObject({ chi2: 0, df: 0 });
    expect(one.p).toBeNaN();
    const emptyOther = logRankTest([
      { times: [1, 2, 3], events: [true, false, true] },
      { times: [], events: [] },
    ]);
    expect(emptyOther.df).toBe(0);
    expect(emptyOther.p).toBeNaN();
    expect(logRankTest([]).p).toBeNaN();
  });

  it('no information at all (every event time empties the risk set): p NaN rather than an error', () => {
    const r = logRankTest([
      { times: [1], events: [true] },
      { times: [1], events: [true] },
    ]);
    expect(r.df).toBe(0);
    expect(r.p).toBeNaN();
  });

  it('rejects mismatched lengths and non-finite times', () => {
    expect(() => logRankTest([{ times: [1, 2], events: [true] }])).toThrow(RangeError);
    expect(() => logRankTest([{ times: [Number.POSITIVE_INFINITY], events: [true] }])).toThrow(RangeError);
  });
});
