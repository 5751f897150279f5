import { describe, it, expect } from 'vitest';
import { withTempWorkspace } from '../../helpers/tempWorkspace';
import { loadMentoring, runRows, pick } from './fixture';

/**
 * Mentees of matches active in 2025-Q2: women W1 W2 W3 W4 (X8; her X7 ended in March), men
 * M6 M7 M8. Goals set on or before 06-30:
 *   W1 on_track; W2 at_risk + on_track; W3 completed + abandoned; W4 on_track (06-15);
 *   M6 at_risk; M7 not_started; M8 abandoned (his completed goal G10 was set on 07-10: too late);
 *   W8's completed goal does not count: she is not a mentee.
 * goal set: women 4/4, men 3/3. completed or on track: women 4/4, men 0/3
 * (Fisher p = scipy.stats.fisher_exact([[0,3],[4,0]]) = 0.028571428571428567).
 */
describe('goal_progress', () => {
  it('matches the hand-computed rates with k = 3', async () => {
    await withTempWorkspace(async (ws) => {
      await loadMentoring(ws);
      const { rows } = await runRows(ws, 'goal_progress', { k: 3 });
      expect(rows.map((r) => [r.slice, r.grp])).toEqual([
        ['goal set', 'Man'], ['goal set', 'Woman'], ['completed or on track', 'Man'], ['completed or on track', 'Woman'],
      ]);
      expect(pick(rows, 'goal set', 'Woman')).toMatchObject({ numerator: 4, denominator: 4, rate: 1, is_reference: true });
      expect(pick(rows, 'goal set', 'Man')).toMatchObject({ numerator: 3, denominator: 3, rate: 1, impact_ratio: 1 });
      expect(pick(rows, 'completed or on track', 'Woman')).toMatchObject({ numerator: 4, denominator: 4, is_reference: true });
      const men = pick(rows, 'completed or on track', 'Man');
      expect(men).toMatchObject({ numerator: 0, denominator: 3, rate: 0, impact_ratio: 0, test: 'fisher', suppressed: false });
      expect(men.p_value).toBeCloseTo(0.028571428571428567, 9);
    });
  });

  it('with k = 5 hides both groups', async () => {
    await withTempWorkspace(async (ws) => {
      await loadMentoring(ws);
      const { rows } = await runRows(ws, 'goal_progress');
      expect(rows.every((r) => r.suppressed === true && r.numerator === null && r.note === 'fewer than 5')).toBe(true);
    });
  });

  it('says it needs goals data', async () => {
    await withTempWorkspace(async (ws) => {
      await loadMentoring(ws, ['people', 'programs', 'matches']);
      await expect(runRows(ws, 'goal_progress')).rejects.toMatchObject({ code: 'NEEDS_DATA', message: expect.stringContaining('needs goals data') });
    });
  });
});
