import { describe, it, expect } from 'vitest';
import { withTempWorkspace } from '../../helpers/tempWorkspace';
import { loadRepresentation, run, pick } from './fixture';

/**
 * Headcount on 2025-06-30 (reference for level, department, mentors, mentees): Woman 24,
 * Man 30, Non-binary 3, Prefer not to say 4, Not recorded 3 = 64.
 * Headcount on 2025-04-01 (reference for promoted, leavers): Woman 30 (D1 still a woman),
 * Man 30, Prefer not to say 4, Not recorded 3 = 67.
 *   L1 (24): W 12, M 6, PNTS 3, NR 3, NB 0     L2 (28): W 9, M 15, NB 3, PNTS 1, NR 0
 *   L3 (12): W 3, M 9                           Eng (46): W 18, M 21, NB 3, PNTS 4; Sales (18): W 6, M 9, NR 3
 *   mentors (10): W 6 (A8, A5), M 4 (B7 x 3, B5a)    mentees (10): W 9 (A1, A2, A4), PNTS 1 (C1)
 *   promoted (12): W 3 (A3), M 9 (B2, B3, B5)       leavers (9): W 6 (A7, A10), M 3 (B11)
 * index = (count / slice total) / (group total / reference total).
 */
describe('representation_share', () => {
  it('gives each group share of every slice against its share of the reference, with k = 3', async () => {
    await withTempWorkspace(async (ws) => {
      await loadRepresentation(ws);
      const { rows } = await run(ws, 'representation_share', { period: '2025-Q2', k: 3 });
      expect([...new Set(rows.map((r) => `${r.slice_type}|${r.slice_value}`))]).toEqual([
        'level|L1', 'level|L2', 'level|L3', 'department|Eng', 'department|Sales', 'mentors|all', 'mentees|all', 'promoted|all', 'leavers|all',
      ]);
      const at = (slice_type: string, slice_value: string, grp: string) => pick(rows, { slice_type, slice_value, grp });

      const wL1 = at('level', 'L1', 'Woman');
      expect(wL1).toMatchObject({ count: 12, slice_total: 24, share: 0.5, group_total: 24, reference_total: 64, reference_share: 0.375, suppressed: false });
      expect(wL1.representation_index).toBeCloseTo(4 / 3, 12);
      expect(at('level', 'L1', 'Man').representation_index).toBeCloseTo(0.25 / (30 / 64), 12);
      expect(at('level', 'L1', 'Prefer not to say')).toMatchObject({ count: 3, group_total: 4, representation_index: 2 });
      // A group with nobody in a slice shows its 0.
      expect(at('level', 'L1', 'Non-binary')).toMatchObject({ count: 0, share: 0, representation_index: 0, suppressed: false });
      expect(at('level', 'L2', 'Woman').representation_index).toBeCloseTo((9 / 28) / 0.375, 12);
      expect(at('level', 'L3', 'Woman').representation_index).toBeCloseTo(0.25 / 0.375, 12);
      expect(at('department', 'Eng', 'Woman').representation_index).toBeCloseTo((18 / 46) / 0.375, 12);
      expect(at('department', 'Sales', 'Not recorded')).toMatchObject({ count: 3, slice_total: 18 });
      expect(at('mentors', 'all', 'Woman')).toMatchObject({ count: 6, slice_total: 10 });
      expect(at('mentors', 'all', 'Woman').representation_index).toBeCloseTo(0.6 / 0.375, 12);
      expect(at('mentors', 'all', 'Man')).toMatchObject({ count: 4, slice_total: 10 });
      expect(at('mentees', 'all', 'Woman')).toMatchObject({ count: 9, slice_total: 10, share: 0.9 });
      // Promoted and leavers are measured against the headcount at the start (67).
      const promotedW = at('promoted', 'all', 'Woman');
      expect(promotedW).toMatchObject({ count: 3, slice_total: 12, group_total: 30, reference_total: 67 });
      expect(promotedW.representation_index).toBeCloseTo(0.25 / (30 / 67), 12);
      expect(at('promoted', 'all', 'Man').representation_index).toBeCloseTo(0.75 / (30 / 67), 12);
      expect(at('leavers', 'all', 'Woman').representation_index).toBeCloseTo((6 / 9) / (30 / 67), 12);
      expect(at('leavers', 'all', 'Man')).toMatchObject({ count: 3, slice_total: 9 });

      // C3 alone in L2 is a small count; the first other cell of the slice goes with it.
      expect(at('level', 'L2', 'Prefer not to say')).toMatchObject({ count: null, share: null, group_total: null, suppressed: true, note: 'fewer than 3' });
      expect(at('level', 'L2', 'Man')).toMatchObject({ count: null, suppressed: true });
      // The levels add up to each group's total, shown in its other rows: Prefer not to say
      // 4 - 3 (L1) - 0 (L3) would give C3 away, and Man 30 - 6 - 9 the complement. So each
      // takes its smallest other level, L3 (12 people), and L3 then holds both hidden.
      expect(at('level', 'L3', 'Prefer not to say')).toMatchObject({ count: null, group_total: null, suppressed: true });
      expect(at('level', 'L3', 'Man')).toMatchObject({ count: null, representation_index: null, suppressed: true });
      expect(rows.filter((r) => r.slice_type === 'level' && r.suppressed).map((r) => `${r.slice_value}|${r.grp}`).sort()).toEqual([
        'L2|Man', 'L2|Prefer not to say', 'L3|Man', 'L3|Prefer not to say',
      ]);
      expect(at('mentees', 'all', 'Prefer not to say')).toMatchObject({ count: null, suppressed: true });
    });
  });

  it('with k = 5 hides the 3 male leavers and the 3-person groups', async () => {
    await withTempWorkspace(async (ws) => {
      await loadRepresentation(ws);
      const { rows } = await run(ws, 'representation_share', { period: '2025-Q2', k: 5 });
      expect(pick(rows, { slice_type: 'leavers', slice_value: 'all', grp: 'Man' })).toMatchObject({ count: null, representation_index: null, suppressed: true, note: 'fewer than 5' });
      // Not recorded has 3 people: every one of its rows is hidden, even where its count is 0.
      expect(rows.filter((r) => r.grp === 'Not recorded').every((r) => r.suppressed && r.group_total === null)).toBe(true);
      // The 3 women at L3 are a small count; the women's levels add up to their total (24,
      // shown in their other rows), so the smaller other level, L1 (24 people), goes too.
      expect(pick(rows, { slice_type: 'level', slice_value: 'L3', grp: 'Woman' })).toMatchObject({ count: null, suppressed: true });
      expect(pick(rows, { slice_type: 'level', slice_value: 'L1', grp: 'Woman' })).toMatchObject({ count: null, suppressed: true });
      expect(pick(rows, { slice_type: 'level', slice_value: 'L2', grp: 'Woman' })).toMatchObject({ count: 9, suppressed: false });
    });
  });
});
