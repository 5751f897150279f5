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

/**
 * A group is suppressed when its denominator is below k, or when the people with (or
 * without) the outcome number 1..k-1: "2 of 40 left" singles people out as surely as a
 * group of 2. Then, in any block with exactly one suppressed cell, the next smallest cell
 * is suppressed too, so that nothing is recovered by subtracting the shown cells from a
 * total.
 */
export function suppressCells(cells: CountCell[], k: number): (SuppressionReason | null)[] {
  if (!(k >= MIN_K)) throw new Error(`k must be at least ${MIN_K}`);
  const small = (n: number) => n >= 1 && n < k;
  const out: (SuppressionReason | null)[] = cells.map((c) =>
    c.denominator < k ? 'small group'
      : small(c.numerator) || small(c.denominator - c.numerator) ? 'small count'
        : null,
  );
  const blocks = new Map<string, number[]>();
  cells.forEach((c, i) => blocks.set(c.block, [...(blocks.get(c.block) ?? []), i]));
  for (const idx of blocks.values()) {
    const hidden = idx.filter((i) => out[i] !== null);
    if (hidden.length !== 1) continue;
    const shown = idx.filter((i) => out[i] === null);
    if (!shown.length) continue;
    shown.sort((a, b) => cells[a].denominator - cells[b].denominator || cells[a].numerator - cells[b].numerator);
    out[shown[0]] = 'complementary';
  }
  return out;
}

export const suppressedNote = (k: number): string => `fewer than ${k}`;
