import { describe, it, expect } from 'vitest';
import { withTempWorkspace } from '../../helpers/tempWorkspace';
import { loadRepresentation, run, pick } from './fixture';

/**
 * Headcount on 2025-06-30, by level: L1 24 (W 12, M 6, NR 3, PNTS 3, NB 0), L2 28 (W 9, M 15,
 * NB 3, PNTS 1, NR 0), L3 12 (W 3, M 9). Women: 50% -> 32.1% -> 25%, so gap_pp -17.86 at L2
 * and -7.14 at L3; men 25% -> 53.6% -> 75%.
 */
describe('pipeline', () => {
  it('gives the share of each group by level and the gap to the level below, with k = 3', async () => {
    await withTempWorkspace(async (ws) => {
      await loadRepresentation(ws);
      const { rows } = await run(ws, 'pipeline', { period: '2025-Q2', k: 3 });
      expect([...new Set(rows.map((r) => r.level))]).toEqual(['L1', 'L2', 'L3']);
      const w1 = pick(rows, { level: 'L1', grp: 'Woman' });
      expect(w1).toMatchObject({ count: 12, level_total: 24, share: 0.5, share_below: null, gap_pp: null, suppressed: false });
      const w2 = pick(rows, { level: 'L2', grp: 'Woman' });
      expect(w2).toMatchObject({ count: 9, level_total: 28, share_below: 0.5, count_below: 12, level_total_below: 24 });
      expect(w2.share).toBeCloseTo(9 / 28, 12);
      expect(w2.gap_pp).toBeCloseTo((9 / 28 - 0.5) * 100, 9);
      const w3 = pick(rows, { level: 'L3', grp: 'Woman' });
      expect(w3.gap_pp).toBeCloseTo((0.25 - 9 / 28) * 100, 9);
      expect(pick(rows, { level: 'L1', grp: 'Man' })).toMatchObject({ count: 6, share: 0.25 });
      const nb = pick(rows, { level: 'L2', grp: 'Non-binary' });
      expect(nb).toMatchObject({ count: 3, share_below: 0, count_below: 0 });
      expect(nb.gap_pp).toBeCloseTo((3 / 28) * 100, 9);

      // C3 is alone at L2: hidden, and so is the group's gap at L3 (its level below has 1 person of
      // the group); the men's L2 and L3 rows are the complements.
      expect(pick(rows, { level: 'L2', grp: 'Prefer not to say' })).toMatchObject({ count: null, share: null, gap_pp: null, suppressed: true, note: 'fewer than 3' });
      expect(pick(rows, { level: 'L3', grp: 'Prefer not to say' })).toMatchObject({ share_below: null, gap_pp: null, suppressed: true });
      expect(pick(rows, { level: 'L2', grp: 'Man' })).toMatchObject({ count: null, suppressed: true });
      expect(pick(rows, { level: 'L3', grp: 'Man' })).toMatchObject({ count: null, suppressed: true });
    });
  });

  it('with k = 5 hides the 3-person cells and the gaps built on them', async () => {
    await withTempWorkspace(async (ws) => {
      await loadRepresentation(ws);
      const { rows } = await run(ws, 'pipeline', { period: '2025-Q2', k: 5 });
      expect(pick(rows, { level: 'L3', grp: 'Woman' })).toMatchObject({ count: null, gap_pp: null, suppressed: true, note: 'fewer than 5' });
      expect(pick(rows, { level: 'L2', grp: 'Woman' })).toMatchObject({ count: 9, suppressed: false });
    });
  });
});
