import type { ColumnSpec } from '../../arrow/toArrow';
import { addComplementary, checkK, suppressedNote, type SuppressionReason } from '../../disclosure/suppress';
import type { PostProcessor } from './index';

export const MATRIX_COLUMNS: ColumnSpec[] = [
  { name: 'mentor_grp', type: 'utf8' }, { name: 'mentee_grp', type: 'utf8' },
  { name: 'observed', type: 'int32' }, { name: 'expected', type: 'float64' }, { name: 'ratio', type: 'float64' },
  { name: 'suppressed', type: 'bool' }, { name: 'note', type: 'utf8' },
];

interface Cell { row: string; col: string; observed: number }

const isSmall = (n: number, k: number) => n >= 1 && n < k;

function totals(cells: Cell[], by: 'row' | 'col'): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of cells) out.set(c[by], (out.get(c[by]) ?? 0) + c.observed);
  return out;
}

/**
 * Observed / expected under independence for a two-way table of counts (SQL rows:
 * mentor_grp, mentee_grp, observed, the full grid with zeros), with disclosure control that
 * works in both directions of the table.
 *
 * Why not suppressTable: the expected counts give away every row and column total
 * (sum of a row's expected = its total), so a table cell is protected only if both its row
 * and its column keep at least two hidden cells, and a total is itself a count.
 * 1. A group whose total is 1..k-1 (as mentor group or as mentee group) is hidden entirely
 *    and left out of the table the expected counts are computed on; that changes other
 *    totals, so this repeats until no shown total is small. Nothing shown then depends on the
 *    hidden group's counts.
 * 2. Cells with 1..k-1 observed are hidden.
 * 3. Complementary suppression (addComplementary, rows as blocks and columns as cross
 *    blocks): no row or column is left with exactly one hidden cell, and no hidden cell is
 *    pinned down by the rows and columns together. A zero cell is
 *    taken as complement only when nothing else is left, since a hidden zero protects little.
 * A hidden cell shows neither observed, expected nor ratio; zeros are shown (a zero is an
 * answer, and singles nobody out).
 */
export const matrix: PostProcessor = (raw, { params }) => {
  const k = params.k;
  checkK(k);
  const cells: Cell[] = raw.map((r) => ({ row: String(r.mentor_grp), col: String(r.mentee_grp), observed: Number(r.observed) }));

  const hiddenRows = new Set<string>();
  const hiddenCols = new Set<string>();
  const inGrid = (c: Cell) => !hiddenRows.has(c.row) && !hiddenCols.has(c.col);
  for (;;) {
    const grid = cells.filter(inGrid);
    const small = (m: Map<string, number>) => [...m].filter(([, n]) => isSmall(n, k)).map(([g]) => g);
    const rows = small(totals(grid, 'row'));
    const cols = small(totals(grid, 'col'));
    if (!rows.length && !cols.length) break;
    rows.forEach((g) => hiddenRows.add(g));
    cols.forEach((g) => hiddenCols.add(g));
  }

  const grid = cells.filter(inGrid);
  const rowTotal = totals(grid, 'row');
  const colTotal = totals(grid, 'col');
  const grand = grid.reduce((s, c) => s + c.observed, 0);

  const primary: (SuppressionReason | null)[] = grid.map((c) => (isSmall(c.observed, k) ? 'small count' : null));
  const size = (c: Cell) => (c.observed === 0 ? Number.MAX_SAFE_INTEGER : c.observed);
  const reasons = addComplementary(grid.map((c) => ({ block: c.row, cross: c.col, size: size(c) })), primary);
  const reasonOf = new Map(grid.map((c, i) => [c, reasons[i]]));

  const rows = cells.map((c) => {
    const base = { mentor_grp: c.row, mentee_grp: c.col };
    if (!inGrid(c) || reasonOf.get(c) !== null) {
      return { ...base, observed: null, expected: null, ratio: null, suppressed: true, note: suppressedNote(k) };
    }
    const expected = grand > 0 ? (rowTotal.get(c.row)! * colTotal.get(c.col)!) / grand : 0;
    return { ...base, observed: c.observed, expected, ratio: expected > 0 ? c.observed / expected : null, suppressed: false, note: null };
  });
  const notes = hiddenRows.size || hiddenCols.size
    ? [`Groups with fewer than ${k} matches in all are hidden and left out of the expected counts.`]
    : [];
  return { columns: MATRIX_COLUMNS, rows, notes };
};
