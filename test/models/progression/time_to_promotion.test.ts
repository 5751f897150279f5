import { describe, it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withTempWorkspace, tempDir } from '../../helpers/tempWorkspace';
import { importFixture } from '../../helpers/importFixture';
import { survivalAnswer } from '../../helpers/survivalAnswer';
import { loadProgression, run, pick } from './fixture';

/**
 * 2025-Q2: window [2023-07-01, 2025-07-01), data end 2025-06-30 (last roster). No roster
 * predates the window, so every spell starts at the hire date; it ends at the first promotion
 * (event), or is censored at the exit or the data's end. Days:
 *   Woman: W1 2020-01-01..2025-06-30 = 2007 event, W2 2007 event, W3 ..2024-12-31 = 1460 event,
 *          W4 ..2025-05-15 = 1230 censored, W5 ..2025-06-30 = 2372 censored, W6 ..2025-03-31 = 2646 event,
 *          W7 2024-09-01.. = 302 event, W8 3102 censored, W9 ..2024-12-31 = 730 censored, W10 1855 censored
 *   Man:   M1 2372 event, M2 ..2024-12-31 = 2191 event (his first promotion in the window), M3 2007 event,
 *          M4 1641 c, M5 3468 c, M6 1125 event, M7 ..2025-04-30 = 2676 c, M8 ..2025-03-31 = 761 event,
 *          M9 60 c, M10 3833 c, M11 ..2024-10-15 = 2114 c, M12 ..2024-12-31 = 2191 c
 *   Non-binary: N1 1641 event, N2 1276 c. Not recorded: U1 2007 c.
 * Kaplan-Meier, log-log band and log-rank from SciPy 1.17 (scipy.stats.ecdf on CensoredData,
 * sf.confidence_interval(method='log-log'), scipy.stats.logrank; statistic squared = chi2);
 * median (CI) = first time the curve (band) is <= 0.5, as lifelines / R's quantile.survfit.
 */
