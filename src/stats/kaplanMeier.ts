import jStat from 'jstat';
import { assertConfidence } from './validate';

export interface KaplanMeierPoint {
  /** A distinct observed time (event or censoring). */
  time: number;
  /** Product-limit estimate S(time), right-continuous: includes the events at `time`. */
  survival: number;
  /** Number at risk just before `time` (censorings at `time` are still at risk). */
  atRisk: number;
  events: number;
  censored: number;
  /** Log-log (exponential Greenwood) confidence band; see kaplanMeier. */
  lower: number;
  upper: number;
}

export interface KaplanMeierResult {
  curve: KaplanMeierPoint[];
  median: number | null;
  medianLower: number | null;
  medianUpper: number | null;
}

/** Tolerance for "survival <= 0.5", as R's quantile.survfit (sqrt(.Machine$double.eps)). */
const MEDIAN_TOLERANCE = Math.sqrt(Number.EPSILON);

function firstTimeAtOrBelowHalf(curve: KaplanMeierPoint[], pick: (p: KaplanMeierPoint) => number): number | null {
  for (const point of curve) {
    // NaN (an undefined band) never counts as having reached 0.5.
    if (pick(point) <= 0.5 + MEDIAN_TOLERANCE) return point.time;
  }
  return null;
}

/**
 * Kaplan-Meier product-limit estimate for right-censored data.
 *
 * - events[i] true = the event happened at times[i]; false = censored then.
 *   Ties: events are taken before censorings at the same time, so people
 *   censored at t are still at risk at t (as R survival and lifelines).
 * - One curve row per distinct time, events or censorings (as R survfit).
 * - Band: Greenwood variance of log S, var = sum d / (n (n - d)), and the
 *   log-log transform, identical to R survfit(conf.type = 'log-log') and
 *   SciPy's ecdf(...).sf.confidence_interval(method='log-log'):
 *     lower = S^exp(+z se / |log S|),  upper = S^exp(-z se / |log S|).
 *   Where S = 1 (before the first event) the band is [1, 1] (R gives NA; the
 *   variance is 0 there). Where S = 0 the band is undefined: lower and upper
 *   are NaN (R gives NA as well).
 * - median: the smallest time with S <= 0.5 (lifelines' convention; R's
 *   quantile.survfit differs only when S sits exactly at 0.5 on a flat, where
 *   it reports the midpoint of the flat). null when S never reaches 0.5.
 * - median CI: the same rule applied to the band, as R's quantile.survfit /
 *   print.survfit and lifelines do: medianLower = first time the lower band
 *   is <= 0.5, medianUpper = first time the upper band is <= 0.5; null when
 *   the band never gets there (R prints NA), and a NaN band (S = 0) never
 *   counts. Comparisons use R's tolerance sqrt(machine epsilon). Verified
 *   against a hand-coded NumPy reimplementation of this rule on the band from
 *   scipy.stats.ecdf (test/fixtures/stats/generate.py); lifelines and R are
 *   not available in the build environment.
 */
export function kaplanMeier(times: number[], events: boolean[], confidence = 0.95): KaplanMeierResult {
  if (times.length !== events.length) {
    throw new RangeError(`times (${times.length}) and events (${events.length}) differ in length`);
  }
  return kaplanMeierCounts(countByTime(times, events), confidence);
}

/** Events and censorings at one distinct time: what SQL aggregates to, so no person-level row reaches JS. */
export interface TimeCount {
  time: number;
  events: number;
  censored: number;
  /**
   * Delayed entry (left truncation): how many join the risk set at this time, having already
   * been followed this long when observation began. They are at risk from this time on,
   * events at this time included. Where no row of a group gives it, everyone is at risk from
   * the start, as in plain Kaplan-Meier.
   */
  entered?: number;
}

/** Options of kaplanMeierCounts and logRankTestCounts. */
export interface SurvivalOptions {
  confidence?: number;
  /**
   * Conditional estimate: only times at or after `from` count, so the curve is S(t | T >= from)
   * and starts at 1 there. With delayed entry, the first times can have a risk set of one or
   * two, and a single event there would decide the whole curve.
   */
  from?: number;
}

interface MergedCount { time: number; events: number; censored: number; entered: number }

/**
 * Rows merged by time and sorted; `delayed` when any row gives `entered`, and `initial`, the
 * number at risk from before the first time (everyone, without delayed entry; else none).
 */
