import type { ColumnSpec } from '../../arrow/toArrow';
import { addComplementary, primaryReason, suppressedNote, type SuppressionReason } from '../../disclosure/suppress';
import { atRiskAt, atRiskOnGrid, kaplanMeierCounts, logRankTestCounts, type TimeCount } from '../../stats';
import { UNKNOWN_GROUPS, crossOf } from '../rateStats';
import type { PostProcessor } from './index';

export const SURVIVAL_COLUMNS: ColumnSpec[] = [
  { name: 'slice', type: 'utf8' }, { name: 'grp', type: 'utf8' }, { name: 'row_type', type: 'utf8' },
  { name: 't', type: 'float64' }, { name: 'survival', type: 'float64' }, { name: 'lower', type: 'float64' },
  { name: 'upper', type: 'float64' }, { name: 'at_risk', type: 'int32' },
  { name: 'n', type: 'int32' }, { name: 'events', type: 'int32' },
  { name: 'median', type: 'float64' }, { name: 'median_lower', type: 'float64' }, { name: 'median_upper', type: 'float64' },
  { name: 'from_t', type: 'float64' },
  { name: 'logrank_chi2', type: 'float64' }, { name: 'logrank_df', type: 'int32' }, { name: 'logrank_p', type: 'float64' },
  { name: 'suppressed', type: 'bool' }, { name: 'note', type: 'utf8' },
];

const finite = (x: number | null) => (x === null || !Number.isFinite(x) ? null : x);

/**
 * Kaplan-Meier per group from SQL rows (slice, grp, t, events, censored): people still
 * waiting count as censored, never dropped. One 'summary' row per group (n, events, median
 * with its 95% CI, and the log-rank test across the slice's shown groups), then 'point' rows
 * of the step curve, from t = 0.
 *
 * Disclosure, as for a rate: a group is suppressed when it has fewer than k people, or when
 * the people with the event, or without it, number 1..k-1 ("2 of 40 were promoted" singles
 * people out), with complementary suppression per slice, and per group across slices where
 * the header's cross_block says a total slice sits beside slices that add up to it. A curve
 * drawn event by event would show steps of one person at an exact number of days, which
 * someone who knows when a colleague was promoted can read their group from: each step shown
 * stands for at least k events (the estimate at a shown time is exact; the events between
 * two shown times are drawn together at the later one), but for the step at the median, which
 * the summary gives anyway; and the curve stops where fewer than k remain at risk.
 *
 * Delayed entry (an `entered` column: time_to_promotion's spells already under way when its
 * window opens): the first risk sets hold only the few who started within the window, and one
 * event among two would halve a curve for good. So the estimates of a slice start on its
 * first day on which every shown group has at least k at risk (`from_t` on the summaries),
 * and are conditional on reaching it: the same start for every group, so their medians
 * compare; the log-rank test counts from the same day. A group that never has k at risk at
 * once gets no estimate and does not move the start; nor does any group when no day has k of
 * every group at risk. The start is a whole number of START_STEP days: the first day with k at
 * risk is the day someone joined, and would date one person's entry into their level.
 */
export const START_STEP = 30;

/**
 * The first multiple of `step` at which every group has at least k at risk, or undefined;
 * the groups that never have k at risk at once on that grid are left out of it (null).
 */
function commonStart(counts: TimeCount[][], k: number, step: number): { start: number | undefined; estimable: boolean[] } {
  const last = Math.max(0, ...counts.flatMap((c) => c.map((r) => r.time)));
  const grids = counts.map((c) => atRiskOnGrid(c, step, last));
  const estimable = grids.map((g) => g.some((n) => n >= k));
  for (let i = 0; i < (grids[0]?.length ?? 0); i++) {
    if (grids.every((g, j) => !estimable[j] || g[i] >= k) && estimable.some(Boolean)) return { start: i * step, estimable };
  }
  return { start: undefined, estimable };
}

