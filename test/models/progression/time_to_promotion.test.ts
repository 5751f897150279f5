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
 * (event), or is censored at the exit or the data's end. Days in level at the end, and (in
 * brackets) when the window opened, where the spell joins the risk set (delayed entry):
 *   Woman: W1 2020-01-01..2025-06-30 = 2007 event [1277], W2 2007 event [1277], W3 ..2024-12-31 = 1460 event [911],
 *          W4 ..2025-05-15 = 1230 censored [546], W5 ..2025-06-30 = 2372 censored [1642], W6 ..2025-03-31 = 2646 event [2007],
 *          W7 2024-09-01.. = 302 event [0], W8 3102 censored [2372], W9 ..2024-12-31 = 730 censored [181], W10 1855 censored [1125]
 *   Man:   M1 2372 event [1642], M2 ..2024-12-31 = 2191 event [1642] (his first promotion in the window), M3 2007 event [1277],
 *          M4 1641 c [911], M5 3468 c [2738], M6 1125 event [395], M7 ..2025-04-30 = 2676 c [2007], M8 ..2025-03-31 = 761 event [122],
 *          M9 60 c [0], M10 3833 c [3103], M11 ..2024-10-15 = 2114 c [1642], M12 ..2024-12-31 = 2191 c [1642]
 *   Non-binary: N1 1641 event, N2 1276 c. Not recorded: U1 2007 c.
 * Risk sets: women first have 3 at risk at once on day 1125 (W4, W3, W10), men on day 1642
 * (M1, M2, M3, M11, M12), so with k = 3 both estimates start at the first 30-day mark after
 * it, day 1650 (nobody is promoted or leaves in between), conditional on reaching it. Kaplan-Meier, log-log band and log-rank with delayed entry from a person-level
 * NumPy reimplementation, test/fixtures/models/progression/time_to_promotion_reference.py (at risk at t: entered at or before t, not gone before t; the same
 * code without entries agrees with scipy.stats.ecdf / logrank); median (CI) = first time the
 * curve (band) is <= 0.5, as lifelines / R's quantile.survfit.
 */
