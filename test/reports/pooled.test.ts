import { describe, it, expect } from 'vitest';
import { poolQuarters } from '../../src/reports/pooled';
import { rateStats } from '../../src/models/rateStats';
import type { ModelResult } from '../../src/models/runModel';

/** A quarter's rate result as the model layer returns it, from raw counts per group. */
function quarter(label: string, counts: [string, number, number][]): ModelResult {
  const rows = rateStats(counts.map(([grp, numerator, denominator]) => ({ slice: 'all', grp, numerator, denominator })), { k: 5, reference: 'largest', adverse: false });
  return {
    model: 'promotion_rate', title: 'Promotion rate', question: '', population: null, period: { label, start: '', end: '' }, params: {} as ModelResult['params'],
    columns: [], rows: rows as unknown as Record<string, unknown>[], notes: [], comparePeriod: null, yearAgoPeriod: null,
  };
}

describe('poolQuarters', () => {
  it('adds up the four quarters group by group, and tests the sums', () => {
    const qs = [
      quarter('2026-Q3', [['Man', 17, 198], ['Woman', 10, 223], ['Non-binary', 0, 9]]),
      quarter('2026-Q2', [['Man', 18, 203], ['Woman', 9, 223], ['Non-binary', 0, 9]]),
      quarter('2026-Q1', [['Man', 18, 209], ['Woman', 10, 222], ['Non-binary', 0, 8]]),
      quarter('2025-Q4', [['Man', 18, 210], ['Woman', 9, 227], ['Non-binary', 0, 8]]),
    ];
    const { rows, hidden } = poolQuarters(qs, { k: 5, reference: 'largest', adverse: false });
    expect(hidden).toBe(0);
    const man = rows.find((r) => r.grp === 'Man')!;
    const woman = rows.find((r) => r.grp === 'Woman')!;
    // 17+18+18+18 = 71 of 198+203+209+210 = 820; 10+9+10+9 = 38 of 223+223+222+227 = 895.
    expect([man.numerator, man.denominator, woman.numerator, woman.denominator]).toEqual([71, 820, 38, 895]);
    expect(woman.is_reference).toBe(true);
    expect(man.reference_group).toBe('Woman');
    // Two-proportion z on 71/820 vs 38/895: p1 = 0.086585, p2 = 0.042458, pooled 109/1715,
    // se = sqrt(0.063557 * 0.936443 * (1/820 + 1/895)) = 0.011793, z = 3.7418, p = 1.828e-4.
    expect(man.test).toBe('z');
    expect(man.p_value).toBeCloseTo(1.828e-4, 6);
  });

  it('keeps a group hidden in the pooled view when any quarter hid it', () => {
    const qs = [
      quarter('Q4', [['A', 10, 50], ['B', 12, 40], ['C', 6, 20]]),
      quarter('Q3', [['A', 10, 50], ['B', 12, 40], ['C', 2, 20]]),
      quarter('Q2', [['A', 10, 50], ['B', 12, 40], ['C', 6, 20]]),
      quarter('Q1', [['A', 10, 50], ['B', 12, 40], ['C', 6, 20]]),
    ];
    // In Q3, C's 2 of 20 is hidden, and with it B (the next smallest of the slice).
    expect(qs[1].rows.filter((r) => r.suppressed).map((r) => r.grp)).toEqual(['B', 'C']);
    const { rows, hidden } = poolQuarters(qs, { k: 5, reference: 'largest', adverse: false });
    expect(hidden).toBe(2);
    expect(rows.map((r) => [r.grp, r.suppressed, r.numerator, r.denominator])).toEqual([['A', false, 40, 200], ['B', true, null, null], ['C', true, null, null]]);
    expect(rows[1]).toMatchObject({ rate: null, p_value: null, note: 'fewer than 5' });
  });

  it('hides the next smallest group of a slice too when the pooled view hides exactly one', () => {
    const qs = ['Q4', 'Q3', 'Q2', 'Q1'].map((label) => quarter(label, [['A', 10, 50], ['B', 12, 40], ['C', 6, 20], ['D', 8, 30]]));
    // C is missing from Q3 (e.g. nobody of it was employed then): the model layer hid nothing, the pooled view must.
    qs[1] = quarter('Q3', [['A', 10, 50], ['B', 12, 40], ['D', 8, 30]]);
    const { rows, hidden } = poolQuarters(qs, { k: 5, reference: 'largest', adverse: false });
    // C is hidden, and D (30 x 4 = 120, the smallest shown) with it; A and B are summed.
    expect(hidden).toBe(2);
    expect(rows.map((r) => [r.grp, r.suppressed, r.numerator, r.denominator])).toEqual([
      ['A', false, 40, 200], ['B', false, 48, 160], ['C', true, null, null], ['D', true, null, null],
    ]);
  });
});
