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
  /** Cells in one cross block add up too (one group across slices that partition a total slice). */
  cross?: string;
  /** A cell of the total slice: the complement only when no part of its cross block can be. */
  total?: boolean;
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
 * Complementary suppression. A cell is in one block (the cells of one slice: their sum is a
 * total that may be shown elsewhere) and, where a model declares it, in one cross block too
 * (one group's cells across slices that add up to a total slice beside them, e.g. 'all' and
 * the levels that partition it). Either relation gives a lone hidden cell away by
 * subtraction, so:
 * 1. in any block or cross block with exactly one hidden cell, the next smallest cell is
 *    hidden too, repeated until nothing changes, since hiding a cell for one relation can
 *    leave another with a lone hidden cell;
 * 2. with cross blocks the hidden cells form a graph (relations are nodes, a cell joins its
 *    two relations), and a hidden cell on no cycle of that graph is still determined by the
 *    relations even when every relation holds two hidden cells (two hidden squares joined by
 *    one hidden cell); such a cell gets the cheapest chain of shown cells that closes a cycle
 *    through it, then step 1 runs again.
 * Sizes order the choice (smallest first, then input order), parts before totals: the total
 * slice is the headline figure, and hiding a part protects as well. Cells without a cross block
 * meet in one unconstrained node, where step 2 finds nothing step 1 had not.
 */
export function addComplementary(
  cells: { block: string; cross?: string; total?: boolean; size: number }[],
  reasons: (SuppressionReason | null)[],
): (SuppressionReason | null)[] {
  const out = [...reasons];
  const ends = cells.map((c) => [`b\u001f${c.block}`, c.cross === undefined ? FREE : `c\u001f${c.cross}`] as const);
  const members = new Map<string, number[]>();
  ends.forEach((e, i) => e.forEach((n) => { if (n !== FREE) members.set(n, [...(members.get(n) ?? []), i]); }));
  const bySize = (a: number, b: number) => Number(Boolean(cells[a].total)) - Number(Boolean(cells[b].total)) || cells[a].size - cells[b].size || a - b;
  const unclosable = new Set<number>();
  for (;;) {
    for (let changed = true; changed;) {
      changed = false;
      for (const idx of members.values()) {
        if (idx.filter((i) => out[i] !== null).length !== 1) continue;
        const shown = idx.filter((i) => out[i] === null).sort(bySize);
        if (shown.length) { out[shown[0]] = 'complementary'; changed = true; }
      }
    }
    const bridge = out.findIndex((r, i) => r !== null && !unclosable.has(i) && ends[i][1] !== FREE && isBridge(i, ends, out));
    if (bridge < 0) return out;
    const chain = cheapestChain(bridge, ends, out, cells.map((c) => c.size));
    if (!chain) { unclosable.add(bridge); continue; }
    for (const i of chain) out[i] = 'complementary';
  }
}

const FREE = '\u0000free';

/** Whether the hidden cell i is on no cycle of hidden cells (so the relations determine it). */
function isBridge(i: number, ends: (readonly [string, string])[], reasons: (SuppressionReason | null)[]): boolean {
  const [from, to] = ends[i];
  const adjacent = new Map<string, string[]>();
  ends.forEach(([a, b], j) => {
    if (j === i || reasons[j] === null) return;
    adjacent.set(a, [...(adjacent.get(a) ?? []), b]);
    adjacent.set(b, [...(adjacent.get(b) ?? []), a]);
  });
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length) {
    const n = queue.shift()!;
    if (n === to) return false;
    for (const m of adjacent.get(n) ?? []) if (!seen.has(m)) { seen.add(m); queue.push(m); }
  }
  return true;
}

/**
 * The shown cells of the cheapest path between the two relations of cell i that avoids i
 * (hidden cells cost nothing, a shown cell its size), or null when no such path exists.
 */
function cheapestChain(i: number, ends: (readonly [string, string])[], reasons: (SuppressionReason | null)[], sizes: number[]): number[] | null {
  const [from, to] = ends[i];
  const dist = new Map<string, number>([[from, 0]]);
  const via = new Map<string, number>();
  const done = new Set<string>();
  for (;;) {
    let n: string | undefined;
    for (const [m, d] of dist) if (!done.has(m) && (n === undefined || d < dist.get(n)!)) n = m;
    if (n === undefined) return null;
    if (n === to) break;
    done.add(n);
    ends.forEach(([a, b], j) => {
      if (j === i || (a !== n && b !== n)) return;
      const m = a === n ? b : a;
      const d = dist.get(n)! + (reasons[j] === null ? Math.max(sizes[j], 0) + 1 : 0);
      if (!done.has(m) && d < (dist.get(m) ?? Infinity)) { dist.set(m, d); via.set(m, j); }
    });
  }
  const chain: number[] = [];
  for (let n = to; n !== from;) {
    const j = via.get(n)!;
    if (reasons[j] === null) chain.push(j);
    n = ends[j][0] === n ? ends[j][1] : ends[j][0];
  }
  return chain;
}

export function suppressCells(cells: CountCell[], k: number): (SuppressionReason | null)[] {
  checkK(k);
  const primary = cells.map((c) => primaryReason(c.numerator, c.denominator, k));
  return addComplementary(cells.map((c) => ({ block: c.block, cross: c.cross, total: c.total, size: c.denominator })), primary);
}

export const suppressedNote = (k: number): string => `fewer than ${k}`;
