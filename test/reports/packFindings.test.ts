import { describe, it, expect } from 'vitest';
import { packFindings } from '../../src/reports/packFindings';
import type { ModelBlock, PackResult, CellValue } from '../../src/reports/packSchema';

const ctx = { periodLabel: '2026-Q3', pooledLabel: '2025-Q4 to 2026-Q3', sectionOf: () => 'access' as const };

const result = (model: string, rows: Record<string, CellValue>[], window: PackResult['window'] = 'quarter'): PackResult => ({
  model, dimension: 'race_ethnicity', window, windowLabel: window === 'pooled' ? '2025-Q4 to 2026-Q3' : '2026-Q3', columns: [], rows, notes: [],
  references: [], comparePeriod: null, yearAgoPeriod: null,
});
const block = (model: string, kind: 'rate' | 'table', results: PackResult[], outcome: ModelBlock['outcome'] = null): ModelBlock => ({
  model, title: model, question: '', population: null, kind, outcome, needs: null, results,
});
const summary = (grp: string, n: number, median: number, lo: number | null, hi: number | null): Record<string, CellValue> => ({
  slice: 'all', grp, row_type: 'summary', n, events: n, median, median_lower: lo, median_upper: hi, logrank_chi2: 37.8, logrank_df: 2, logrank_p: 4.2e-7, suppressed: false, note: null,
});

describe('packFindings', () => {
  it('names a survival group only where its median CI does not overlap the reference group\'s', () => {
    const b = block('time_to_match', 'table', [result('time_to_match', [
      summary('White', 276, 18, 16, 22),
      summary('Hispanic or Latino', 85, 39, 27, 50),
      summary('Black or African American', 65, 15, 9, 21), // overlaps 16-22: no finding
      { slice: 'all', grp: 'Not recorded', row_type: 'summary', suppressed: true, note: 'fewer than 5' },
    ])]);
    const { findings, comparisonsWeighed } = packFindings([b], ctx);
    expect(comparisonsWeighed).toBe(1);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ group: 'Hispanic or Latino', comparedWith: 'White', test: 'log-rank', verdict: 'gap', window: 'quarter' });
    expect(findings[0].ratio).toBeCloseTo(39 / 18, 10);
    expect(findings[0].sentence).toBe('Hispanic or Latino waited a median of 39 days from asking for a mentor to being matched, 2.17x the 18 days of White, as of the end of 2026-Q3 (95% CI 27–50 vs 16–22 days; log-rank p < 0.001 across the groups, q < 0.001).');
  });

  it('speaks of the group that fares worse, even when it is the reference', () => {
    const rows: Record<string, CellValue>[] = [
      { slice: 'level L3', grp: 'Woman', numerator: 38, denominator: 895, rate: 38 / 895, is_reference: true, reference_group: 'Woman', p_value: null, suppressed: false },
      { slice: 'level L3', grp: 'Man', numerator: 71, denominator: 820, rate: 71 / 820, is_reference: false, reference_group: 'Woman', p_value: 1.828e-4, test: 'z', suppressed: false },
    ];
    const { findings } = packFindings([block('promotion_rate', 'rate', [result('promotion_rate', rows, 'pooled')], 'favourable')], ctx);
    expect(findings.map((f) => f.sentence)).toEqual(['Woman at level L3 were promoted at 0.49x the rate of Man over the four quarters 2025-Q4 to 2026-Q3 (38 of 895 vs 71 of 820 person-quarters; q < 0.001).']);
    expect(findings[0]).toMatchObject({ group: 'Woman', comparedWith: 'Man', verdict: 'gap' });
  });

  it('makes no finding without significance after adjusting the whole family, nor from a hidden row', () => {
    const rows: Record<string, CellValue>[] = [
      { slice: 'all', grp: 'A', numerator: 50, denominator: 100, rate: 0.5, is_reference: true, reference_group: 'A', p_value: null, suppressed: false },
      { slice: 'all', grp: 'B', numerator: 30, denominator: 100, rate: 0.3, is_reference: false, reference_group: 'A', p_value: 0.03, test: 'z', suppressed: false },
      { slice: 'all', grp: 'C', numerator: null, denominator: null, rate: null, is_reference: false, reference_group: null, p_value: null, suppressed: true },
    ];
    const single = packFindings([block('participation_rate', 'rate', [result('participation_rate', rows)], 'favourable')], ctx);
    expect(single.findings).toHaveLength(1);
    // The same p = 0.03 weighed with a second test of p = 0.9: q = min(1, 2 * 0.03 / 1) = 0.06.
    const other = rows.map((r) => (r.grp === 'B' ? { ...r, p_value: 0.9 } : r));
    const both = packFindings([
      block('participation_rate', 'rate', [result('participation_rate', rows)], 'favourable'),
      block('active_participation', 'rate', [result('active_participation', other)], 'favourable'),
    ], ctx);
    expect(both.comparisonsWeighed).toBe(2);
    expect(both.findings).toEqual([]);
  });

  it('compares a group\'s share among mentors with its share among those eligible', () => {
    const rows: Record<string, CellValue>[] = [
      { grp: 'Black or African American', mentors: 43, share_mentors: 43 / 478, eligible: 133, share_eligible: 133 / 1052, representation_index: (43 / 478) / (133 / 1052), suppressed: false },
      { grp: 'Not recorded', mentors: null, share_mentors: null, eligible: null, share_eligible: null, suppressed: true },
    ];
    const { findings } = packFindings([block('mentor_pool_representation', 'table', [result('mentor_pool_representation', rows)])], ctx);
    // 43 of 478 mentors vs 133 of 1052 eligible: pooled 176/1530, z = -2.072098, p = 0.038256.
    expect(findings).toHaveLength(1);
    expect(findings[0].p).toBeCloseTo(0.038256, 6);
    expect(findings[0].sentence).toBe('Black or African American made up 9.0% of the people who mentored in 2026-Q3 but 12.6% of those eligible to mentor (0.71x their share; 43 mentors, 133 eligible; q = 0.038).');
  });
});
