/**
 * Gini coefficient, population form: mean absolute difference over all
 * ordered pairs (i, j), divided by twice the mean,
 *   G = sum_i sum_j |x_i - x_j| / (2 n^2 mean),
 * computed in O(n log n) from the sorted values as
 *   G = sum_i (2i - n - 1) x_(i) / (n sum x),  i = 1..n.
 * Empty input or all zeros gives 0. Values must be finite and non-negative.
 */
export function gini(values: number[]): number {
  const n = values.length;
  if (n === 0) return 0;
  const sorted = Float64Array.from(values);
  for (const v of sorted) {
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`gini needs finite non-negative values, got ${v}`);
  }
  sorted.sort();
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    total += sorted[i];
    weighted += (2 * (i + 1) - n - 1) * sorted[i];
  }
  if (total === 0) return 0;
  return weighted / (n * total);
}
