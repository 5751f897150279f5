/**
 * Small-cell suppression (METRICS.md, "Disclosure control"). Applied by the model runner to
 * every output before it leaves the core, so no chart, table, report or export can show a
 * figure it suppressed.
 */

export const MIN_K = 3;
export const DEFAULT_K = 5;

export interface CountCell {
  /** Cells in one block are complementary: a total over the block may be shown elsewhere. */
  block: string;
  numerator: number;
  denominator: number;
}

export type SuppressionReason = 'small group' | 'small count' | 'complementary';

const isSmall = (n: number, k: number) => n >= 1 && n < k;

export function checkK(k: number): void {
  if (!(Number.isInteger(k) && k >= MIN_K)) throw new Error(`k must be a whole number of at least ${MIN_K}`);
}

/**
 * A group is suppressed when its denominator is below k, or when the people with (or
 * without) the outcome number 1..k-1: "2 of 40 left" singles people out as surely as a
 * group of 2.
 */
export function primaryReason(numerator: number, denominator: number, k: number): SuppressionReason | null {
  if (denominator < k) return 'small group';
  if (isSmall(numerator, k) || isSmall(denominator - numerator, k)) return 'small count';
  return null;
}

/**
 * In any block with exactly one suppressed cell, the next smallest cell is suppressed too,
 * so that nothing is recovered by subtracting the shown cells from a total.
 */
export function addComplementary(cells: { block: string; size: number }[], reasons: (SuppressionReason | null)[]): (SuppressionReason | null)[] {
  const out = [...reasons];
  const blocks = new Map<string, number[]>();
  cells.forEach((c, i) => blocks.set(c.block, [...(blocks.get(c.block) ?? []), i]));
  for (const idx of blocks.values()) {
    if (idx.filter((i) => out[i] !== null).length !== 1) continue;
    const shown = idx.filter((i) => out[i] === null).sort((a, b) => cells[a].size - cells[b].size || a - b);
    if (shown.length) out[shown[0]] = 'complementary';
  }
  return out;
}

export function suppressCells(cells: CountCell[], k: number): (SuppressionReason | null)[] {
  checkK(k);
  const primary = cells.map((c) => primaryReason(c.numerator, c.denominator, k));
  return addComplementary(cells.map((c) => ({ block: c.block, size: c.denominator })), primary);
}

export const suppressedNote = (k: number): string => `fewer than ${k}`;
