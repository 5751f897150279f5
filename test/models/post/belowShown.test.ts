import { describe, it, expect } from 'vitest';
import { belowShown } from '../../../src/models/post/belowShown';
import { getModel } from '../../../src/models/registry';
import { ModelParamsSchema } from '../../../src/api/contract';

/** A pipeline row as the SQL gives it (share and gap from the counts). */
function row(level: string, grp: string, count: number, total: number, below?: { count: number; total: number }) {
  return {
    level, grp, count, level_total: total, share: count / total,
    share_below: below ? below.count / below.total : null,
    gap_pp: below ? (count / total - below.count / below.total) * 100 : null,
    count_below: below?.count ?? null, level_total_below: below?.total ?? null,
  };
}

describe('below_shown (pipeline disclosure)', () => {
  it('hides the carried level-below columns where the row below is hidden, complements included', () => {
    // k = 3. L1: A 2 (small), B 8, C 10; L2: A 6, B 7, C 7; L3: A 5, B 5, C 10; 20 per level.
    // L1/A is small, so is L2/A's count_below; each level takes its first other row (sizes tie
    // at 20): L1/B, L2/B; A and B then hold two hidden levels each. L3/A and L3/B keep their
    // own figures, but their count_below (6 and 7) would show the hidden L2/A and L2/B, and
    // A's total less L2/A and L3/A would give L1/A back: those columns go. L3/C's row below
    // is shown, so it keeps them.
    const raw = [
      row('L1', 'A', 2, 20), row('L1', 'B', 8, 20), row('L1', 'C', 10, 20),
      row('L2', 'A', 6, 20, { count: 2, total: 20 }), row('L2', 'B', 7, 20, { count: 8, total: 20 }), row('L2', 'C', 7, 20, { count: 10, total: 20 }),
      row('L3', 'A', 5, 20, { count: 6, total: 20 }), row('L3', 'B', 5, 20, { count: 7, total: 20 }), row('L3', 'C', 10, 20, { count: 7, total: 20 }),
    ];
    const { rows } = belowShown(raw, { params: ModelParamsSchema.parse({ period: '2025-Q2', k: 3 }), header: getModel('pipeline').header });
    expect(rows.map((r) => `${r.level}/${r.grp}:${r.suppressed}`)).toEqual([
      'L1/A:true', 'L1/B:true', 'L1/C:false', 'L2/A:true', 'L2/B:true', 'L2/C:false', 'L3/A:false', 'L3/B:false', 'L3/C:false',
    ]);
    for (const grp of ['A', 'B']) {
      expect(rows.find((r) => r.level === 'L3' && r.grp === grp)).toMatchObject({
        count: 5, level_total: 20, share: 0.25, share_below: null, gap_pp: null, count_below: null, level_total_below: null, suppressed: false,
      });
    }
    const c3 = rows.find((r) => r.level === 'L3' && r.grp === 'C')!;
    expect(c3).toMatchObject({ count: 10, count_below: 7, level_total_below: 20, share_below: 0.35 });
    expect(c3.gap_pp).toBeCloseTo(15, 12);
  });
});
