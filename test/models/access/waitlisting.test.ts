import { describe, it, expect } from 'vitest';
import { withTempWorkspace } from '../../helpers/tempWorkspace';
import { loadAccess, runRows, pick } from './fixture';

/**
 * The applicants of application_to_match; waitlisted = still waiting at 06-30 (not matched
 * by then in the program applied to, not withdrawn):
 *   women W6 (status waitlisted), W8 (applied), W9 (status 'matched' today, but her match is
 *   dated 07-05: waiting at the period's end) -> 3 of 7; W7 withdrew.
 *   men M4 (waitlisted), M5 (applied; match requested, not made), M6 (waitlisted) -> 3 of 6.
 * Adverse outcome: the impact ratio is reference rate / group rate = (3/7) / (3/6).
 */
describe('waitlisting', () => {
  it('matches the hand-computed rates with k = 3', async () => {
    await withTempWorkspace(async (ws) => {
      await loadAccess(ws);
      const { rows } = await runRows(ws, 'waitlisting', { k: 3 });
      expect(pick(rows, 'all', 'Woman')).toMatchObject({ numerator: 3, denominator: 7, is_reference: true, suppressed: false });
      const men = pick(rows, 'all', 'Man');
      expect(men).toMatchObject({ numerator: 3, denominator: 6, reference_group: 'Woman', suppressed: false });
      expect(men.impact_ratio).toBeCloseTo((3 / 7) / 0.5, 12);
      // Career Mentoring: 1 of 4 women and 2 of 5 men waiting; Sponsorship: 2 of 3 and 1 of 1.
      expect(rows.filter((r) => r.slice !== 'all').every((r) => r.suppressed)).toBe(true);
    });
  });

  it('with k = 5 hides the small cells', async () => {
    await withTempWorkspace(async (ws) => {
      await loadAccess(ws);
      const { rows } = await runRows(ws, 'waitlisting');
      expect(pick(rows, 'all', 'Man')).toMatchObject({ numerator: null, denominator: null, suppressed: true, note: 'fewer than 5' });
    });
  });

  it('says it needs matches data', async () => {
    await withTempWorkspace(async (ws) => {
      await loadAccess(ws, ['people', 'programs', 'enrollments']);
      await expect(runRows(ws, 'waitlisting')).rejects.toMatchObject({ code: 'NEEDS_DATA', message: expect.stringContaining('needs matches data') });
    });
  });
});
