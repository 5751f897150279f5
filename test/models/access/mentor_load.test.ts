import { describe, it, expect } from 'vitest';
import { withTempWorkspace } from '../../helpers/tempWorkspace';
import { loadAccess, runRows } from './fixture';

/**
 * Load per mentor in 2025-Q2 (mentees of active matches + informal coachees; hours of the
 * conversations they led or that belong to their matches):
 *   women: W7 coaches W1 W2 (S28..S30, 3 x 30') -> 2 mentees, 1.5 h; W8 -> W5, 3 h;
 *     W9 -> W6, 1.5 h; W10 -> W7, 0 h.
 *     mentees [2,1,1,1]: mean 1.25, median 1, Gini sum (2i-n-1)x / (n sum) = 3 / 20 = 0.15;
 *     hours [1.5,3,1.5,0]: mean 1.5, median 1.5, Gini 9 / 24 = 0.375.
 *   men: M6 (mentor enrollment only) 0, 0 h; M7 -> W1 M1, 6 h; M8 -> W2 M2, 2.5 h;
 *     M9 -> W3 M3 L1, 3.25 h; M10 -> W4 (his match with M4 ended in March), 4 h.
 *     mentees [0,2,2,3,1]: mean 1.6, median 2, Gini 14 / 40 = 0.35;
 *     hours [0,6,2.5,3.25,4]: mean 3.15, median 3.25, Gini 27 / 78.75.
 *   U1 (-> W4, 0.5 h) and N1 (peer circle host, 1 h, no mentee): one mentor each, hidden.
 */
describe('mentor_load', () => {
  it('matches the hand-computed load and Gini with k = 3', async () => {
    await withTempWorkspace(async (ws) => {
      await loadAccess(ws);
      const { rows } = await runRows(ws, 'mentor_load', { k: 3 });
      expect(rows.map((r) => r.grp)).toEqual(['Man', 'Non-binary', 'Not recorded', 'Woman']);
      const [men, nb, nr, women] = rows;
      expect(women).toMatchObject({ mentors: 4, mentees_mean: 1.25, mentees_median: 1, hours_mean: 1.5, hours_median: 1.5, suppressed: false });
      expect(women.gini_mentees).toBeCloseTo(0.15, 12);
      expect(women.gini_hours).toBeCloseTo(0.375, 12);
      expect(men).toMatchObject({ mentors: 5, mentees_median: 2, hours_median: 3.25, suppressed: false });
      expect(men.mentees_mean).toBeCloseTo(1.6, 12);
      expect(men.hours_mean).toBeCloseTo(3.15, 12);
      expect(men.gini_mentees).toBeCloseTo(0.35, 12);
      expect(men.gini_hours).toBeCloseTo(27 / 78.75, 12);
      for (const r of [nb, nr]) expect(r).toMatchObject({ mentors: null, mentees_mean: null, gini_hours: null, suppressed: true, note: 'fewer than 3' });
    });
  });

  it('with k = 5 hides the 4 women mentors', async () => {
    await withTempWorkspace(async (ws) => {
      await loadAccess(ws);
      const { rows } = await runRows(ws, 'mentor_load');
      expect(rows.find((r) => r.grp === 'Woman')).toMatchObject({ mentors: null, gini_mentees: null, suppressed: true, note: 'fewer than 5' });
      expect(rows.find((r) => r.grp === 'Man')).toMatchObject({ mentors: 5, suppressed: false });
    });
  });

  it('says it needs sessions data', async () => {
    await withTempWorkspace(async (ws) => {
      await loadAccess(ws, ['people', 'programs', 'matches']);
      await expect(runRows(ws, 'mentor_load')).rejects.toMatchObject({ code: 'NEEDS_DATA', message: expect.stringContaining('needs sessions data') });
    });
  });
});
