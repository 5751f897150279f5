import { describe, it, expect } from 'vitest';
import { rateStats } from '../../src/models/rateStats';

// The reference group is chosen per dimension (METRICS.md): the same group in every slice,
// unless it is hidden there; "highest rate" is per slice.

const input = [
  // 'all': Man 60, Woman 50, Non-binary 10
  { slice: 'all', grp: 'Man', numerator: 30, denominator: 60 },
  { slice: 'all', grp: 'Woman', numerator: 20, denominator: 50 },
  { slice: 'all', grp: 'Non-binary', numerator: 5, denominator: 10 },
  // 'level L3': Woman is the larger group here, Man is still the reference
  { slice: 'level L3', grp: 'Man', numerator: 10, denominator: 20 },
  { slice: 'level L3', grp: 'Woman', numerator: 15, denominator: 40 },
  // 'level L4': Man has 2 people, so it is hidden; the slice falls back to its own largest
  { slice: 'level L4', grp: 'Man', numerator: 1, denominator: 2 },
  { slice: 'level L4', grp: 'Woman', numerator: 5, denominator: 10 },
  { slice: 'level L4', grp: 'Non-binary', numerator: 6, denominator: 12 },
  { slice: 'level L4', grp: 'Prefer not to say', numerator: 20, denominator: 40 },
];
const ref = (rows: ReturnType<typeof rateStats>, slice: string) => [...new Set(rows.filter((r) => r.slice === slice && !r.suppressed && r.grp !== 'Prefer not to say').map((r) => r.reference_group))];

describe('reference group', () => {
  it('largest: the dimension\'s largest group in every slice where it is shown', () => {
    const rows = rateStats(input, { k: 5, reference: 'largest', adverse: false });
    expect(ref(rows, 'all')).toEqual(['Man']);
    expect(ref(rows, 'level L3')).toEqual(['Man']);
    const woman = rows.find((r) => r.slice === 'level L3' && r.grp === 'Woman')!;
    expect(woman.impact_ratio).toBeCloseTo((15 / 40) / (10 / 20), 12);
    // Man hidden at L4 (2 people), and with it the next smallest (Woman, complementary): the
    // reference there is the largest shown known group; "Prefer not to say" is never one.
    expect(rows.filter((r) => r.slice === 'level L4' && r.suppressed).map((r) => r.grp)).toEqual(['Man', 'Woman']);
    expect(ref(rows, 'level L4')).toEqual(['Non-binary']);
  });

  it('a chosen group, where shown; highest rate per slice', () => {
    const chosen = rateStats(input, { k: 5, reference: { group: 'Woman' }, adverse: false });
    expect(ref(chosen, 'all')).toEqual(['Woman']);
    expect(ref(chosen, 'level L3')).toEqual(['Woman']);
    const highest = rateStats(input, { k: 5, reference: 'highest', adverse: false });
    // Man and Non-binary both at 0.5: the larger group wins the tie.
    expect(ref(highest, 'all')).toEqual(['Man']);
    expect(ref(highest, 'level L3')).toEqual(['Man']);
  });
});
