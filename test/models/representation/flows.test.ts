import { describe, it, expect } from 'vitest';
import { withTempWorkspace } from '../../helpers/tempWorkspace';
import { loadRepresentation, run, pick } from './fixture';

const FLOW_KEYS = ['headcount_start', 'hires', 'exits', 'promotions_in', 'promotions_out', 'demotions_in', 'demotions_out', 'transfers_in', 'transfers_out', 'other_in', 'other_out', 'headcount_end'] as const;
const flows = (r: Record<string, unknown>) => Object.fromEntries(FLOW_KEYS.map((k) => [k, r[k]]).filter(([, v]) => v !== 0));
const identityHolds = (r: Record<string, unknown>) => {
  const n = (k: string) => Number(r[k]);
  return n('headcount_start') + n('hires') - n('exits') + n('promotions_in') - n('promotions_out') + n('demotions_in') - n('demotions_out')
    + n('transfers_in') - n('transfers_out') + n('other_in') - n('other_out') === n('headcount_end');
};

/**
 * 2025-Q2, from the 2025-04-01 headcount to the 2025-06-30 one (fixture.ts; every flow x 3).
 * Whole organisation:
 *   L1 Woman  15 + 3 hires (A9) - 3 exits (A10) - 3 promoted out (A3)                    = 12
 *   L2 Woman  12 + 3 promoted in (A3) - 3 exits (A7) - 3 other out (D1 now non-binary)   = 9   (A6's move stays inside)
 *   L3 Woman   3                                                                          = 3
 *   L1 Man     9 + 3 hires (B10) - 6 promoted out (B2, B3)                                = 6
 *   L2 Man    12 + 6 promoted in - 3 promoted out (B5) + 3 demoted in (B9) - 3 exits (B11) = 15
 *   L3 Man     9 + 3 promoted in (B5) - 3 demoted out (B9)                                = 9
 *   L2 Non-binary 0 + 3 other in (D1) = 3
 */
describe('flows', () => {
  it('splits each cell change into hires, exits, promotions, demotions and other, with k = 3', async () => {
    await withTempWorkspace(async (ws) => {
      await loadRepresentation(ws);
      const { rows } = await run(ws, 'flows', { period: '2025-Q2', k: 3 });
      expect(rows.map((r) => `${r.level}|${r.grp}`)).toEqual([
        'L1|Man', 'L1|Not recorded', 'L1|Prefer not to say', 'L1|Woman',
        'L2|Man', 'L2|Non-binary', 'L2|Prefer not to say', 'L2|Woman',
        'L3|Man', 'L3|Woman',
      ]);
      expect(flows(pick(rows, { level: 'L1', grp: 'Woman' }))).toEqual({ headcount_start: 15, hires: 3, exits: 3, promotions_out: 3, headcount_end: 12 });
      expect(flows(pick(rows, { level: 'L2', grp: 'Woman' }))).toEqual({ headcount_start: 12, promotions_in: 3, exits: 3, other_out: 3, headcount_end: 9 });
      expect(flows(pick(rows, { level: 'L3', grp: 'Woman' }))).toEqual({ headcount_start: 3, headcount_end: 3 });
      expect(flows(pick(rows, { level: 'L1', grp: 'Man' }))).toEqual({ headcount_start: 9, hires: 3, promotions_out: 6, headcount_end: 6 });
      expect(flows(pick(rows, { level: 'L2', grp: 'Man' }))).toEqual({ headcount_start: 12, promotions_in: 6, promotions_out: 3, demotions_in: 3, exits: 3, headcount_end: 15 });
      expect(flows(pick(rows, { level: 'L3', grp: 'Man' }))).toEqual({ headcount_start: 9, promotions_in: 3, demotions_out: 3, headcount_end: 9 });
      expect(pick(rows, { level: 'L2', grp: 'Man' }).people).toBe(21);
      // C3 alone at L2 is hidden; the smallest other row of the level (Non-binary, 3 people) goes with it.
      expect(pick(rows, { level: 'L2', grp: 'Prefer not to say' })).toMatchObject({ headcount_start: null, suppressed: true, note: 'fewer than 3' });
      expect(pick(rows, { level: 'L2', grp: 'Non-binary' })).toMatchObject({ other_in: null, headcount_end: null, suppressed: true });
      expect(rows.filter((r) => !r.suppressed).every(identityHolds)).toBe(true);
    });
  });

  it('counts moves across a department filter as transfers', async () => {
    await withTempWorkspace(async (ws) => {
      await loadRepresentation(ws);
      const { rows } = await run(ws, 'flows', { period: '2025-Q2', k: 3, department: 'Eng' });
      // B6 moved Sales -> Eng, A6 Eng -> Sales, both at L2.
      expect(flows(pick(rows, { level: 'L2', grp: 'Man' }))).toEqual({ headcount_start: 9, promotions_in: 3, promotions_out: 3, demotions_in: 3, transfers_in: 3, exits: 3, headcount_end: 12 });
      expect(flows(pick(rows, { level: 'L2', grp: 'Woman' }))).toEqual({ headcount_start: 9, promotions_in: 3, transfers_out: 3, other_out: 3, headcount_end: 6 });
      expect(flows(pick(rows, { level: 'L1', grp: 'Woman' }))).toEqual({ headcount_start: 12, hires: 3, exits: 3, promotions_out: 3, headcount_end: 9 });
      expect(rows.filter((r) => !r.suppressed).every(identityHolds)).toBe(true);
    });
  });

  it('counts a promotion out of a level filter as a promotion, not a transfer', async () => {
    await withTempWorkspace(async (ws) => {
      await loadRepresentation(ws);
      const { rows } = await run(ws, 'flows', { period: '2025-Q2', k: 3, levelMax: 1 });
      expect(flows(pick(rows, { level: 'L1', grp: 'Man' }))).toEqual({ headcount_start: 9, hires: 3, promotions_out: 6, headcount_end: 6 });
    });
  });

  it('with k = 5 hides every row with a flow of 1..4 people', async () => {
    await withTempWorkspace(async (ws) => {
      await loadRepresentation(ws);
      const { rows } = await run(ws, 'flows', { period: '2025-Q2', k: 5 });
      expect(pick(rows, { level: 'L1', grp: 'Woman' })).toMatchObject({ hires: null, headcount_start: null, suppressed: true, note: 'fewer than 5' });
      expect(rows.every((r) => r.suppressed)).toBe(true);
    });
  });
});
