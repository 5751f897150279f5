import { describe, it, expect } from 'vitest';
import { liftRows, MIN_NON_PARTICIPANTS } from '../../../src/models/post/lift';

const cell = (grp: string, stratum: string, refinement: string, p: number, po: number, np: number, npo: number, outcome = 'promotion') => ({
  outcome, grp, stratum, refinement, participants: p, participant_outcomes: po, non_participants: np, non_participant_outcomes: npo,
});
const row = (rows: ReturnType<typeof liftRows>['rows'], grp: string) => rows.find((r) => r.grp === grp)!;

describe('lift post-processor', () => {
  it('adds the department at exactly 20 non-participants per stratum, not at 19', () => {
    expect(MIN_NON_PARTICIPANTS).toBe(20);
    // A: Eng 10 participants vs 20 non-participants (4 promoted), Sales 5 vs 20 (12 promoted):
    // by department E = 10 x 4/20 + 5 x 12/20 = 5. B: Eng has 19 non-participants, so the
    // stratum alone: E = 15 x 16/39.
    const a = liftRows([cell('A', 's', 'Eng', 10, 5, 20, 4), cell('A', 's', 'Sales', 5, 3, 20, 12)], 3).rows;
    expect(row(a, 'A')).toMatchObject({ standardized_on: 'level × tenure band × department', participants: 15, observed: 8 });
    expect(row(a, 'A').expected).toBeCloseTo(10 * 0.2 + 5 * 0.6, 12);
    const b = liftRows([cell('B', 's', 'Eng', 10, 5, 19, 4), cell('B', 's', 'Sales', 5, 3, 20, 12)], 3).rows;
    expect(row(b, 'B')).toMatchObject({ standardized_on: 'level × tenure band' });
    expect(row(b, 'B').expected).toBeCloseTo(15 * (16 / 39), 12);
  });

  it('leaves out participants without comparison and gives no lift when nothing is expected', () => {
    const { rows, excludedAny } = liftRows([cell('A', 's1', 'x', 5, 2, 0, 0), cell('A', 's2', 'x', 6, 3, 10, 0)], 3);
    expect(excludedAny).toBe(true);
    expect(row(rows, 'A')).toMatchObject({ participants: 6, observed: 3, expected: 0, lift: null, lift_lower: null, lift_upper: null, suppressed: false });
  });

  it('never picks the All row as the complement of a suppressed group', () => {
    // C has 2 participants (small group); the smallest other group, B, is hidden with it.
    const { rows } = liftRows([
      cell('A', 's', 'x', 10, 5, 30, 10), cell('B', 's', 'x', 8, 4, 30, 10), cell('C', 's', 'x', 2, 1, 30, 10),
    ], 3);
    expect(rows.map((r) => [r.grp, r.suppressed])).toEqual([['All', false], ['A', false], ['B', true], ['C', true]]);
    expect(row(rows, 'All')).toMatchObject({ participants: 20, observed: 10, non_participants: 90 });
  });
});
