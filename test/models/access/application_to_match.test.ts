import { describe, it, expect } from 'vitest';
import { withTempWorkspace } from '../../helpers/tempWorkspace';
import { loadAccess, runRows, pick } from './fixture';

/**
 * Mentee applications dated in 2025-Q2 by people employed on 06-30 (see fixture.ts):
 *   women W1 W2 W3 (matched in A on or after applying), W6 (B; her match A7 is in another
 *   program), W7 (withdrawn), W8 (pending), W9 (matched in B only on 07-05) -> 3 of 7;
 *   men M1 M2 M3 (matched), M4 (his match A13 predates the application), M5 (match requested,
 *   never made), M6 (B) -> 3 of 6. L1 applied and was matched, but left on 05-31.
 *   M6's own mentor enrollment is not an application; W5 and W10 applied before the period.
 * Per program: Career Mentoring women 3 of 4, men 3 of 5 (1 and 2 unmatched: small counts);
 * Sponsorship Program women 0 of 3, men 0 of 1 (small group, so the women's cell is its complement).
 */
describe('application_to_match', () => {
  it('matches the hand-computed rates with k = 3', async () => {
    await withTempWorkspace(async (ws) => {
      await loadAccess(ws);
      const { rows } = await runRows(ws, 'application_to_match', { k: 3 });
      expect(rows.map((r) => r.slice)).toEqual(['all', 'all', 'Career Mentoring', 'Career Mentoring', 'Sponsorship Program', 'Sponsorship Program']);
      const women = pick(rows, 'all', 'Woman');
      expect(women).toMatchObject({ numerator: 3, denominator: 7, is_reference: true, suppressed: false });
      expect(women.ci_lower).toBeCloseTo(0.15821985525146975, 9);
      expect(women.ci_upper).toBeCloseTo(0.7495416354723428, 9);
      const men = pick(rows, 'all', 'Man');
      expect(men).toMatchObject({ numerator: 3, denominator: 6, reference_group: 'Woman', test: 'fisher', p_value: 1, verdict: 'too few to tell' });
      expect(men.impact_ratio).toBeCloseTo(0.5 / (3 / 7), 12);
      expect(rows.filter((r) => r.slice !== 'all').every((r) => r.suppressed && r.numerator === null)).toBe(true);
    });
  });

  it('with k = 5 hides the 3-of-7 and 3-of-6 cells', async () => {
    await withTempWorkspace(async (ws) => {
      await loadAccess(ws);
      const { rows } = await runRows(ws, 'application_to_match');
      expect(pick(rows, 'all', 'Woman')).toMatchObject({ numerator: null, denominator: null, suppressed: true, note: 'fewer than 5' });
      expect(pick(rows, 'all', 'Man')).toMatchObject({ numerator: null, suppressed: true, note: 'fewer than 5' });
    });
  });

  it('says it needs enrollments data', async () => {
    await withTempWorkspace(async (ws) => {
      await loadAccess(ws, ['people', 'programs', 'matches']);
      await expect(runRows(ws, 'application_to_match')).rejects.toMatchObject({
        code: 'NEEDS_DATA', message: expect.stringContaining('needs enrollments data'),
      });
    });
  });
});
