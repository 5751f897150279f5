import { describe, it, expect } from 'vitest';
import { withTempWorkspace } from '../../helpers/tempWorkspace';
import { loadRepresentation, run, pick } from './fixture';
import { execute } from '../../../src/models/runModel';
import { getModel } from '../../../src/models/registry';
import { ModelParamsSchema } from '../../../src/api/contract';
import { periodFromLabel } from '../../../src/models/period';
import type { Workspace } from '../../../src/workspace/workspace';

/** The SQL's rows before disclosure control, counts as numbers. */
async function rawFlows(ws: Workspace, params: Record<string, unknown>) {
  const raw = await execute(ws, getModel('flows'), ModelParamsSchema.parse({ period: '2025-Q2', k: 3, ...params }), periodFromLabel('2025-Q2'));
  return raw.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
}
const hiddenRows = (rows: Record<string, unknown>[]) => rows.filter((r) => r.suppressed).map((r) => `${r.level}|${r.grp}`);

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
      const raw = await rawFlows(ws, {});
      expect(flows(pick(raw, { level: 'L1', grp: 'Woman' }))).toEqual({ headcount_start: 15, hires: 3, exits: 3, promotions_out: 3, headcount_end: 12 });
      expect(flows(pick(raw, { level: 'L2', grp: 'Woman' }))).toEqual({ headcount_start: 12, promotions_in: 3, exits: 3, other_out: 3, headcount_end: 9 });
      expect(flows(pick(raw, { level: 'L3', grp: 'Woman' }))).toEqual({ headcount_start: 3, headcount_end: 3 });
      expect(flows(pick(raw, { level: 'L1', grp: 'Man' }))).toEqual({ headcount_start: 9, hires: 3, promotions_out: 6, headcount_end: 6 });
      expect(flows(pick(raw, { level: 'L2', grp: 'Man' }))).toEqual({ headcount_start: 12, promotions_in: 6, promotions_out: 3, demotions_in: 3, exits: 3, headcount_end: 15 });
      expect(flows(pick(raw, { level: 'L3', grp: 'Man' }))).toEqual({ headcount_start: 9, promotions_in: 3, demotions_out: 3, headcount_end: 9 });
      expect(pick(raw, { level: 'L2', grp: 'Man' }).people).toBe(21);
      // Shown: C3 alone at L2 is hidden, and Non-binary, the smallest other row of the level,
      // goes with it. But a group's levels add up to its headcount (shown by other models), and
      // Non-binary (L2 only) and Not recorded (L1 only) have one row each, which is their
      // headcount: hidden, they still protect nothing. So Prefer not to say takes its other
      // level, L1, which takes Not recorded; and as the hidden cells still pin C3 down (L2's
      // total less its shown rows less Non-binary's headcount), a cycle is closed through the
      // cheapest shown rows: L2 and L1 of the men (21 + 12 people; the women's 15 + 18 tie, and
      // the men come first).
      expect(rows.map((r) => `${r.level}|${r.grp}`)).toEqual(raw.map((r) => `${r.level}|${r.grp}`));
      expect(hiddenRows(rows)).toEqual(['L1|Man', 'L1|Not recorded', 'L1|Prefer not to say', 'L2|Man', 'L2|Non-binary', 'L2|Prefer not to say']);
      expect(pick(rows, { level: 'L2', grp: 'Prefer not to say' })).toMatchObject({ headcount_start: null, suppressed: true, note: 'fewer than 3' });
      expect(pick(rows, { level: 'L2', grp: 'Non-binary' })).toMatchObject({ other_in: null, headcount_end: null, suppressed: true });
      for (const [level, grp] of [['L1', 'Woman'], ['L2', 'Woman'], ['L3', 'Woman'], ['L3', 'Man']]) {
        expect(flows(pick(rows, { level, grp }))).toEqual(flows(pick(raw, { level, grp })));
      }
      expect(rows.filter((r) => !r.suppressed).every(identityHolds)).toBe(true);
    });
  });

  it('counts moves across a department filter as transfers', async () => {
    await withTempWorkspace(async (ws) => {
      await loadRepresentation(ws);
      const { rows } = await run(ws, 'flows', { period: '2025-Q2', k: 3, department: 'Eng' });
      // B6 moved Sales -> Eng, A6 Eng -> Sales, both at L2.
      expect(flows(pick(rows, { level: 'L2', grp: 'Man' }))).toEqual({ headcount_start: 9, promotions_in: 3, promotions_out: 3, demotions_in: 3, transfers_in: 3, exits: 3, headcount_end: 12 });
      expect(flows(pick(rows, { level: 'L1', grp: 'Woman' }))).toEqual({ headcount_start: 12, hires: 3, exits: 3, promotions_out: 3, headcount_end: 9 });
      const raw = await rawFlows(ws, { department: 'Eng' });
      expect(flows(pick(raw, { level: 'L2', grp: 'Woman' }))).toEqual({ headcount_start: 9, promotions_in: 3, transfers_out: 3, other_out: 3, headcount_end: 6 });
      // C3 (1 person at L2) is hidden; by hand, in the order the rule visits the relations:
      // Prefer not to say takes L1 (3); L2 takes Non-binary (3; its only row, so it protects
      // nothing on its own); L1 takes the men (6); the men take L3 (9); L3 takes the women (3);
      // the women take L2 (12). The hidden rows then form one cycle through C3's row.
      expect(hiddenRows(rows)).toEqual(['L1|Man', 'L1|Prefer not to say', 'L2|Non-binary', 'L2|Prefer not to say', 'L2|Woman', 'L3|Man', 'L3|Woman']);
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
