import { describe, it, expect } from 'vitest';
import { withTempWorkspace } from '../../helpers/tempWorkspace';
import { loadMentoring, runRows, pick } from './fixture';

/**
 * Median level of the 19 people employed on 06-30 is 2 (five at 1, five at 2, nine at 3), so
 * eligible to mentor: women W3..W8 (6), men M1..M5 and M8 (6), N2 and U1 (1 each).
 * Mentored in 2025-Q2:
 *   match mentors (active): M1 (X1), M2 (X2), M3 (X3), W5 (X4), W6 (X5), W7 (X6), M5 (X8);
 *     M4's match X7 ended in March, but M4 hosts the informal S15 and S16;
 *   hosts: W1 (peer; level 1, not eligible), M4 (informal);
 *   enrollments: M8 mentor in P1, active -> counts; W3 mentor, withdrawn -> no; W8 mentor in
 *     P3, active but P3 ended in 2024 -> no.
 * all: women W5 W6 W7 = 3/6, men M1 M2 M3 M4 M5 M8 = 6/6 (reference: equal sizes, 'Man' first).
 * formal: women 3/6, men M1 M2 M3 M5 M8 = 5/6 (1 without: hidden); peer: 0/6 and 0/6;
 * informal: women 0/6, men M4 = 1/6 (hidden).
 */
describe('mentor_participation', () => {
  it('matches the hand-computed rates with k = 3', async () => {
    await withTempWorkspace(async (ws) => {
      await loadMentoring(ws);
      const { rows } = await runRows(ws, 'mentor_participation', { k: 3 });
      const women = pick(rows, 'all', 'Woman');
      expect(women).toMatchObject({ numerator: 3, denominator: 6, suppressed: false, reference_group: 'Man', test: 'fisher', below_four_fifths: true });
      expect(women.impact_ratio).toBeCloseTo(0.5, 12);
      expect(women.p_value).toBeCloseTo(0.1818181818181818, 9); // scipy.stats.fisher_exact([[3,3],[6,0]])
      expect(pick(rows, 'all', 'Man')).toMatchObject({ numerator: 6, denominator: 6, is_reference: true });
      expect(pick(rows, 'all', 'Non-binary')).toMatchObject({ numerator: null, suppressed: true, note: 'fewer than 3' });
      expect(pick(rows, 'all', 'Not recorded')).toMatchObject({ numerator: null, suppressed: true });

      expect(pick(rows, 'formal', 'Woman')).toMatchObject({ numerator: 3, denominator: 6, suppressed: false });
      expect(pick(rows, 'formal', 'Man')).toMatchObject({ numerator: null, suppressed: true });
      expect(pick(rows, 'peer', 'Woman')).toMatchObject({ numerator: 0, denominator: 6 });
      expect(pick(rows, 'peer', 'Man')).toMatchObject({ numerator: 0, denominator: 6 });
      expect(pick(rows, 'informal', 'Woman')).toMatchObject({ numerator: 0, denominator: 6 });
      expect(pick(rows, 'informal', 'Man')).toMatchObject({ numerator: null, suppressed: true });
    });
  });

  it('takes the lowest mentor level from the user', async () => {
    await withTempWorkspace(async (ws) => {
      await loadMentoring(ws);
      // Level 3 and up: women W5..W8 (mentors W5 W6 W7: 3 of 4, one without -> hidden),
      // men M1..M5 (all mentor: 5 of 5), hidden as the complement of the women's cell.
      const { rows } = await runRows(ws, 'mentor_participation', { k: 3, mentorLevelMin: 3 });
      expect(rows.filter((r) => r.slice === 'all').map((r) => r.grp)).toEqual(['Man', 'Woman']);
      expect(pick(rows, 'all', 'Woman')).toMatchObject({ suppressed: true, numerator: null });
      expect(pick(rows, 'all', 'Man')).toMatchObject({ suppressed: true, numerator: null });
    });
  });

  it('with k = 5 hides the 3 women mentors', async () => {
    await withTempWorkspace(async (ws) => {
      await loadMentoring(ws);
      const { rows } = await runRows(ws, 'mentor_participation');
      expect(pick(rows, 'all', 'Woman')).toMatchObject({ numerator: null, denominator: null, suppressed: true, note: 'fewer than 5' });
    });
  });

  it('says it needs sessions data', async () => {
    await withTempWorkspace(async (ws) => {
      await loadMentoring(ws, ['people', 'programs', 'matches']);
      await expect(runRows(ws, 'mentor_participation')).rejects.toMatchObject({ code: 'NEEDS_DATA', message: expect.stringContaining('needs sessions data') });
    });
  });
});
