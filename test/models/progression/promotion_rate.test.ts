import { describe, it, expect } from 'vitest';
import { withTempWorkspace } from '../../helpers/tempWorkspace';
import { loadProgression, run, pick } from './fixture';

/**
 * 2025-Q2 = [2025-04-01, 2025-07-01). Denominator: the headcount on 2025-04-01 (roster of
 * 2025-03-31): women W1-W8, W10 = 9; men M1-M8, M10 = 9 (M11, M12 gone, M9 not hired yet);
 * non-binary N1, N2; not recorded U1. Promotions dated in Q2 (the 2025-06-30 roster):
 * W1, W2, W7; M1, M2, M3, M6; N1. W4, W5, W10 and M7 leave in Q2 and stay in the denominator.
 *   all:      Woman 3/9, Man 4/9, Non-binary 1/2, Not recorded 0/1
 *   level L1: Woman 3/3 (W1 W2 W7), Man 2/2 (M1 M6), Non-binary 1/1, Not recorded 0/1
 *   level L2: Woman 0/4 (W3 W4 W5 W10), Man 2/5 (M2 M3 of M2 M3 M4 M7 M8), Non-binary 0/1
 *   level L3: Woman 0/2 (W6 W8), Man 0/2 (M5 M10)
 * Wilson intervals and Fisher's p computed once with SciPy (statsmodels' Wilson formula;
 * scipy.stats.fisher_exact([[3, 6], [4, 5]]) = 1.0).
 */
describe('promotion_rate', () => {
  it('counts people promoted in the period against the headcount at its start, with k = 3', async () => {
    await withTempWorkspace(async (ws) => {
      await loadProgression(ws);
      const { rows } = await run(ws, 'promotion_rate', { period: '2025-Q2', k: 3 });
      expect(rows.map((r) => `${r.slice}|${r.grp}`)).toEqual([
        'all|Man', 'all|Non-binary', 'all|Not recorded', 'all|Woman',
        'level L1|Man', 'level L1|Non-binary', 'level L1|Not recorded', 'level L1|Woman',
        'level L2|Man', 'level L2|Non-binary', 'level L2|Woman',
        'level L3|Man', 'level L3|Woman',
      ]);

      const men = pick(rows, { slice: 'all', grp: 'Man' });
      expect(men).toMatchObject({ numerator: 4, denominator: 9, is_reference: true, suppressed: false });
      const women = pick(rows, { slice: 'all', grp: 'Woman' });
      expect(women).toMatchObject({ numerator: 3, denominator: 9, reference_group: 'Man', test: 'fisher', below_four_fifths: true, verdict: 'watch', suppressed: false });
      expect(women.rate).toBeCloseTo(1 / 3, 12);
      expect(women.ci_lower).toBeCloseTo(0.1205838183869109, 9);
      expect(women.ci_upper).toBeCloseTo(0.6457978644196036, 9);
      expect(women.impact_ratio).toBeCloseTo(0.75, 12);
      expect(women.p_value).toBeCloseTo(1, 9);
      expect(women.q_value).toBeCloseTo(1, 9);

      // "Promoted less at one level" shows: none of the women at L2 was promoted.
      const l2 = pick(rows, { slice: 'level L2', grp: 'Woman' });
      expect(l2).toMatchObject({ numerator: 0, denominator: 4, rate: 0, suppressed: false });
      expect(l2.ci_upper).toBeCloseTo(0.4898908364545973, 9);
      // Men at L2: 2 of 5 is a small count; groups of 1 or 2 are small groups.
      // Women at L1 (3 of 3) are hidden as the complement across levels: shown beside all (3/9)
      // and L2 (0/4), they would give away the 2 women at L3 (3/9 - 3/3 - 0/4 = 0/2).
      for (const [slice, grp] of [['level L2', 'Man'], ['level L1', 'Man'], ['all', 'Non-binary'], ['all', 'Not recorded'], ['level L3', 'Woman'], ['level L1', 'Woman']]) {
        expect(pick(rows, { slice, grp })).toMatchObject({ numerator: null, denominator: null, rate: null, suppressed: true, note: 'fewer than 3' });
      }
    });
  });

  it('with k = 5 hides the 3 promoted women as a small count', async () => {
    await withTempWorkspace(async (ws) => {
      await loadProgression(ws);
      const { rows } = await run(ws, 'promotion_rate', { period: '2025-Q2', k: 5, withComparisons: false });
      expect(pick(rows, { slice: 'all', grp: 'Woman' })).toMatchObject({ numerator: null, denominator: null, rate: null, p_value: null, suppressed: true, note: 'fewer than 5' });
    });
  });

  it('filters on the level held at period start', async () => {
    await withTempWorkspace(async (ws) => {
      await loadProgression(ws);
      const { rows } = await run(ws, 'promotion_rate', { period: '2025-Q2', k: 3, levelMin: 2, levelMax: 2, withComparisons: false });
      expect([...new Set(rows.map((r) => r.slice))]).toEqual(['all', 'level L2']);
      expect(pick(rows, { slice: 'all', grp: 'Woman' })).toMatchObject({ numerator: 0, denominator: 4 });
    });
  });

  it('compares with the quarter before and the same quarter a year earlier', async () => {
    await withTempWorkspace(async (ws) => {
      await loadProgression(ws);
      // 2025-Q1 (roster 2024-12-31 at its start): W6 of 9 women, M8 of 9 men were promoted, both
      // 1 of 9 and hidden, so no change is shown against them. 2024-Q2 (start before the first
      // roster, so the 2024-06-30 one): nobody promoted yet, 0 of 9 women and 0 of 11 men.
      const { rows } = await run(ws, 'promotion_rate', { period: '2025-Q2', k: 3 });
      const women = pick(rows, { slice: 'all', grp: 'Woman' });
      expect(women).toMatchObject({ rate_compare: null, delta_compare_pp: null, rate_year_ago: 0 });
      expect(women.delta_year_pp).toBeCloseTo(100 / 3, 9);
      const men = pick(rows, { slice: 'all', grp: 'Man' });
      expect(men).toMatchObject({ rate_compare: null, rate_year_ago: 0 });
      expect(men.delta_year_pp).toBeCloseTo(400 / 9, 9);
    });
  });
});
