import { describe, it, expect } from 'vitest';
import { withTempWorkspace } from '../../helpers/tempWorkspace';
import { loadMentoring, runRows } from './fixture';
import { execute } from '../../../src/models/runModel';
import { getModel } from '../../../src/models/registry';
import { ModelParamsSchema } from '../../../src/api/contract';
import { periodFromLabel } from '../../../src/models/period';

/**
 * Matches active in 2025-Q2, by mentee (see fixture.ts); conversations in the period, minutes,
 * gaps between consecutive conversations that end in the period, dormant (open at 06-30, made
 * on or before 05-02, no conversation in [05-02, 07-01)):
 *   X1 ->W1: S1 04-05 30', S2 04-20 45', S3 04-30 60'  3 conv, 135', gaps 15 10, dormant
 *   X2 ->W2: (S4 03-20) S5 04-10 40'                   1 conv, 40', gap 21 (from March), dormant
 *   X3 ->W3: (S6 03-05)                                0 conv, dormant
 *   X8 ->W4 (P4): S12 06-10 90'                        1 conv, 90', matched 05-20: too new to be dormant
 *   X4 ->M6: S7 04-20 50', S8 05-15 50'                2 conv, 100', gap 25
 *   X5 ->M7: S9 04-02 20', S10 05-25 40'               2 conv, 60', gap 53
 *   X6 ->M8: S11 06-01 (no duration)                   1 conv, 0'
 * all / Woman: 4 matches, 5 conv -> 1.25, 265' -> 66.25, gaps 10 15 21 -> 15, dormant 3.
 * all / Man: 3 matches, 5 conv -> 5/3, 160' -> 53.33, gaps 25 53 -> 39, dormant 0.
 * Formal Mentoring / Woman: X1 X2 X3: 4 conv -> 4/3, 175' -> 58.33, median 15, dormant 3.
 * Leadership Sponsorship / Woman: one mentee -> hidden, and with it every row (see below).
 */
describe('engagement', () => {
  it('matches the hand-computed figures with k = 3', async () => {
    await withTempWorkspace(async (ws) => {
      await loadMentoring(ws);
      // The figures as the SQL aggregates them, before disclosure control.
      const raw = await execute(ws, getModel('engagement'), ModelParamsSchema.parse({ period: '2025-Q2', k: 3 }), periodFromLabel('2025-Q2'));
      expect(raw.map((r) => [r.slice, r.grp])).toEqual([
        ['all', 'Man'], ['all', 'Woman'], ['Formal Mentoring', 'Man'], ['Formal Mentoring', 'Woman'], ['Leadership Sponsorship', 'Woman'],
      ]);
      const n = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]));
      const [allM, allW, formalM, formalW, sponsorW] = raw.map(n);
      expect(allW).toMatchObject({ mentees: 4, matches: 4, conversations_per_match: 1.25, minutes_per_match: 66.25, median_days_between: 15, dormant_matches: 3 });
      expect(allM).toMatchObject({ mentees: 3, matches: 3, median_days_between: 39, dormant_matches: 0 });
      expect(allM.conversations_per_match).toBeCloseTo(5 / 3, 12);
      expect(allM.minutes_per_match).toBeCloseTo(160 / 3, 12);
      expect(formalW).toMatchObject({ mentees: 3, matches: 3, median_days_between: 15, dormant_matches: 3 });
      expect(formalW.conversations_per_match).toBeCloseTo(4 / 3, 12);
      expect(formalW.minutes_per_match).toBeCloseTo(175 / 3, 12);
      expect(formalM).toMatchObject({ mentees: 3, matches: 3, dormant_matches: 0 });
      expect(sponsorW).toMatchObject({ mentees: 1, matches: 1 });

      // Shown, nothing survives: Leadership Sponsorship / Woman (one mentee) is hidden, and the
      // women's programs add up to all / Woman, so Formal Mentoring / Woman goes with it (the
      // total slice is the complement last); Formal Mentoring then holds one hidden row and takes
      // the men's; the men have no other program, so all / Man equals Formal Mentoring / Man and
      // goes too, and all / Woman last, as the only other row of 'all'. (Before, all / Woman 4
      // minus Formal Mentoring / Woman 3 gave away the one sponsored woman.)
      const { rows } = await runRows(ws, 'engagement', { k: 3 });
      expect(rows).toHaveLength(5);
      expect(rows.every((r) => r.suppressed && r.mentees === null && r.matches === null && r.conversations_per_match === null && r.note === 'fewer than 3')).toBe(true);
    });
  });

  it('shows the figures where the slices give nothing away: Formal Mentoring alone, with k = 3', async () => {
    await withTempWorkspace(async (ws) => {
      await loadMentoring(ws);
      // P1 only: 'all' is Formal Mentoring, X1-X3 for the women, X4-X6 for the men.
      const { rows } = await runRows(ws, 'engagement', { k: 3, programId: 'P1' });
      expect(rows.map((r) => [r.slice, r.grp, r.suppressed])).toEqual([
        ['all', 'Man', false], ['all', 'Woman', false], ['Formal Mentoring', 'Man', false], ['Formal Mentoring', 'Woman', false],
      ]);
      for (const slice of ['all', 'Formal Mentoring']) {
        const w = rows.find((r) => r.slice === slice && r.grp === 'Woman')!;
        expect(w).toMatchObject({ mentees: 3, matches: 3, median_days_between: 15, dormant_matches: 3 });
        expect(w.conversations_per_match).toBeCloseTo(4 / 3, 12);
        expect(w.minutes_per_match).toBeCloseTo(175 / 3, 12);
        // X4 (2 conv, 100'), X5 (2, 60'), X6 (1, 0'); gaps 25 and 53.
        const m = rows.find((r) => r.slice === slice && r.grp === 'Man')!;
        expect(m).toMatchObject({ mentees: 3, matches: 3, median_days_between: 39, dormant_matches: 0 });
        expect(m.conversations_per_match).toBeCloseTo(5 / 3, 12);
        expect(m.minutes_per_match).toBeCloseTo(160 / 3, 12);
      }
    });
  });

  it('with k = 5 hides every row (at most 4 mentees)', async () => {
    await withTempWorkspace(async (ws) => {
      await loadMentoring(ws);
      const { rows } = await runRows(ws, 'engagement');
      expect(rows.every((r) => r.suppressed === true && r.mentees === null && r.dormant_matches === null && r.note === 'fewer than 5')).toBe(true);
    });
  });

  it('says it needs matches data', async () => {
    await withTempWorkspace(async (ws) => {
      await loadMentoring(ws, ['people', 'sessions']);
      await expect(runRows(ws, 'engagement')).rejects.toMatchObject({ code: 'NEEDS_DATA', message: expect.stringContaining('needs matches data') });
    });
  });
});