describe('time_to_promotion', () => {
  it('gives the Kaplan-Meier median time in level per group and the log-rank test, with k = 3', async () => {
    await withTempWorkspace(async (ws) => {
      await loadProgression(ws);
      const { rows } = await run(ws, 'time_to_promotion', { period: '2025-Q2', k: 3 });
      const summary = rows.filter((r) => r.row_type === 'summary');
      expect(summary.map((r) => r.grp)).toEqual(['Man', 'Non-binary', 'Not recorded', 'Woman']);

      const women = pick(summary, { grp: 'Woman' });
      expect(women).toMatchObject({ slice: 'all', n: 10, events: 5, median: 2007, median_lower: 302, median_upper: null, suppressed: false, logrank_df: 1 });
      expect(women.logrank_chi2).toBeCloseTo(0.35847730280054846, 9);
      expect(women.logrank_p).toBeCloseTo(0.5493531210385982, 9);
      const men = pick(summary, { grp: 'Man' });
      expect(men).toMatchObject({ n: 12, events: 5, median: 2372, median_lower: 1125, median_upper: null });
      expect(men.logrank_p).toBeCloseTo(0.5493531210385982, 9);
      for (const grp of ['Non-binary', 'Not recorded']) {
        expect(pick(summary, { grp })).toMatchObject({ n: null, events: null, median: null, suppressed: true, note: 'fewer than 3' });
      }
      expect(rows.some((r) => r.row_type === 'point' && (r.grp === 'Non-binary' || r.grp === 'Not recorded'))).toBe(false);

      // The women's curve: each step shown stands for at least 3 promotions (302 and 1460 are one
      // each; 2007, two more, closes the first step of three, and is the median too); after 2372
      // fewer than 3 remain at risk. From t = 0, where all 10 are.
      const curve = rows.filter((r) => r.row_type === 'point' && r.grp === 'Woman');
      expect(curve.map((r) => r.t)).toEqual([0, 2007]);
      expect(curve.map((r) => r.at_risk)).toEqual([10, 5]);
      const at = (t: number) => curve.find((r) => r.t === t)!;
      expect(at(0)).toMatchObject({ survival: 1, lower: 1, upper: 1 });
      expect(at(2007).survival).toBeCloseTo(0.4628571428571428, 12);
      expect(at(2007).lower).toBeCloseTo(0.11220873757348324, 9);
      expect(at(2007).upper).toBeCloseTo(0.7623951659515278, 9);
      // The steps drawn together are still in the estimate: the SQL answer's curve, event by event.
      const answer = (await survivalAnswer(ws, 'time_to_promotion', { period: '2025-Q2', k: 3 }))('all', 'Woman');
      const km = (t: number) => answer.curve.find((p) => p.time === t)!;
      expect(answer.times).toEqual([302, 730, 1230, 1460, 1855, 2007, 2372, 2646, 3102]);
      expect(km(302).survival).toBeCloseTo(0.9, 12);
      expect(km(302).lower).toBeCloseTo(0.47300927136205023, 9);
      expect(km(302).upper).toBeCloseTo(0.9852813933673431, 9);
      expect(km(1460).survival).toBeCloseTo(0.7714285714285714, 12);
      // Men: promotions at 761, 1125 and 2007 make the first step; 2191 and 2372 (the median) the next.
      const menCurve = rows.filter((r) => r.row_type === 'point' && r.grp === 'Man');
      expect(menCurve.map((r) => r.t)).toEqual([0, 2007, 2372]);
      const m2372 = menCurve.find((r) => r.t === 2372)!;
      expect(m2372.survival).toBeCloseTo(0.44744318181818177, 12);
      expect(m2372.lower).toBeCloseTo(0.12276071923998153, 9);
      expect(m2372.upper).toBeCloseTo(0.7346661628205801, 9);
    });
  });

  it('with k = 5 hides the small groups, steps by at least 5 promotions and cuts the curves where fewer than 5 are at risk', async () => {
    await withTempWorkspace(async (ws) => {
      await loadProgression(ws);
      const { rows } = await run(ws, 'time_to_promotion', { period: '2025-Q2', k: 5 });
      expect(pick(rows, { row_type: 'summary', grp: 'Non-binary' })).toMatchObject({ suppressed: true, note: 'fewer than 5', median: null });
      // Four promotions up to 2007, the median, which is drawn as its own step; at 2372 only 3 remain.
      const curve = rows.filter((r) => r.row_type === 'point' && r.grp === 'Woman');
      expect(curve.map((r) => r.t)).toEqual([0, 2007]);
      // Men: four promotions (761, 1125, 2007, 2191) while 5 or more are followed; the fifth, at
      // 2372, comes after fewer than 5 remain. No step of 5 to draw: no curve, only the summary.
      expect(rows.filter((r) => r.row_type === 'point' && r.grp === 'Man')).toEqual([]);
      expect(pick(rows, { row_type: 'summary', grp: 'Man' })).toMatchObject({ n: 12, events: 5, median: 2372, suppressed: false });
    });
  });

  it('follows nobody beyond the data: 2025-Q1 ends on the 2025-03-31 roster', async () => {
    await withTempWorkspace(async (ws) => {
      await loadProgression(ws);
      // Window [2023-04-01, 2025-04-01), data end 2025-03-31: the 2025-06-30 promotions and exits
      // are not seen yet. Women: 10 spells, promotions W3 (2024-12-31) and W6 (2025-03-31); men: 11
      // (M9 not hired yet), promotions M2 (2024-12-31) and M8 (2025-03-31).
      const params = { period: '2025-Q1', k: 3 };
      const answer = await survivalAnswer(ws, 'time_to_promotion', params);
      expect(answer('all', 'Woman')).toMatchObject({ n: 10, events: 2 });
      expect(answer('all', 'Man')).toMatchObject({ n: 11, events: 2 });
      // Two promotions in a group are fewer than k: every group is hidden.
      const { rows } = await run(ws, 'time_to_promotion', params);
      for (const grp of ['Woman', 'Man']) expect(pick(rows, { row_type: 'summary', grp })).toMatchObject({ n: null, events: null, suppressed: true });
      expect(rows.filter((r) => r.row_type === 'point')).toEqual([]);
    });
  });

  it('filters on the level of the spell measured', async () => {
    await withTempWorkspace(async (ws) => {
      await loadProgression(ws);
      // Spells at L1: women W1, W2, W3, W7 (promoted from L1) and W9 (censored); men M1, M2, M6, M8
      // (promoted from L1), M9 and M12 (censored).
      const params = { period: '2025-Q2', k: 3, levelMax: 1 };
      const answer = await survivalAnswer(ws, 'time_to_promotion', params);
      expect(answer('all', 'Woman')).toMatchObject({ n: 5, events: 4, median: 2007 });
      expect(answer('all', 'Man')).toMatchObject({ n: 6, events: 4 });
      // One woman and two men not promoted: fewer than k, so both groups are hidden.
      const { rows } = await run(ws, 'time_to_promotion', params);
      for (const grp of ['Woman', 'Man']) expect(pick(rows, { row_type: 'summary', grp })).toMatchObject({ suppressed: true });
    });
  });

  it('starts a spell without a hire date at the first roster showing the person, and places leavers by their last roster', async () => {
    const { dir, cleanup } = tempDir();
    try {
      // A, B, C and D have no hire date. A and B are promoted in the 2025-06-30 roster; C is not;
      // D vanishes after 2024-12-31: an exit dated at the next roster, 2025-06-30. Every spell
      // starts at the first roster, 2024-06-30: A and B 365 days (event), C and D 365 (censored).
      const rosters: Record<string, string[]> = {
        '2024-06-30': ['A,Woman,,L1', 'B,Woman,,L1', 'C,Woman,,L1', 'D,Woman,,L1'],
        '2024-12-31': ['A,Woman,,L1', 'B,Woman,,L1', 'C,Woman,,L1', 'D,Woman,,L1'],
        '2025-06-30': ['A,Woman,,L2', 'B,Woman,,L2', 'C,Woman,,L1'],
      };
      for (const [d, lines] of Object.entries(rosters)) writeFileSync(join(dir, `r_${d}.csv`), ['id,gender,hired,level', ...lines].join('\n') + '\n');
      await withTempWorkspace(async (ws) => {
        await importFixture(ws, dir, Object.keys(rosters).map((d) => ({
          path: `r_${d}.csv`, profile: { table: 'people' as const, snapshotDate: d, columns: { person_id: 'id', gender: 'gender', hire_date: 'hired', level: 'level' } },
        })));
        // KM: at 365 two events among 4 at risk: S = 1/2, so the median is 365.
        const answer = await survivalAnswer(ws, 'time_to_promotion', { period: '2025-Q2', k: 3 });
        expect(answer('all', 'Woman')).toMatchObject({ n: 4, events: 2, median: 365 });
        const { rows } = await run(ws, 'time_to_promotion', { period: '2025-Q2', k: 3 });
        expect(pick(rows, { row_type: 'summary', grp: 'Woman' })).toMatchObject({ suppressed: true });
      });
    } finally {
      cleanup();
    }
  });
});
