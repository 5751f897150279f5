import { describe, it, expect } from 'vitest';
import { withTempWorkspace } from '../../helpers/tempWorkspace';
import { loadAccess, runRows, pick } from './fixture';

/**
 * Eligible: 13 women, 10 men, N1, U1 employed on 06-30; every stage divides by these.
 * 2 applied (application dated in Q2, or mentee of an active match): women W1..W9 (W4 W5 W7
 *   only through their matches) = 9; men M1..M6 = 6.
 * 3 matched (mentee of a match active in Q2): women W1..W7 = 7; men M1 M2 M3 = 3 (M4's match
 *   ended in March).
 * 4 active (3+ conversations of their matches in Q2): W1 (3), W2 (3), W4 (4 + 1), W5 (3) = 4
 *   (W3 1, W6 1, W7 0); men M1 (3), M2 (3), M3 (3) = 3.
 * 5 completed (active, and a match ended in Q2 completed): W1 (A1 'Completed'), W4 (A4),
 *   W5 (A6 'ended', but her enrollment says completed) = 3; W2's A2 ended 'withdrawn'. Men 0.
 */
describe('access_funnel', () => {
  it('matches the hand-computed stages with k = 3', async () => {
    await withTempWorkspace(async (ws) => {
      await loadAccess(ws);
      const { rows } = await runRows(ws, 'access_funnel', { k: 3 });
      expect([...new Set(rows.map((r) => r.slice))]).toEqual(['1 eligible', '2 applied', '3 matched', '4 active', '5 completed']);
      const expected: [string, number, number][] = [
        ['1 eligible', 13, 10], ['2 applied', 9, 6], ['3 matched', 7, 3], ['4 active', 4, 3], ['5 completed', 3, 0],
      ];
      for (const [slice, w, m] of expected) {
        expect(pick(rows, slice, 'Woman')).toMatchObject({ numerator: w, denominator: 13, is_reference: true, suppressed: false });
        expect(pick(rows, slice, 'Man')).toMatchObject({ numerator: m, denominator: 10, suppressed: false });
        expect(pick(rows, slice, 'Non-binary')).toMatchObject({ numerator: null, suppressed: true });
        expect(pick(rows, slice, 'Not recorded')).toMatchObject({ numerator: null, suppressed: true });
      }
      const matched = pick(rows, '3 matched', 'Man');
      expect(matched.impact_ratio).toBeCloseTo(0.3 / (7 / 13), 12);
      expect(matched.below_four_fifths).toBe(true);
      const completed = pick(rows, '5 completed', 'Man');
      expect(completed).toMatchObject({ rate: 0, impact_ratio: 0, test: 'fisher' });
      expect(completed.p_value).toBeCloseTo(0.22924901185770755, 9); // scipy fisher_exact([[0,10],[3,10]])
      expect(pick(rows, '2 applied', 'Woman').ci_lower).toBeCloseTo(0.42369343180549035, 9);
    });
  });

  it('with k = 5 hides the 3 women who completed', async () => {
    await withTempWorkspace(async (ws) => {
      await loadAccess(ws);
      const { rows } = await runRows(ws, 'access_funnel');
      expect(pick(rows, '5 completed', 'Woman')).toMatchObject({ numerator: null, denominator: null, suppressed: true, note: 'fewer than 5' });
      // 7 of 13 matched (6 not) is not small for k = 5; 3 of 10 men is.
      expect(pick(rows, '3 matched', 'Woman')).toMatchObject({ numerator: 7, denominator: 13, suppressed: false });
      expect(pick(rows, '3 matched', 'Man')).toMatchObject({ numerator: null, suppressed: true, note: 'fewer than 5' });
    });
  });

  it('says it needs sessions data', async () => {
    await withTempWorkspace(async (ws) => {
      await loadAccess(ws, ['people', 'programs', 'enrollments', 'matches']);
      await expect(runRows(ws, 'access_funnel')).rejects.toMatchObject({ code: 'NEEDS_DATA', message: expect.stringContaining('needs sessions data') });
    });
  });
});
