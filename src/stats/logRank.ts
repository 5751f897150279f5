import jStat from 'jstat';
import { countByTime, mergeCounts, type SurvivalOptions, type TimeCount } from './kaplanMeier';

export interface SurvivalGroup {
  times: number[];
  /** true = event at times[i], false = censored at times[i]. */
  events: boolean[];
}

export interface LogRankResult {
  chi2: number;
  df: number;
  p: number;
}

/**
 * k-sample log-rank test, identical to R survival::survdiff (rho = 0); for two
 * groups it equals scipy.stats.logrank (statistic squared). At each distinct
 * event time t with n at risk and d events overall, group j contributes
 *   O_j += d_j,  E_j += d n_j / n,
 *   V_jl += d (n - d) / (n - 1) * (n_j / n) (delta_jl - n_l / n).
 * As survdiff, groups with E_j = 0 (empty, or all gone before the first event)
 * are dropped, one remaining group is left out, and chi2 = (O - E)' V^-1 (O - E)
 * with df = (groups kept) - 1. Where R's solve() would fail on a singular V
 * (e.g. every event time wipes out the whole risk set), directions with no
 * variance are dropped (a generalized inverse) and df is the rank of V.
 * Fewer than two groups with any expected event: no test, chi2 0, df 0, p NaN
 * (R would report p = 0 here, which is meaningless).
 */
export function logRankTest(groups: SurvivalGroup[]): LogRankResult {
  return logRankTestCounts(groups.map((g, j) => {
    if (g.times.length !== g.events.length) {
      throw new RangeError(`group ${j}: times (${g.times.length}) and events (${g.events.length}) differ in length`);
    }
    return countByTime(g.times, g.events);
  }));
}

/**
 * The k-sample log-rank test on counts per time for each group (in any order; a time listed
 * twice in a group adds up). With delayed entry (`entered`) the risk sets are those of
 * kaplanMeierCounts; with `from`, only event times at or after it count.
 */
export function logRankTestCounts(groups: TimeCount[][], options: Pick<SurvivalOptions, 'from'> = {}): LogRankResult {
  const from = options.from ?? Number.NEGATIVE_INFINITY;
  const k = groups.length;
  // The groups' times are walked in step, each group in time order: a survival model hands
  // over thousands of times per group, and looking each time up in every group (with arrays
  // per time) cost more than the rest of its post-processing.
  const merged = groups.map((g) => mergeCounts(g));
  const inOrder = merged.map((m) => m.sorted);
  const atRisk = Float64Array.from(merged, (m) => m.initial);
  const next = new Int32Array(k);
  const dj = new Float64Array(k);
  const removed = new Float64Array(k);
  const observed = new Array<number>(k).fill(0);
  const expected = new Array<number>(k).fill(0);
  const variance = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  let total = atRisk.reduce((s, v) => s + v, 0);
  for (;;) {
    let time = Infinity;
    for (let a = 0; a < k; a++) if (next[a] < inOrder[a].length && inOrder[a][next[a]].time < time) time = inOrder[a][next[a]].time;
    if (time === Infinity) break;
    let d = 0;
    for (let a = 0; a < k; a++) {
      dj[a] = 0;
      removed[a] = 0;
      const g = inOrder[a];
      if (next[a] < g.length && g[next[a]].time === time) {
        const row = g[next[a]++];
        dj[a] = row.events;
        removed[a] = row.events + row.censored;
        atRisk[a] += row.entered;
        total += row.entered;
      }
      d += dj[a];
    }
    if (d > 0 && time >= from) {
      const n = total;
      const factor = n > 1 ? (d * (n - d)) / (n - 1) : 0;
      for (let a = 0; a < k; a++) {
        observed[a] += dj[a];
        expected[a] += (d * atRisk[a]) / n;
        if (factor === 0) continue;
        for (let b = 0; b < k; b++) {
          const delta = a === b ? 1 : 0;
          variance[a][b] += factor * (atRisk[a] / n) * (delta - atRisk[b] / n);
        }
      }
    }
    for (let a = 0; a < k; a++) {
      atRisk[a] -= removed[a];
      total -= removed[a];
    }
  }

  const kept = expected.map((e, j) => (e > 0 ? j : -1)).filter((j) => j >= 0);
  if (kept.length < 2) return { chi2: 0, df: 0, p: Number.NaN };
  const use = kept.slice(1);
  const diff = use.map((j) => observed[j] - expected[j]);
  const v = use.map((a) => use.map((b) => variance[a][b]));
  const { value, rank } = quadraticFormGeneralized(v, diff);
  if (rank === 0) return { chi2: 0, df: 0, p: Number.NaN };
  const chi2 = Math.max(0, value);
  const p = Math.min(1, Math.max(0, 1 - jStat.chisquare.cdf(chi2, rank)));
  return { chi2, df: rank, p };
}

/**
 * x' A^- x for a symmetric positive semi-definite A, by a symmetric (LDL')
 * elimination that skips pivots below a relative tolerance (a generalized
 * inverse, as R survival's cholesky2 does). Returns the value and the rank.
 */
function quadraticFormGeneralized(matrix: number[][], x: number[]): { value: number; rank: number } {
  const m = x.length;
  const a = matrix.map((row) => row.slice());
  const y = x.slice();
  const maxDiag = Math.max(0, ...a.map((row, r) => Math.abs(row[r])));
  const tol = maxDiag * 1e-9;
  let value = 0;
  let rank = 0;
  for (let p = 0; p < m; p++) {
    const pivot = a[p][p];
    if (!(pivot > tol)) continue; // no variance left in this direction
    rank++;
    value += (y[p] * y[p]) / pivot;
    for (let r = p + 1; r < m; r++) {
      const f = a[r][p] / pivot;
      if (f === 0) continue;
      y[r] -= f * y[p];
      for (let c = p + 1; c < m; c++) a[r][c] -= f * a[p][c];
    }
  }
  return { value, rank };
}
