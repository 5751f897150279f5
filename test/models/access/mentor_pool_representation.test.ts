import { describe, it, expect } from 'vitest';
import { withTempWorkspace } from '../../helpers/tempWorkspace';
import { loadAccess, runRows } from './fixture';

/**
 * Mentored in 2025-Q2 (employed on 06-30, any level): mentors of active matches M7 M8 M9 M10
 * W8 W9 W10 U1; hosts W7 (informal coaching) and N1 (peer circle); M6 (live mentor enrollment).
 * Women 4, men 5, N1, U1: 11 mentors. Eligible to mentor (level 2 and up, the median): women 7,
 * men 8, N1, U1: 17.
 *   Woman: 4/11 among mentors vs 7/17 among eligible -> index (4/11) / (7/17) = 68/77.
 *   Man:   5/11 vs 8/17 -> 85/88.
 * N1 and U1 (1 eligible each) are hidden.
 */
describe('mentor_pool_representation', () => {
  it('matches the hand-computed shares with k = 3', async () => {
    await withTempWorkspace(async (ws) => {
      await loadAccess(ws);
      const { rows } = await runRows(ws, 'mentor_pool_representation', { k: 3 });
      expect(rows.map((r) => r.grp)).toEqual(['Man', 'Non-binary', 'Not recorded', 'Woman']);
      const [men, nb, nr, women] = rows;
      expect(women).toMatchObject({ mentors: 4, eligible: 7, suppressed: false });
      expect(women.share_mentors).toBeCloseTo(4 / 11, 12);
      expect(women.share_eligible).toBeCloseTo(7 / 17, 12);
      expect(women.representation_index).toBeCloseTo(68 / 77, 12);
      expect(men).toMatchObject({ mentors: 5, eligible: 8, suppressed: false });
      expect(men.representation_index).toBeCloseTo(85 / 88, 12);
      for (const r of [nb, nr]) expect(r).toMatchObject({ mentors: null, eligible: null, share_mentors: null, suppressed: true, note: 'fewer than 3' });
    });
  });

  it('with k = 5 hides the 4 women mentors', async () => {
    await withTempWorkspace(async (ws) => {
      await loadAccess(ws);
      const { rows } = await runRows(ws, 'mentor_pool_representation');
      expect(rows.find((r) => r.grp === 'Woman')).toMatchObject({ mentors: null, share_mentors: null, representation_index: null, suppressed: true, note: 'fewer than 5' });
      expect(rows.find((r) => r.grp === 'Man')).toMatchObject({ mentors: 5, eligible: 8, suppressed: false });
    });
  });

  it('says it needs sessions data', async () => {
    await withTempWorkspace(async (ws) => {
      await loadAccess(ws, ['people', 'programs', 'matches']);
      await expect(runRows(ws, 'mentor_pool_representation')).rejects.toMatchObject({ code: 'NEEDS_DATA', message: expect.stringContaining('needs sessions data') });
    });
  });
});