describe('time_to_promotion', () => {
  it('gives the Kaplan-Meier median time in level per group and the log-rank test, from the first day k are at risk in every group, with k = 3', async () => {
    await withTempWorkspace(async (ws) => {
      await loadProgression(ws);
      const { rows } = await run(ws, 'time_to_promotion', { period: '2025-Q2', k: 3 });
      const summary = rows.filter((r) => r.row_type === 'summary');
      expect(summary.map((r) => r.grp)).toEqual(['Man', 'Non-binary', 'Not recorded', 'Woman']);

      // Women from day 1642: W1, W2, W5, W10 at risk; W10 censored at 1855; W1 and W2 promoted
      // at 2007 of 4 at risk: S = 1/2, the median, and its lower CI; the upper CI never gets there.
      const women = pick(summary, { grp: 'Woman' });
      expect(women).toMatchObject({ slice: 'all', n: 10, events: 5, median: 2007, median_lower: 2007, median_upper: null, from_t: 1650, suppressed: false, logrank_df: 1 });
      expect(women.logrank_chi2).toBeCloseTo(0.0321428571428572, 9);
      expect(women.logrank_p).toBeCloseTo(0.8577144806607082, 9);
      // Men: 2007 (1 of 6), 2191 (1 of 4), 2372 (1 of 2): S = 5/6 * 3/4 * 1/2 = 0.3125.
      const men = pick(summary, { grp: 'Man' });
      expect(men).toMatchObject({ n: 12, events: 5, median: 2372, median_lower: 2007, median_upper: null, from_t: 1650 });
      expect(men.logrank_p).toBeCloseTo(0.8577144806607082, 9);
      for (const grp of ['Non-binary', 'Not recorded']) {
        expect(pick(summary, { grp })).toMatchObject({ n: null, events: null, median: null, suppressed: true, note: 'fewer than 3' });
      }
      expect(rows.some((r) => r.row_type === 'point' && (r.grp === 'Non-binary' || r.grp === 'Not recorded'))).toBe(false);

      // The women's curve starts at day 1650 with the 4 at risk then; the median's step at 2007
      // is drawn; at 2646 fewer than 3 remain.
      const curve = rows.filter((r) => r.row_type === 'point' && r.grp === 'Woman');
      expect(curve.map((r) => r.t)).toEqual([1650, 2007]);
      expect(curve.map((r) => r.at_risk)).toEqual([4, 4]);
      const at = (t: number) => curve.find((r) => r.t === t)!;
      expect(at(1650)).toMatchObject({ survival: 1, lower: 1, upper: 1 });
      expect(at(2007).survival).toBeCloseTo(0.5, 12);
      expect(at(2007).lower).toBeCloseTo(0.05784708299514455, 9);
      expect(at(2007).upper).toBeCloseTo(0.844861281190374, 9);
      // The SQL answer's curve, event by event, from the same day.
      const answer = (await survivalAnswer(ws, 'time_to_promotion', { period: '2025-Q2', k: 3 }, 1642))('all', 'Woman');
      expect(answer.entries).toEqual([[0, 1], [181, 1], [546, 1], [911, 1], [1125, 1], [1277, 2], [1642, 1], [2007, 1], [2372, 1]]);
      const km = (t: number) => answer.curve.find((p) => p.time === t)!;
      expect(answer.curve.map((p) => p.time)).toEqual([1855, 2007, 2372, 2646, 3102]);
      expect(km(2646).survival).toBeCloseTo(0.25, 12);
      expect(km(2646).lower).toBeCloseTo(0.008947824416603157, 9);
      expect(km(2646).upper).toBeCloseTo(0.6653253427888655, 9);
      // Men: from 1642, one promotion at 2007 and one at 2191 before fewer than 3 are at risk:
      // no step of 3 to draw, only the summary.
      expect(rows.filter((r) => r.row_type === 'point' && r.grp === 'Man')).toEqual([]);
      const menAnswer = (await survivalAnswer(ws, 'time_to_promotion', { period: '2025-Q2', k: 3 }, 1642))('all', 'Man');
      const m2191 = menAnswer.curve.find((p) => p.time === 2191)!;
      expect(m2191).toMatchObject({ atRisk: 4, events: 1, censored: 1 });
      expect(m2191.survival).toBeCloseTo(0.625, 12);
      expect(m2191.lower).toBeCloseTo(0.141853389931655, 9);
      expect(m2191.upper).toBeCloseTo(0.8930506044985778, 9);
      // Counted from each spell's first day instead, the one woman hired within the window
      // (promoted on day 302 while only she and W9 were followed) would halve the curve at once.
      expect((await survivalAnswer(ws, 'time_to_promotion', { period: '2025-Q2', k: 3 }))('all', 'Woman').median).toBe(302);
    });
  });

  it('with k = 5: no estimate for a group that never has 5 at risk at once, and it does not move the start', async () => {
    await withTempWorkspace(async (ws) => {
      await loadProgression(ws);
      const { rows } = await run(ws, 'time_to_promotion', { period: '2025-Q2', k: 5 });
      expect(pick(rows, { row_type: 'summary', grp: 'Non-binary' })).toMatchObject({ suppressed: true, note: 'fewer than 5', median: null });
      // At most 4 women are followed at once.
      expect(pick(rows, { row_type: 'summary', grp: 'Woman' })).toMatchObject({ n: 10, events: 5, median: null, from_t: null, suppressed: false, note: 'never 5 or more followed at once', logrank_p: null });
      // Men from 1650, where 5 are at risk: the median 2372 as with k = 3, no log-rank test
      // (one group with an estimate), and no curve (fewer than 5 at risk from 2191, after 2 promotions).
      expect(pick(rows, { row_type: 'summary', grp: 'Man' })).toMatchObject({ n: 12, events: 5, median: 2372, from_t: 1650, suppressed: false, logrank_p: null });
      expect(rows.filter((r) => r.row_type === 'point')).toEqual([]);
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
      // Women's L1 spells have 3 at risk at once first on day 1277 (W1, W2, W3): from then, W3
      // promoted at 1460 (S = 2/3), W1 and W2 at 2007 (S = 0): median 2007.
      const answer = await survivalAnswer(ws, 'time_to_promotion', params, 1277);
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
