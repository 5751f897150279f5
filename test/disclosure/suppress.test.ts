import { describe, it, expect } from 'vitest';
import { addComplementary, suppressCells, type SuppressionReason } from '../../src/disclosure/suppress';
import { suppressTableRows } from '../../src/disclosure/suppressTable';
import { rateStats } from '../../src/models/rateStats';

type Cell = { block: string; cross?: string; total?: boolean; size: number };
const hiddenOf = (cells: Cell[], reasons: (SuppressionReason | null)[]) =>
  cells.filter((_, i) => reasons[i] !== null).map((c) => `${c.block}/${c.cross ?? ''}`).sort();

/** A grid of slices (blocks) x groups (cross blocks) from rows of sizes, first row = groups. */
function grid(spec: Record<string, Record<string, number>>): Cell[] {
  return Object.entries(spec).flatMap(([block, row]) => Object.entries(row).map(([cross, size]) => ({ block, cross, size })));
}
const reasonsFor = (cells: Cell[], primary: string[]) =>
  cells.map((c): SuppressionReason | null => (primary.includes(`${c.block}/${c.cross}`) ? 'small count' : null));

describe('addComplementary within blocks', () => {
  it('hides the next smallest cell of a block with one hidden cell, and leaves blocks of zero or two alone', () => {
    const cells: Cell[] = [
      { block: 'x', size: 2 }, { block: 'x', size: 9 }, { block: 'x', size: 5 },
      { block: 'y', size: 1 }, { block: 'y', size: 2 }, { block: 'y', size: 8 },
      { block: 'z', size: 7 }, { block: 'z', size: 6 },
    ];
    const primary: (SuppressionReason | null)[] = ['small group', null, null, 'small group', 'small group', null, null, null];
    expect(addComplementary(cells, primary)).toEqual(['small group', null, 'complementary', 'small group', 'small group', null, null, null]);
  });

  it('leaves a block of a single cell as it is: there is nothing to hide it among', () => {
    expect(addComplementary([{ block: 'x', size: 2 }, { block: 'y', size: 9 }], ['small group', null])).toEqual(['small group', null]);
  });
});

describe('addComplementary across slices', () => {
  // Slices L1..L3 partition 'all'; every column (group) adds up to its 'all' cell, every
  // slice to a total shown elsewhere. Only L1/A is small.
  const cells = grid({
    all: { A: 47, B: 50, C: 90 },
    L1: { A: 2, B: 6, C: 30 },
    L2: { A: 5, B: 40, C: 30 },
    L3: { A: 40, B: 4, C: 30 },
  });

  it('repeats on both axes until no slice and no group holds exactly one hidden cell', () => {
    // By hand, relations in order all, A, B, C, L1, L2, L3:
    // round 1: A has L1/A alone -> its smallest other cell L2/A (5); L1 has L1/A alone -> L1/B (6);
    //          L2 now has L2/A alone -> L2/C (30, below L2/B's 40).
    // round 2: B has L1/B alone -> L3/B (4); C has L2/C alone -> L1/C (30, first of the two 30s);
    //          L3 has L3/B alone -> L3/C (30, below L3/A's 40).
    // round 3: every relation holds 0 or at least 2 hidden cells.
    const out = addComplementary(cells, reasonsFor(cells, ['L1/A']));
    expect(hiddenOf(cells, out)).toEqual(['L1/A', 'L1/B', 'L1/C', 'L2/A', 'L2/C', 'L3/B', 'L3/C']);
    expect(out.filter((r) => r === 'complementary')).toHaveLength(6);
    // One round on each axis is not enough: slices only gives L1/B, which leaves A and B alone.
    const slicesOnly = addComplementary(cells.map(({ block, size }) => ({ block, size })), reasonsFor(cells, ['L1/A']));
    expect(hiddenOf(cells, slicesOnly)).toEqual(['L1/A', 'L1/B']);
  });

  it('keeps the total slice out of it while a part can do', () => {
    const out = addComplementary(cells, reasonsFor(cells, ['L1/A']));
    expect(cells.filter((c, i) => c.block === 'all' && out[i] !== null)).toEqual([]);
  });

  it('takes a part before the total slice, even when sizes tie (equal denominators in every slice)', () => {
    const g: Cell[] = [
      { block: 'all', cross: 'A', size: 8 }, { block: 'all', cross: 'B', size: 8 }, { block: 'all', cross: 'C', size: 8 },
      { block: 'formal', cross: 'A', size: 8 }, { block: 'formal', cross: 'B', size: 8 }, { block: 'formal', cross: 'C', size: 8 },
      { block: 'peer', cross: 'A', size: 8 }, { block: 'peer', cross: 'B', size: 8 }, { block: 'peer', cross: 'C', size: 8 },
    ].map((c) => ({ ...c, total: c.block === 'all' }));
    // formal/A hidden: A takes peer/A (not all/A, first in order); formal takes formal/B, then
    // peer takes peer/B; B then holds formal/B and peer/B.
    const out = addComplementary(g, g.map((c) => (c.block === 'formal' && c.cross === 'A' ? 'small count' : null)));
    expect(hiddenOf(g, out)).toEqual(['formal/A', 'formal/B', 'peer/A', 'peer/B']);
    // Without the mark, the tie goes to input order and the headline all/A is hidden.
    const unmarked = addComplementary(g.map(({ total: _t, ...c }) => c), g.map((c) => (c.block === 'formal' && c.cross === 'A' ? 'small count' : null)));
    expect(hiddenOf(g, unmarked)).toContain('all/A');
  });

  it('closes a cycle through a hidden cell that two hidden squares would still pin down', () => {
    // Hidden: square S1,S2 x A,B and square S3,S4 x C,D, joined by S1/C. Every slice and group
    // holds 2 or 3 hidden cells, yet S1/C is determined: the S1 total minus shown S1 cells gives
    // S1/A + S1/B + S1/C; the A and B totals give (S1/A + S2/A) and (S1/B + S2/B); the S2 total
    // gives S2/A + S2/B; so S1/C = (S1 rest) - (A rest) - (B rest) + (S2 rest). The cheapest
    // shown cell that joins the two halves is S2/D (7), which puts S1/C on a cycle
    // S1-C-S4-D-S2-A-S1.
    const g = grid({
      S1: { A: 50, B: 50, C: 50, D: 60 },
      S2: { A: 50, B: 50, C: 30, D: 7 },
      S3: { A: 40, B: 45, C: 50, D: 50 },
      S4: { A: 35, B: 90, C: 50, D: 50 },
    });
    const primary = ['S1/A', 'S1/B', 'S2/A', 'S2/B', 'S3/C', 'S3/D', 'S4/C', 'S4/D', 'S1/C'];
    const out = addComplementary(g, reasonsFor(g, primary));
    expect(hiddenOf(g, out)).toEqual([...primary, 'S2/D'].sort());
  });

  it('terminates when a lone cell has nothing to hide it among', () => {
    const g: Cell[] = [{ block: 'S1', cross: 'A', size: 2 }, { block: 'S2', cross: 'B', size: 9 }];
    expect(addComplementary(g, ['small group', null])).toEqual(['small group', null]);
  });
});

