import { describe, it, expect } from 'vitest';
import { withTempWorkspace } from '../../helpers/tempWorkspace';
import { loadAccess, runRows, pick } from './fixture';

/**
 * Mentees of matches active in 2025-Q2, mentee level vs mentor level:
 *   W1 1 vs M7 4, W2 1 vs M8 4, W3 1 vs M9 5, W4 2 vs M10 5 (and U1 3: one is enough) -> yes;
 *   W5 2 vs W8 3, W6 2 vs W9 3, W7 3 vs W10 4 -> no. Women 4 of 7.
 *   M1 1 vs M7 4, M2 1 vs M8 4, M3 2 vs M9 5 -> men 3 of 3. L1 (left) is not counted.
 * All matches are in Career Mentoring, so that slice repeats 'all'.
 * Fisher p = scipy.stats.fisher_exact([[3,0],[4,3]]) = 0.475.
 */
describe('sponsorship_access', () => {
  it('matches the hand-computed rates with k = 3', async () => {
    await withTempWorkspace(async (ws) => {
      await loadAccess(ws);
      const { rows } = await runRows(ws, 'sponsorship_access', { k: 3 });
      expect(rows).toHaveLength(4);
      const women = pick(rows, 'all', 'Woman');
      expect(women).toMatchObject({ numerator: 4, denominator: 7, is_reference: true });
      expect(women.ci_lower).toBeCloseTo(0.2504583645276572, 9);
      expect(women.ci_upper).toBeCloseTo(0.8417801447485302, 9);
      const men = pick(rows, 'all', 'Man');
      expect(men).toMatchObject({ numerator: 3, denominator: 3, rate: 1, test: 'fisher' });
      expect(men.impact_ratio).toBeCloseTo(1.75, 12);
      expect(men.p_value).toBeCloseTo(0.475, 9);
      expect(pick(rows, 'Career Mentoring', 'Woman')).toMatchObject({ numerator: 4, denominator: 7 });
    });
  });

  it('with k = 5 hides both groups', async () => {
    await withTempWorkspace(async (ws) => {
      await loadAccess(ws);
      const { rows } = await runRows(ws, 'sponsorship_access');
      expect(pick(rows, 'all', 'Woman')).toMatchObject({ numerator: null, suppressed: true, note: 'fewer than 5' });
      expect(pick(rows, 'all', 'Man')).toMatchObject({ numerator: null, suppressed: true, note: 'fewer than 5' });
    });
  });

  it('says it needs matches data', async () => {
    await withTempWorkspace(async (ws) => {
      await loadAccess(ws, ['people']);
      await expect(runRows(ws, 'sponsorship_access')).rejects.toMatchObject({ code: 'NEEDS_DATA', message: expect.stringContaining('needs matches data') });
    });
  });
});