export function mergeCounts(rows: readonly TimeCount[]): { sorted: MergedCount[]; delayed: boolean; initial: number } {
  const merged = new Map<number, MergedCount>();
  let delayed = false;
  for (const r of rows) {
    if (!Number.isFinite(r.time)) throw new RangeError(`time must be finite, got ${r.time}`);
    const entered = r.entered ?? 0;
    if (!(r.events >= 0 && r.censored >= 0 && entered >= 0)) throw new RangeError('counts must be non-negative');
    if (r.entered !== undefined) delayed = true;
    const m = merged.get(r.time) ?? { time: r.time, events: 0, censored: 0, entered: 0 };
    m.events += r.events;
    m.censored += r.censored;
    m.entered += entered;
    merged.set(r.time, m);
  }
  const sorted = [...merged.values()].sort((a, b) => a.time - b.time);
  if (!delayed) return { sorted, delayed, initial: sorted.reduce((s, r) => s + r.events + r.censored, 0) };
  {
    let atRisk = 0;
    for (const r of sorted) {
      atRisk += r.entered - r.events - r.censored;
      if (atRisk < 0) throw new RangeError(`more people leave the risk set than entered it by time ${r.time}`);
    }
    if (atRisk !== 0) throw new RangeError(`${atRisk} entered the risk set but never left it`);
  }
  return { sorted, delayed, initial: 0 };
}

/** Number at risk at `time` (entries at `time` counted, removals at `time` not yet). */
export function atRiskAt(rows: readonly TimeCount[], time: number): number {
  const { sorted, initial } = mergeCounts(rows);
  let atRisk = initial;
  for (const r of sorted) {
    if (r.time > time) break;
    atRisk += r.entered;
    if (r.time < time) atRisk -= r.events + r.censored;
  }
  return atRisk;
}

/** Number at risk at each time 0, step, 2 step, ... up to `last` (as atRiskAt, in one pass). */
export function atRiskOnGrid(rows: readonly TimeCount[], step: number, last: number): Int32Array {
  const { sorted, initial } = mergeCounts(rows);
  const grid = new Int32Array(Math.floor(last / step) + 1);
  let atRisk = initial;
  let i = 0;
  for (let g = 0; g < grid.length; g++) {
    const t = g * step;
    // Everything before t has entered and left; entries at t count, removals at t not yet.
    for (; i < sorted.length && sorted[i].time < t; i++) atRisk += sorted[i].entered - sorted[i].events - sorted[i].censored;
    grid[g] = atRisk + (i < sorted.length && sorted[i].time === t ? sorted[i].entered : 0);
  }
  return grid;
}

/** Aggregates (time, event) observations into TimeCount rows, sorted by time. */
export function countByTime(times: number[], events: boolean[]): TimeCount[] {
  const byTime = new Map<number, TimeCount>();
  times.forEach((t, i) => {
    if (!Number.isFinite(t)) throw new RangeError(`time must be finite, got ${t}`);
    const row = byTime.get(t) ?? { time: t, events: 0, censored: 0 };
    if (events[i]) row.events++;
    else row.censored++;
    byTime.set(t, row);
  });
  return [...byTime.values()].sort((a, b) => a.time - b.time);
}

/**
 * kaplanMeier on counts per distinct time (rows with the same time are merged). With delayed
 * entry (rows giving `entered`), the risk set at t holds those who entered at or before t and
 * had not left before t (lifelines' `entry`; R's counting-process form (entry, exit] differs
 * only for an entry and an event at the same time). The curve lists the times with events or
 * censorings; with `from`, only those at or after it, and the estimate is conditional on
 * reaching `from`.
 */
export function kaplanMeierCounts(rows: TimeCount[], options: number | SurvivalOptions = {}): KaplanMeierResult {
  const { confidence = 0.95, from = Number.NEGATIVE_INFINITY } = typeof options === 'number' ? { confidence: options } : options;
  assertConfidence(confidence);
  const { sorted, initial } = mergeCounts(rows);
  const z = jStat.normal.inv(1 - (1 - confidence) / 2, 0, 1);
  const curve: KaplanMeierPoint[] = [];
  let atRisk = initial;
  let survival = 1;
  let greenwood = 0;
  for (const { time, events: d, censored: c, entered } of sorted) {
    atRisk += entered;
    if (time < from || d + c === 0) {
      atRisk -= d + c;
      continue;
    }
    if (d > 0) {
      survival *= 1 - d / atRisk;
      greenwood += d === atRisk ? Number.POSITIVE_INFINITY : d / (atRisk * (atRisk - d));
    }
    let lower: number;
    let upper: number;
    if (survival === 1) {
      lower = 1;
      upper = 1;
    } else if (survival === 0) {
      lower = Number.NaN;
      upper = Number.NaN;
    } else {
      const logS = Math.log(survival);
      const shift = (z * Math.sqrt(greenwood)) / logS; // negative
      lower = Math.exp(logS * Math.exp(-shift));
      upper = Math.exp(logS * Math.exp(shift));
    }
    curve.push({ time, survival, atRisk, events: d, censored: c, lower, upper });
    atRisk -= d + c;
  }

  return {
    curve,
    median: firstTimeAtOrBelowHalf(curve, (p) => p.survival),
    medianLower: firstTimeAtOrBelowHalf(curve, (p) => p.lower),
    medianUpper: firstTimeAtOrBelowHalf(curve, (p) => p.upper),
  };
}
