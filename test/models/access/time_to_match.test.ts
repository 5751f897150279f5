import { describe, it, expect } from 'vitest';
import { withTempWorkspace } from '../../helpers/tempWorkspace';
import { survivalAnswer } from '../../helpers/survivalAnswer';
import { loadAccess, runRows } from './fixture';

/**
 * Cohort for 2025-Q2: every first request (match request date or mentee application, the
 * earliest) made on or before 06-30 by people employed that day; matched = first match on or
 * after it, up to 06-30 (the data end, 07-05, is later). Days, per person in 'all':
 *   women: W1 04-02 -> 04-05 = 3, W2 04-03 -> 04-12 = 9, W3 04-10 -> 04-15 = 5,
 *     W4 02-01 -> 03-01 = 28, W5 2024-12-01 -> 2025-01-10 = 40 (events);
 *     still waiting on 06-30: W6 since 05-01 = 60, W7 (withdrew) since 05-10 = 51, W8 since
 *     06-01 = 29, W9 since 06-20 = 10 (matched on 07-05), W10 since 03-15 = 107 (censored).
 *     Kaplan-Meier: S(3) = .9, S(5) = .8, S(9) = .7, S(28) = .7 x 5/6, S(40) = that x 3/4 =
 *     .4375 -> median 40.
 *   men: M1 04-01 -> 04-05 = 4, M2 04-05 -> 04-15 = 10, M3 04-20 -> 04-25 = 5,
 *     M4 2024-08-01 -> 2024-09-01 = 31 (his first request; the 2025 one is not seen),
 *     M5 since 05-01 = 60 and M6 since 06-10 = 20 (censored). S(4) = 5/6, S(5) = 2/3,
 *     S(10) = 1/2 -> median 10.
 *   Log-rank (scipy.stats.logrank): chi2 = 0.5525369221436872, p = 0.4572829579674269.
 * Career Mentoring: women W1..W5, W8, W10 (n 7, median 28), men M1..M5 (n 5, median 10).
 * Sponsorship Program: women W6 W7 W9, man M6 (hidden; the women are its complement).
 */
describe('time_to_match', () => {
  it('matches the hand-computed Kaplan-Meier curves, and hides them at k = 3 where a count is under k', async () => {
    await withTempWorkspace(async (ws) => {
      await loadAccess(ws);
      const answer = await survivalAnswer(ws, 'time_to_match', { period: '2025-Q2', k: 3 });
      const women = answer('all', 'Woman');
      expect(women).toMatchObject({ n: 10, events: 5, median: 40 });
      expect(women.times).toEqual([3, 5, 9, 10, 28, 29, 40, 51, 60, 107]);
      const ws_ = [0.9, 0.8, 0.7, 0.7, 0.7 * 5 / 6, 0.7 * 5 / 6, 0.4375, 0.4375, 0.4375, 0.4375];
      women.curve.forEach((p, i) => expect(p.survival).toBeCloseTo(ws_[i], 12));
      expect(women.curve.map((p) => p.atRisk)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
      const men = answer('all', 'Man');
      expect(men).toMatchObject({ n: 6, events: 4, median: 10 });
      expect(men.times).toEqual([4, 5, 10, 20, 31, 60]);
      expect(men.curve[2].survival).toBeCloseTo(0.5, 12);
      expect(answer('Career Mentoring', 'Woman')).toMatchObject({ n: 7, events: 5, median: 28 });
      expect(answer('Career Mentoring', 'Man')).toMatchObject({ n: 5, events: 4, median: 10 });
      expect(answer('Sponsorship Program', 'Woman')).toMatchObject({ n: 3, events: 0 });
      expect(answer('Sponsorship Program', 'Man')).toMatchObject({ n: 1, events: 0 });

      // Two of the six men still wait: fewer than 3, so the men are hidden, and the women with
      // them as the only other group of the slice; the programs are hidden as before (Sponsorship
      // has under 3 men and no match; Career Mentoring beside 'all' would give the men away).
      const { rows } = await runRows(ws, 'time_to_match', { k: 3 });
      for (const slice of ['all', 'Career Mentoring', 'Sponsorship Program']) {
        for (const grp of ['Woman', 'Man']) {
          expect(rows.find((r) => r.slice === slice && r.grp === grp && r.row_type === 'summary')).toMatchObject({ n: null, events: null, median: null, suppressed: true, note: 'fewer than 3' });
        }
      }
      expect(rows.filter((r) => r.row_type === 'point')).toEqual([]);
    });
  });

  it('censors at the data end when it comes before the period end', async () => {
    await withTempWorkspace(async (ws) => {
      await loadAccess(ws);
      // 2025-Q3: the data ends on 07-05, where W9's match falls; everyone else waits on to 07-05.
      const women = (await survivalAnswer(ws, 'time_to_match', { period: '2025-Q3', k: 3 }))('all', 'Woman');
      expect(women).toMatchObject({ n: 10, events: 6 });
      expect(women.times).toContain(15); // W9: 06-20 -> 07-05
    });
  });

  it('with k = 5 hides every group: four men matched, two still waiting', async () => {
    await withTempWorkspace(async (ws) => {
      await loadAccess(ws);
      const { rows } = await runRows(ws, 'time_to_match');
      for (const r of rows.filter((x) => x.row_type === 'summary')) expect(r).toMatchObject({ suppressed: true, note: 'fewer than 5', n: null });
      expect(rows.filter((r) => r.row_type === 'point')).toEqual([]);
    });
  });

  it('says it needs matches data', async () => {
    await withTempWorkspace(async (ws) => {
      await loadAccess(ws, ['people', 'programs', 'enrollments']);
      await expect(runRows(ws, 'time_to_match')).rejects.toMatchObject({ code: 'NEEDS_DATA', message: expect.stringContaining('needs matches data') });
    });
  });
});
