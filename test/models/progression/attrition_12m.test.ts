import { describe, it, expect } from 'vitest';
import { withTempWorkspace } from '../../helpers/tempWorkspace';
import { loadProgression, run, pick } from './fixture';

/**
 * 2025-Q2: base date 2024-06-30 (the last day of 2024-Q2), end 2025-06-30.
 * Base headcount (2024-06-30 roster): women W1-W6, W8-W10 = 9 (W7 not yet hired); men M1-M8,
 * M10-M12 = 11; Non-binary 2; Not recorded 1.
 * Not employed on 2025-06-30: W4 (terminated 05-15), W5, W9, W10 (vanished) = 4 of 9 women;
 * M7 (terminated 04-30), M11 (terminated 2024-10-15), M12 (vanished) = 3 of 11 men.
 * Adverse: impact ratio = reference rate / group rate = (3/11) / (4/9) = 27/44.
 * SciPy: fisher_exact([[4, 5], [3, 8]]) p = 0.6424148606811146; Wilson 4/9 = [0.18877852109766452, 0.733348706504507].
 */
describe('attrition_12m', () => {
  it('is the share of the headcount a year earlier no longer employed at period end', async () => {
    await withTempWorkspace(async (ws) => {
      await loadProgression(ws);
      const { rows } = await run(ws, 'attrition_12m', { period: '2025-Q2', k: 3, withComparisons: false });
      expect(rows.map((r) => r.grp)).toEqual(['Man', 'Non-binary', 'Not recorded', 'Woman']);
      expect(pick(rows, { grp: 'Man' })).toMatchObject({ slice: 'all', numerator: 3, denominator: 11, is_reference: true });
      const women = pick(rows, { grp: 'Woman' });
      expect(women).toMatchObject({ slice: 'all', numerator: 4, denominator: 9, reference_group: 'Man', test: 'fisher', below_four_fifths: true, verdict: 'watch' });
      expect(women.impact_ratio).toBeCloseTo(27 / 44, 12);
      expect(women.ci_lower).toBeCloseTo(0.18877852109766452, 9);
      expect(women.ci_upper).toBeCloseTo(0.733348706504507, 9);
      expect(women.p_value).toBeCloseTo(0.6424148606811146, 9);
      expect(pick(rows, { grp: 'Non-binary' })).toMatchObject({ numerator: null, suppressed: true, note: 'fewer than 3' });
    });
  });

  it('with k = 5 hides the 3 male and the 4 female leavers', async () => {
    await withTempWorkspace(async (ws) => {
      await loadProgression(ws);
      const { rows } = await run(ws, 'attrition_12m', { period: '2025-Q2', k: 5, withComparisons: false });
      expect(pick(rows, { grp: 'Man' })).toMatchObject({ numerator: null, denominator: null, suppressed: true, note: 'fewer than 5' });
      expect(pick(rows, { grp: 'Woman' })).toMatchObject({ numerator: null, rate: null, suppressed: true, note: 'fewer than 5' });
    });
  });

  it('keys the department filter to where people were a year earlier; moving is not leaving', async () => {
    await withTempWorkspace(async (ws) => {
      await loadProgression(ws);
      // Sales on 2024-06-30: W8, M5, M10, all still employed.
      const { rows } = await run(ws, 'attrition_12m', { period: '2025-Q2', k: 3, department: 'Sales', withComparisons: false });
      expect(pick(rows, { grp: 'Man' })).toMatchObject({ numerator: null, suppressed: true }); // a group of 2
      expect(rows.map((r) => r.grp)).toEqual(['Man', 'Woman']);
    });
  });
});
