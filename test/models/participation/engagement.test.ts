import { describe, it, expect } from 'vitest';
import { withTempWorkspace } from '../../helpers/tempWorkspace';
import { loadMentoring, runRows } from './fixture';

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
 * Leadership Sponsorship / Woman: one mentee -> hidden.
 */
describe('engagement', () => {
  it('matches the hand-computed figures with k = 3', async () => {
    await withTempWorkspace(async (ws) => {
      await loadMentoring(ws);
      const { rows } = await runRows(ws, 'engagement', { k: 3 });
      expect(rows.map((r) => [r.slice, r.grp])).toEqual([
        ['all', 'Man'], ['all', 'Woman'], ['Formal Mentoring', 'Man'], ['Formal Mentoring', 'Woman'], ['Leadership Sponsorship', 'Woman'],
      ]);
      const [allM, allW, formalM, formalW, sponsorW] = rows;
      expect(allW).toMatchObject({ mentees: 4, matches: 4, conversations_per_match: 1.25, minutes_per_match: 66.25, median_days_between: 15, dormant_matches: 3, suppressed: false });
      expect(allM).toMatchObject({ mentees: 3, matches: 3, median_days_between: 39, dormant_matches: 0, suppressed: false });
      expect(allM.conversations_per_match).toBeCloseTo(5 / 3, 12);
      expect(allM.minutes_per_match).toBeCloseTo(160 / 3, 12);
      expect(formalW).toMatchObject({ mentees: 3, matches: 3, median_days_between: 15, dormant_matches: 3 });
      expect(formalW.conversations_per_match).toBeCloseTo(4 / 3, 12);
      expect(formalW.minutes_per_match).toBeCloseTo(175 / 3, 12);
      expect(formalM).toMatchObject({ mentees: 3, matches: 3, dormant_matches: 0 });
      expect(sponsorW).toMatchObject({ mentees: null, matches: null, conversations_per_match: null, suppressed: true, note: 'fewer than 3' });
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
