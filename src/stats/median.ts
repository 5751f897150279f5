/**
 * Median of the values (mean of the two middle values for an even count);
 * null for no values. NaN values are rejected.
 */
export function median(values: number[]): number | null {
  const n = values.length;
  if (n === 0) return null;
  const sorted = Float64Array.from(values);
  for (const v of sorted) {
    if (Number.isNaN(v)) throw new RangeError('median of NaN');
  }
  sorted.sort();
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
