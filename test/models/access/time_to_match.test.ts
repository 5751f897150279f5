import { describe, it, expect } from 'vitest';
import { withTempWorkspace } from '../../helpers/tempWorkspace';
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
 *     .4375 -> median 40. The curve stops where fewer than k = 3 remain at risk (t = 60).
 *   men: M1 04-01 -> 04-05 = 4, M2 04-05 -> 04-15 = 10, M3 04-20 -> 04-25 = 5,
 *     M4 2024-08-01 -> 2024-09-01 = 31 (his first request; the 2025 one is not seen),
 *     M5 since 05-01 = 60 and M6 since 06-10 = 20 (censored). S(4) = 5/6, S(5) = 2/3,
 *     S(10) = 1/2 -> median 10.
 *   Log-rank (scipy.stats.logrank): chi2 = 0.5525369221436872, p = 0.4572829579674269.
 * Career Mentoring: women W1..W5, W8, W10 (n 7, median 28), men M1..M5 (n 5, median 10).
 * Sponsorship Program: women W6 W7 W9, man M6 (hidden; the women are its complement).
 */
describe('time_to_match', () => {
  it('matches the hand-computed Kaplan-Meier curves with k = 3', async () => {
    await withTempWorkspace(async (ws) => {
      await loadAccess(ws);
      const { rows } = await runRows(ws, 'time_to_match', { k: 3 });
      const summary = (slice: string, grp: string) => rows.find((r) => r.slice === slice && r.grp === grp && r.row_type === 'summary')!;
      const points = (slice: string, grp: string) => rows.filter((r) => r.slice === slice && r.grp === grp && r.row_type === 'point');

      const women = summary('all', 'Woman');
      expect(women).toMatchObject({ n: 10, events: 5, median: 40, suppressed: false, logrank_df: 1 });
      expect(women.logrank_chi2).toBeCloseTo(0.5525369221436872, 9);
      expect(women.logrank_p).toBeCloseTo(0.4572829579674269, 9);
      const wp = points('all', 'Woman');
      expect(wp.map((p) => p.t)).toEqual([3, 5, 9, 10, 28, 29, 40, 51]);
      expect(wp.map((p) => p.at_risk)).toEqual([10, 9, 8, 7, 6, 5, 4, 3]);
      const ws_ = [0.9, 0.8, 0.7, 0.7, 0.7 * 5 / 6, 0.7 * 5 / 6, 0.4375, 0.4375];
      wp.forEach((p, i) => expect(p.survival).toBeCloseTo(ws_[i], 12));

      expect(summary('all', 'Man')).toMatchObject({ n: 6, events: 4, median: 10 });
      const mp = points('all', 'Man');
      expect(mp.map((p) => p.t)).toEqual([4, 5, 10, 20]);
      expect(mp[2].survival).toBeCloseTo(0.5, 12);

      // The programs add up to 'all' for each group: all / Man (6, 4 events) beside Career
      // Mentoring / Man (5, 4 events) would give away M6 (one man, still waiting, and his curve),
      // so Career Mentoring / Man is hidden too (the total slice is the complement last), and
      // Career Mentoring / Woman with it, as the only other row of its slice.
      for (const grp of ['Woman', 'Man']) {
        expect(summary('Career Mentoring', grp)).toMatchObject({ n: null, events: null, median: null, suppressed: true, note: 'fewer than 3' });
        expect(points('Career Mentoring', grp)).toHaveLength(0);
      }
      for (const grp of ['Woman', 'Man']) {
        expect(summary('Sponsorship Program', grp)).toMatchObject({ n: null, median: null, suppressed: true, note: 'fewer than 3' });
        expect(points('Sponsorship Program', grp)).toHaveLength(0);
      }
    });
  });

  it('censors at the data end when it comes before the period end', async () => {
    await withTempWorkspace(async (ws) => {
      await loadAccess(ws);
      // 2025-Q3: the data ends on 07-05, where W9's match falls; everyone else waits on to 07-05.
      const { rows } = await runRows(ws, 'time_to_match', { k: 3, period: '2025-Q3' });
      const women = rows.find((r) => r.slice === 'all' && r.grp === 'Woman' && r.row_type === 'summary')!;
      expect(women).toMatchObject({ n: 10, events: 6 });
      const last = rows.filter((r) => r.slice === 'all' && r.grp === 'Woman' && r.row_type === 'point').map((p) => p.t);
      expect(last).toContain(15); // W9: 06-20 -> 07-05
    });
  });

  it('with k = 5 hides the small program groups and cuts the curves at 5 at risk', async () => {
    await withTempWorkspace(async (ws) => {
      await loadAccess(ws);
      const { rows } = await runRows(ws, 'time_to_match');
      const sponsorWomen = rows.find((r) => r.slice === 'Sponsorship Program' && r.grp === 'Woman')!;
      expect(sponsorWomen).toMatchObject({ n: null, events: null, suppressed: true, note: 'fewer than 5' });
      const men = rows.filter((r) => r.slice === 'all' && r.grp === 'Man' && r.row_type === 'point');
      expect(men.map((p) => p.t)).toEqual([4, 5]);
      // Both groups have two hidden rows (Sponsorship and Career Mentoring), so 'all' minus the
      // shown programs gives nothing away; Career Mentoring holds both its groups hidden.
      for (const grp of ['Woman', 'Man']) {
        expect(rows.find((r) => r.slice === 'Career Mentoring' && r.grp === grp && r.row_type === 'summary')).toMatchObject({ suppressed: true });
        expect(rows.find((r) => r.slice === 'all' && r.grp === grp && r.row_type === 'summary')).toMatchObject({ suppressed: false });
      }
    });
  });

  it('says it needs matches data', async () => {
    await withTempWorkspace(async (ws) => {
      await loadAccess(ws, ['people', 'programs', 'enrollments']);
      await expect(runRows(ws, 'time_to_match')).rejects.toMatchObject({ code: 'NEEDS_DATA', message: expect.stringContaining('needs matches data') });
    });
  });
});