export const survival: PostProcessor = (raw, { params, header }) => {
  const k = params.k;
  const groups = new Map<string, { slice: string; grp: string; counts: TimeCount[] }>();
  for (const r of raw) {
    const key = `${r.slice}\u001f${r.grp}`;
    const g = groups.get(key) ?? { slice: String(r.slice), grp: String(r.grp), counts: [] };
    g.counts.push(r.entered === undefined
      ? { time: Number(r.t), events: Number(r.events), censored: Number(r.censored) }
      : { time: Number(r.t), events: Number(r.events), censored: Number(r.censored), entered: Number(r.entered) });
    groups.set(key, g);
  }
  const list = [...groups.values()].sort((a, b) => a.slice.localeCompare(b.slice) || a.grp.localeCompare(b.grp));
  const sizes = list.map((g) => g.counts.reduce((s, c) => s + c.events + c.censored, 0));
  const eventsOf = list.map((g) => g.counts.reduce((s, c) => s + c.events, 0));
  const primary = sizes.map((n, i): SuppressionReason | null => primaryReason(eventsOf[i], n, k));
  const hidden = addComplementary(list.map((g, i) => ({ block: g.slice, cross: crossOf(g, header.crossBlock), total: g.slice === header.totalBlock, size: sizes[i] })), primary);

  const delayed = raw.length > 0 && raw[0].entered !== undefined;
  const estimable = list.map((_, i) => !delayed || !hidden[i]);
  const noEstimate = new Map<number, string>();
  const startOf = new Map<string, number>();
  if (delayed) {
    for (const slice of new Set(list.map((g) => g.slice))) {
      const members = list.map((g, i) => i).filter((i) => list[i].slice === slice && !hidden[i]);
      const { start, estimable: ok } = commonStart(members.map((i) => list[i].counts), k, START_STEP);
      members.forEach((i, j) => {
        estimable[i] = ok[j] && start !== undefined;
        if (!ok[j]) noEstimate.set(i, `never ${k} or more followed at once`);
        else if (start === undefined) noEstimate.set(i, `no day with ${k} or more of every group followed`);
      });
      if (start !== undefined) startOf.set(slice, start);
    }
  }

  const logrank = new Map<string, ReturnType<typeof logRankTestCounts>>();
  for (const slice of new Set(list.map((g) => g.slice))) {
    const shown = list.filter((g, i) => g.slice === slice && !hidden[i] && estimable[i] && !g.grp.split(' × ').some((x) => UNKNOWN_GROUPS.has(x)));
    if (shown.length >= 2) logrank.set(slice, logRankTestCounts(shown.map((g) => g.counts), { from: startOf.get(slice) }));
  }

  const rows: Record<string, unknown>[] = [];
  list.forEach((g, i) => {
    const base = { slice: g.slice, grp: g.grp };
    if (hidden[i]) {
      rows.push({ ...base, row_type: 'summary', suppressed: true, note: suppressedNote(k) });
      return;
    }
    const from = startOf.get(g.slice);
    if (!estimable[i]) {
      rows.push({
        ...base, row_type: 'summary', n: sizes[i], events: eventsOf[i], median: null, median_lower: null, median_upper: null, from_t: null,
        logrank_chi2: null, logrank_df: null, logrank_p: null, suppressed: false, note: noEstimate.get(i) ?? null,
      });
      return;
    }
    const km = kaplanMeierCounts(g.counts, { from });
    const lr = logrank.get(g.slice);
    rows.push({
      ...base, row_type: 'summary', n: sizes[i], events: eventsOf[i],
      median: km.median, median_lower: km.medianLower, median_upper: km.medianUpper, from_t: from ?? null,
      logrank_chi2: lr ? finite(lr.chi2) : null, logrank_df: lr?.df ?? null, logrank_p: lr ? finite(lr.p) : null,
      suppressed: false, note: null,
    });
    // Literals, not spreads of base: a curve has thousands of points, and spread objects
    // cost several times more to build and to read back in the Arrow writer.
    const start = rows.length;
    rows.push({ slice: g.slice, grp: g.grp, row_type: 'point', t: from ?? 0, survival: 1, lower: 1, upper: 1, at_risk: from === undefined ? sizes[i] : atRiskAt(g.counts, from), suppressed: false, note: null });
    let pending = 0;
    for (const p of km.curve) {
      if (p.atRisk < k) break;
      pending += p.events;
      // The median's own step is drawn too, so that the curve crosses 50% where its dot sits.
      if (pending < k && p.time !== km.median) continue;
      pending = 0;
      rows.push({ slice: g.slice, grp: g.grp, row_type: 'point', t: p.time, survival: p.survival, lower: finite(p.lower), upper: finite(p.upper), at_risk: p.atRisk, suppressed: false, note: null });
    }
    // No step of k events before fewer than k remain at risk: no curve, only the summary.
    if (rows.length === start + 1) rows.pop();
  });
  return { columns: SURVIVAL_COLUMNS, rows };
};
