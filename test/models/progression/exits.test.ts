import { describe, it, expect } from 'vitest';
import { withTempWorkspace } from '../../helpers/tempWorkspace';
import { loadProgression, run, pick } from './fixture';

/**
 * 2025-Q2, denominator as in promotion_rate (headcount on 2025-04-01). Exits dated in Q2:
 * W4 (termination date 2025-05-15), W5 and W10 (vanished from the 2025-06-30 roster, dated
 * then), M7 (termination date 2025-04-30). So Woman 3/9, Man 1/9, Non-binary 0/2, Not
 * recorded 0/1; by level at start, women L1 0/3, L2 3/4, L3 0/2.
 * Adverse outcome: the reference for 'highest' is the lowest rate.
 */
describe('exits', () => {
  it('counts the leavers of the period against the headcount at its start, with k = 3', async () => {
    await withTempWorkspace(async (ws) => {
      await loadProgression(ws);
      const { rows } = await run(ws, 'exits', { period: '2025-Q2', k: 3, withComparisons: false });
      const women = pick(rows, { slice: 'all', grp: 'Woman' });
      // The only group shown in 'all' (Man 1 of 9 is a small count), so it is its own reference.
      expect(women).toMatchObject({ numerator: 3, denominator: 9, is_reference: true, suppressed: false });
      expect(women.ci_lower).toBeCloseTo(0.1205838183869109, 9);
      expect(pick(rows, { slice: 'all', grp: 'Man' })).toMatchObject({ numerator: null, suppressed: true, note: 'fewer than 3' });
      expect(pick(rows, { slice: 'level L1', grp: 'Woman' })).toMatchObject({ numerator: 0, denominator: 3, suppressed: false });
      // 3 of 4 women at L2 left: the 1 who stayed is a small count too.
      expect(pick(rows, { slice: 'level L2', grp: 'Woman' })).toMatchObject({ numerator: null, suppressed: true });
    });
  });

  it('with k = 5 shows no count', async () => {
    await withTempWorkspace(async (ws) => {
      await loadProgression(ws);
      const { rows } = await run(ws, 'exits', { period: '2025-Q2', k: 5, withComparisons: false });
      expect(rows.every((r) => r.suppressed === true && r.numerator === null && r.note === 'fewer than 5')).toBe(true);
    });
  });
});
