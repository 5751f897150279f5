/**
 * Benjamini-Hochberg adjusted p-values (q-values), returned in input order;
 * equals statsmodels multipletests(p, method='fdr_bh')[1]:
 *   q_(i) = min_{j >= i} min(1, m p_(j) / j)   over the ascending order.
 * NaN entries (comparisons that could not be tested) stay NaN and are not
 * counted in m. Tied p-values get the same q. Throws on p outside [0, 1].
 */
export function benjaminiHochberg(pValues: number[]): number[] {
  const q = new Array<number>(pValues.length).fill(Number.NaN);
  const idx: number[] = [];
  pValues.forEach((p, i) => {
    if (Number.isNaN(p)) return;
    if (!(p >= 0 && p <= 1)) throw new RangeError(`p-value out of [0, 1] at index ${i}: ${p}`);
    idx.push(i);
  });
  const m = idx.length;
  idx.sort((i, j) => pValues[i] - pValues[j]);
  let running = 1;
  for (let r = m - 1; r >= 0; r--) {
    const i = idx[r];
    running = Math.min(running, (pValues[i] * m) / (r + 1));
    q[i] = running;
  }
  return q;
}
