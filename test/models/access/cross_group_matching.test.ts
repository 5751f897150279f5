import { describe, it, expect } from 'vitest';
import { withTempWorkspace } from '../../helpers/tempWorkspace';
import { loadAccess, runRows } from './fixture';
import { matrix } from '../../../src/models/post/matrix';
import { ModelParamsSchema } from '../../../src/api/contract';
import { getModel } from '../../../src/models/registry';

/**
 * Matches active in 2025-Q2 with the mentee employed on 06-30, mentor group x mentee group:
 *   Man -> Woman: A1 A2 A3 A4 = 4; Man -> Man: A9 A10 A11 = 3; Woman -> Woman: A6 A7 A8 = 3;
 *   Woman -> Man: 0; Not recorded -> Woman: A5 = 1 (A12's mentee left; A13, A14, B1 not active).
 * k = 3: 'Not recorded' has 1 match in all: hidden and left out. On the rest (10 matches; mentor
 * totals Man 7, Woman 3; mentee totals Man 3, Woman 7) expected = row x column / 10:
 *   Man/Man 2.1, Man/Woman 4.9, Woman/Man 0.9, Woman/Woman 2.1.
 */
describe('cross_group_matching', () => {
  it('matches the hand-computed matrix with k = 3', async () => {
    await withTempWorkspace(async (ws) => {
      await loadAccess(ws);
      const { rows, notes } = await runRows(ws, 'cross_group_matching', { k: 3 });
      const cell = (a: string, b: string) => rows.find((r) => r.mentor_grp === a && r.mentee_grp === b)!;
      expect(rows).toHaveLength(6);
      expect(cell('Man', 'Man')).toMatchObject({ observed: 3, suppressed: false });
      expect(cell('Man', 'Man').expected).toBeCloseTo(2.1, 12);
      expect(cell('Man', 'Man').ratio).toBeCloseTo(3 / 2.1, 12);
      expect(cell('Man', 'Woman')).toMatchObject({ observed: 4 });
      expect(cell('Man', 'Woman').expected).toBeCloseTo(4.9, 12);
      expect(cell('Man', 'Woman').ratio).toBeCloseTo(4 / 4.9, 12);
      expect(cell('Woman', 'Man')).toMatchObject({ observed: 0, ratio: 0, suppressed: false });
      expect(cell('Woman', 'Man').expected).toBeCloseTo(0.9, 12);
      expect(cell('Woman', 'Woman').expected).toBeCloseTo(2.1, 12);
      for (const b of ['Man', 'Woman']) {
        expect(cell('Not recorded', b)).toMatchObject({ observed: null, expected: null, ratio: null, suppressed: true, note: 'fewer than 3' });
      }
      expect(notes).toEqual(['Groups with fewer than 3 matches in all are hidden and left out of the expected counts.']);
    });
  });

  it('with k = 5 hides everything: every total is under 5 once the small groups leave', async () => {
    await withTempWorkspace(async (ws) => {
      await loadAccess(ws);
      const { rows } = await runRows(ws, 'cross_group_matching');
      expect(rows.every((r) => r.suppressed === true && r.observed === null && r.note === 'fewer than 5')).toBe(true);
    });
  });

  it('says it needs matches data', async () => {
    await withTempWorkspace(async (ws) => {
      await loadAccess(ws, ['people']);
      await expect(runRows(ws, 'cross_group_matching')).rejects.toMatchObject({ code: 'NEEDS_DATA', message: expect.stringContaining('needs matches data') });
    });
  });
});

describe('matrix post-processor', () => {
  const ctx = (k: number) => ({ params: ModelParamsSchema.parse({ period: '2025-Q2', k }), header: getModel('cross_group_matching').header });
  const grid = (cells: [string, string, number][]) => cells.map(([mentor_grp, mentee_grp, observed]) => ({ mentor_grp, mentee_grp, observed }));
  const hidden = (rows: Record<string, unknown>[]) => rows.filter((r) => r.suppressed).map((r) => `${r.mentor_grp}${r.mentee_grp}`).sort();

  it('protects a small cell in its row and its column until no line has a single hidden cell', () => {
    //      X   Y   Z
    //  A  10   2   8     (A,Y) = 2 is small. Row A: complement (A,Z) 8. Column Y: (B,Y) 7;
    //  B   6   7   5     column Z: (C,Z) 3. Row B: (B,Z) 5; row C: (C,X) 4. Column X: (B,X) 6.
    //  C   4   9   3     Then every row and column holds 0 or at least 2 hidden cells.
    const { rows } = matrix(grid([
      ['A', 'X', 10], ['A', 'Y', 2], ['A', 'Z', 8],
      ['B', 'X', 6], ['B', 'Y', 7], ['B', 'Z', 5],
      ['C', 'X', 4], ['C', 'Y', 9], ['C', 'Z', 3],
    ]), ctx(3));
    expect(hidden(rows)).toEqual(['AY', 'AZ', 'BX', 'BY', 'BZ', 'CX', 'CZ']);
    const ax = rows.find((r) => r.mentor_grp === 'A' && r.mentee_grp === 'X')!;
    expect(ax).toMatchObject({ observed: 10, suppressed: false });
    expect(ax.expected).toBeCloseTo((20 * 20) / 54, 12);
  });

  it('takes a zero cell as complement only when nothing else is left', () => {
    //      X   Y   Z
    //  A   5   1   0     (A,Y) small; row A's complement is (A,X), not the zero (A,Z);
    //  B   4   6   7     then (B,Y) for column Y and (B,X) for column X.
    const { rows } = matrix(grid([
      ['A', 'X', 5], ['A', 'Y', 1], ['A', 'Z', 0],
      ['B', 'X', 4], ['B', 'Y', 6], ['B', 'Z', 7],
    ]), ctx(3));
    expect(hidden(rows)).toEqual(['AX', 'AY', 'BX', 'BY']);
    expect(rows.find((r) => r.mentor_grp === 'A' && r.mentee_grp === 'Z')).toMatchObject({ observed: 0, suppressed: false });
  });

  it('drops groups whose total becomes small once another small group is gone', () => {
    //      X   Y   Z
    //  A   3   3   0     Z has 2 in all: hidden. Without it, row B totals 2: hidden too.
    //  B   2   0   2     What remains is row A on X and Y: expected 3 and 3.
    const { rows, notes } = matrix(grid([
      ['A', 'X', 3], ['A', 'Y', 3], ['A', 'Z', 0],
      ['B', 'X', 2], ['B', 'Y', 0], ['B', 'Z', 2],
    ]), ctx(3));
    expect(hidden(rows)).toEqual(['AZ', 'BX', 'BY', 'BZ']);
    expect(rows.find((r) => r.mentor_grp === 'A' && r.mentee_grp === 'X')).toMatchObject({ observed: 3, expected: 3, ratio: 1 });
    expect(notes).toHaveLength(1);
  });
});