describe('suppressCells and the rows built on it', () => {
  it('suppressCells takes the cross block and the denominator as size', () => {
    const out = suppressCells([
      { block: 'all', cross: 'A', numerator: 3, denominator: 20 },
      { block: 'all', cross: 'B', numerator: 5, denominator: 30 },
      { block: 'L1', cross: 'A', numerator: 0, denominator: 2 },
      { block: 'L1', cross: 'B', numerator: 0, denominator: 10 },
      { block: 'L2', cross: 'A', numerator: 3, denominator: 18 },
      { block: 'L2', cross: 'B', numerator: 5, denominator: 20 },
    ], 3);
    // L1/A is a group of 2; A then needs L2/A (18 < 20), L1 needs L1/B, L2 then holds two.
    expect(out).toEqual([null, null, 'small group', 'complementary', 'complementary', 'complementary']);
  });

  it('rateStats with cross_block grp hides a group\'s level cell with the slice total beside it, and the hidden rows carry no statistic', () => {
    // Promotions; the levels partition 'all' for each group. k = 5: level 1/A is a group of 4.
    const input = [
      { slice: 'all', grp: 'A', numerator: 6, denominator: 40 }, { slice: 'all', grp: 'B', numerator: 10, denominator: 50 },
      { slice: 'level 1', grp: 'A', numerator: 0, denominator: 4 }, { slice: 'level 1', grp: 'B', numerator: 5, denominator: 25 },
      { slice: 'level 2', grp: 'A', numerator: 6, denominator: 36 }, { slice: 'level 2', grp: 'B', numerator: 5, denominator: 25 },
    ];
    const opts = { k: 5, reference: 'largest' as const, adverse: false };
    // Within slices only, level 1/B is the complement, and level 1/A = all/A - level 2/A (0 of 4).
    const without = rateStats(input, opts);
    expect(without.filter((r) => r.suppressed).map((r) => `${r.slice}/${r.grp}`)).toEqual(['level 1/A', 'level 1/B']);
    // Across slices A needs level 2/A too (36 < 40), and level 2 then needs level 2/B.
    const withCross = rateStats(input, { ...opts, crossBlock: ['grp'] });
    expect(withCross.filter((r) => r.suppressed).map((r) => `${r.slice}/${r.grp}`)).toEqual(['level 1/A', 'level 1/B', 'level 2/A', 'level 2/B']);
    for (const r of withCross.filter((x) => x.suppressed)) {
      expect(Object.entries(r).filter(([k, v]) => typeof v === 'number' || (typeof v === 'string' && !['slice', 'grp', 'note'].includes(k)))).toEqual([]);
    }
    // 'all' stays shown and keeps its statistics.
    expect(withCross.filter((r) => r.slice === 'all').every((r) => !r.suppressed && r.rate !== null)).toBe(true);
  });

  it('suppressTableRows applies the cross block, so a group\'s share across levels cannot be completed from its total', () => {
    const rows = [
      { slice: 'L1', grp: 'A', count: 2, group_total: 30 }, { slice: 'L1', grp: 'B', count: 10, group_total: 40 },
      { slice: 'L2', grp: 'A', count: 28, group_total: 30 }, { slice: 'L2', grp: 'B', count: 30, group_total: 40 },
    ];
    const d = { groupSize: 'group_total', counts: ['count'], block: ['slice'], keys: ['slice', 'grp'] };
    const plain = suppressTableRows(rows, d, 3);
    expect(plain.map((r) => r.suppressed)).toEqual([true, true, false, false]);
    const crossed = suppressTableRows(rows, { ...d, crossBlock: ['grp'] }, 3);
    expect(crossed.map((r) => r.suppressed)).toEqual([true, true, true, true]);
    expect(crossed[2]).toEqual({ slice: 'L2', grp: 'A', count: null, group_total: null, suppressed: true, note: 'fewer than 3' });
  });
});
