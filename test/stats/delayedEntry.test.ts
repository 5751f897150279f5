import { describe, it, expect } from 'vitest';
import { kaplanMeierCounts, countByTime, atRiskAt, atRiskOnGrid, type TimeCount } from '../../src/stats/kaplanMeier';
import { logRankTestCounts } from '../../src/stats/logRank';
import { fixtures } from './fixtures';

/**
 * Five people, by hand: (entry, end, event?)
 *   A (0, 2, event)  B (0, 3, censored)  C (1, 3, event)  group 1
 *   D (3, 4, event)  E (2, 5, censored)                   group 2
 * At risk at t = entered at or before t and not gone before t:
 *   t=2: A B C E = 4, A's event: S = 3/4.  t=3: B C D E = 4 (D enters at 3), C's event:
 *   S = 3/4 * 3/4 = 0.5625.  t=4: D E = 2, D's event: S = 0.28125.  t=5: E alone, censored.
 */
const group1: TimeCount[] = [
  { time: 0, events: 0, censored: 0, entered: 2 }, { time: 1, events: 0, censored: 0, entered: 1 },
  { time: 2, events: 1, censored: 0 }, { time: 3, events: 1, censored: 1 },
];
const group2: TimeCount[] = [
  { time: 2, events: 0, censored: 0, entered: 1 }, { time: 3, events: 0, censored: 0, entered: 1 },
  { time: 4, events: 1, censored: 0 }, { time: 5, events: 0, censored: 1 },
];

describe('delayed entry (left truncation)', () => {
  it('Kaplan-Meier counts each person only from their entry', () => {
    const km = kaplanMeierCounts([...group1, ...group2]);
    expect(km.curve.map((p) => [p.time, p.atRisk, p.events, p.censored])).toEqual([[2, 4, 1, 0], [3, 4, 1, 1], [4, 2, 1, 0], [5, 1, 0, 1]]);
    expect(km.curve.map((p) => p.survival)).toEqual([0.75, 0.5625, 0.28125, 0.28125]);
    expect(km.median).toBe(4);
    // The Greenwood sum, by hand: 1/(4*3) at t=2, then 1/(4*3) at t=3.
    const s = 0.5625;
    const se = Math.sqrt(1 / 12 + 1 / 12);
    expect(km.curve[1].lower).toBeCloseTo(Math.exp(Math.log(s) * Math.exp(-(1.959963984540054 * se) / Math.log(s))), 12);
  });

  it('estimates conditionally from a start time', () => {
    const km = kaplanMeierCounts([...group1, ...group2], { from: 3 });
    expect(km.curve.map((p) => [p.time, p.atRisk, p.survival])).toEqual([[3, 4, 0.75], [4, 2, 0.375], [5, 1, 0.375]]);
    expect(km.median).toBe(4);
  });

  it('finds the risk set at a time, and on a grid of times', () => {
    const all = [...group1, ...group2];
    expect(atRiskAt(all, 3)).toBe(4);
    expect(atRiskAt(all, 4)).toBe(2);
    expect([...atRiskOnGrid(all, 1, 5)]).toEqual([2, 3, 4, 4, 2, 1]);
    expect([...atRiskOnGrid(all, 2, 5)]).toEqual([2, 4, 2]);
    // Without delayed entry everyone is at risk from the start.
    expect([...atRiskOnGrid([{ time: 7, events: 1, censored: 4 }], 7, 7)]).toEqual([5, 5]);
  });

  it('log-rank: risk sets with delayed entry, by hand', () => {
    // t=2: n1 = 3 (A B C), n2 = 1 (E): E1 += 3/4, V += 1 * 3/3 * 3/4 * 1/4 = 0.1875.
    // t=3: n1 = 2 (B C), n2 = 2 (D E): E1 += 1/2, V += 0.25. t=4: n1 = 0.
    // O1 = 2, E1 = 1.25, chi2 = 0.75^2 / 0.4375.
    const r = logRankTestCounts([group1, group2]);
    expect(r.df).toBe(1);
    expect(r.chi2).toBeCloseTo(0.5625 / 0.4375, 12);
    // From t = 3: only C's and D's events: O1 = 1, E1 = 1/2, V = 1/4, chi2 = 1.
    expect(logRankTestCounts([group1, group2], { from: 3 }).chi2).toBeCloseTo(1, 12);
  });

  it('with everyone entering at 0 equals plain Kaplan-Meier and log-rank (SciPy fixtures)', () => {
    const c = fixtures.kaplanMeier.aml_maintained;
    const atZero = (rows: TimeCount[]) => [{ time: 0, events: 0, censored: 0, entered: rows.reduce((s, r) => s + r.events + r.censored, 0) }, ...rows];
    const plain = countByTime(c.times, c.events);
    const km = kaplanMeierCounts(atZero(plain));
    expect(km.curve.map((p) => p.survival)).toEqual(c.curve.map((p) => p.survival));
    expect(km.median).toBe(c.median);
    const lr = fixtures.logRank.aml;
    const groups = lr.groups.map((g) => atZero(countByTime(g.times, g.events)));
    expect(logRankTestCounts(groups).chi2).toBeCloseTo(lr.chi2, 9);
  });

  it('refuses counts where more leave the risk set than entered it', () => {
    expect(() => kaplanMeierCounts([{ time: 1, events: 0, censored: 0, entered: 1 }, { time: 2, events: 2, censored: 0 }])).toThrow(/more people leave/);
  });
});
