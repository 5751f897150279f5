import { addComplementary, checkK, suppressedNote, type SuppressionReason } from './suppress';

export interface TableDisclosure {
  /** Column with the number of people behind each row. */
  groupSize: string;
  /** Other person counts in the row. */
  counts: string[];
  /** Columns that together name a block for complementary suppression. */
  block: string[];
  /** Columns that together name a cross block: rows that add up across blocks (none: no cross relation). */
  crossBlock?: string[];
  /** The block (its columns' values joined as for blocks) whose rows are the cross blocks' totals. */
  totalBlock?: string;
  /** Columns that identify the row (kept when the row is suppressed). */
  keys: string[];
}

/**
 * Row-level suppression for table models: a row whose group is smaller than k, or whose
 * counts include 1..k-1 people, keeps only its identifying columns; everything else becomes
 * null and the row says "fewer than k". Complementary suppression works per block, and per cross block where declared, as for rates.
 */
export function suppressTableRows(rows: Record<string, unknown>[], d: TableDisclosure, k: number): Record<string, unknown>[] {
  checkK(k);
  const size = (r: Record<string, unknown>) => Number(r[d.groupSize] ?? 0);
  const primary = rows.map((r): SuppressionReason | null =>
    size(r) < k ? 'small group'
      : d.counts.some((c) => { const n = Number(r[c] ?? 0); return n >= 1 && n < k; }) ? 'small count' : null);
  const key = (r: Record<string, unknown>, cols: string[]) => cols.map((b) => String(r[b] ?? '')).join('\u001f');
  const reasons = addComplementary(rows.map((r) => ({
    block: key(r, d.block), total: d.totalBlock !== undefined && key(r, d.block) === d.totalBlock, cross: d.crossBlock?.length ? key(r, d.crossBlock) : undefined, size: size(r),
  })), primary);
  return rows.map((r, i) => {
    if (reasons[i] === null) return { ...r, suppressed: false, note: null };
    const kept: Record<string, unknown> = {};
    for (const key of Object.keys(r)) kept[key] = d.keys.includes(key) ? r[key] : null;
    return { ...kept, suppressed: true, note: suppressedNote(k) };
  });
}
