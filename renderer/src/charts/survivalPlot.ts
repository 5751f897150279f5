import * as Plot from '@observablehq/plot';
import { appendFootnotes, hiddenCellsText } from './footnotes';
import { groupColors } from './groupColors';
import { dodgeLabels } from './groupLines';
import { CHAR, INK, MUTED, RULE, chartStyle, emptyChart, type ChartOptions } from './theme';
import { formatCount } from '../format/numbers';

/** A row of a survival model's result (src/models/post/survival.ts): a group's summary, or a point of its step curve. */
export interface SurvivalRow {
  slice: string;
  grp: string;
  row_type: 'summary' | 'point' | string;
  t: number | null;
  survival: number | null;
  lower: number | null;
  upper: number | null;
  at_risk: number | null;
  n: number | null;
  events: number | null;
  median: number | null;
  median_lower: number | null;
  median_upper: number | null;
  /** With delayed entry: the day the slice's estimates start from (null otherwise). */
  from_t?: number | null;
  logrank_chi2: number | null;
  logrank_df: number | null;
  logrank_p: number | null;
  suppressed: boolean;
  note: string | null;
}

export interface SurvivalPlotOptions extends ChartOptions {
  /** Which slice to draw ('all' by default). */
  slice?: string;
  /** Days on the axis, or years (time in level runs to years). */
  unit?: 'days' | 'years';
  xLabel: string;
  /** What the curve measures, e.g. "Still waiting". */
  yLabel: string;
  colorGroups?: string[];
}

const DAYS_PER_YEAR = 365.25;

/**
 * Kaplan-Meier step curves, one per group: the share still waiting (or still in level) after
 * each number of days, with its 95% CI as a light band; people still waiting count as
 * censored, not dropped. A dot marks each group's median on the 50% line. The core draws
 * each step for at least k events and cuts a curve where fewer than k remain at risk; hidden
 * groups (under k people, or under k with or without the event) are listed, not drawn.
 */
export function survivalPlot(rows: readonly SurvivalRow[], opts: SurvivalPlotOptions): SVGElement | HTMLElement {
  const doc = opts.document ?? document;
  const slice = opts.slice ?? 'all';
  const mine = rows.filter((r) => r.slice === slice);
  const summaries = mine.filter((r) => r.row_type === 'summary');
  const points = stepCorners(mine.filter((r) => r.row_type === 'point' && r.t !== null && r.survival !== null));
  if (!points.length) return emptyChart(doc, summaries.length ? `Every group here is hidden: fewer than ${opts.k} people, or fewer than ${opts.k} with or without the event.` : 'No one to follow.');
  const scale = opts.unit === 'years' ? 1 / DAYS_PER_YEAR : 1;
  const groups = [...new Set(summaries.map((s) => s.grp))];
  const colors = groupColors(opts.colorGroups ?? groups);
  const color = (r: { grp: string }) => colors.get(r.grp) ?? INK;
  const unitWord = opts.unit === 'years' ? 'years' : 'days';
  const fmtT = (t: number) => (opts.unit === 'years' ? (t * scale).toFixed(1) : formatCount(t));
  const medians = summaries.filter((s) => !s.suppressed && s.median !== null);
  const last = groups.map((g) => points.filter((p) => p.grp === g).at(-1)).filter((p): p is SurvivalRow => p !== undefined);
  const marginRight = Math.round(24 + CHAR * Math.min(28, Math.max(...groups.map((g) => g.length))));
  const medianText = (s: SurvivalRow) => `${s.grp}: median ${fmtT(s.median!)} ${unitWord}`
    + (s.median_lower !== null && s.median_upper !== null ? ` (95% CI ${fmtT(s.median_lower)}–${fmtT(s.median_upper)})` : ' (upper CI not reached)')
    + `, ${formatCount(s.events ?? 0)} of ${formatCount(s.n ?? 0)} ${s.events === 1 ? 'event' : 'events'}`;

  const svg = Plot.plot({
    document: doc,
    width: Math.max(420, Math.round(opts.width)),
    height: 360,
    marginTop: 24,
    marginRight,
    marginBottom: 48,
    marginLeft: 56,
    ariaLabel: opts.ariaLabel ?? 'Kaplan-Meier curves by group',
    ariaDescription: `One step curve per group: the share ${opts.yLabel.toLowerCase()} after each number of ${unitWord}, with its 95% CI as a band; `
      + `each step stands for at least ${opts.k} events; dots mark medians; groups with fewer than ${opts.k} people, or fewer than ${opts.k} with or without the event, are not drawn.`,
    style: chartStyle,
    x: { label: opts.xLabel, labelAnchor: 'center', labelArrow: 'none', grid: true, nice: true },
    y: { domain: [0, 100], label: `${opts.yLabel} (%)`, labelArrow: 'none', tickFormat: (d: number) => `${d}%`, grid: true },
    marks: [
      Plot.frame({ stroke: RULE }),
      Plot.ruleY([50], { stroke: MUTED, strokeDasharray: '3 3' }),
      Plot.areaY(points.filter((p) => p.lower !== null && p.upper !== null), {
        x: (p: SurvivalRow) => p.t! * scale, y1: (p: SurvivalRow) => p.lower! * 100, y2: (p: SurvivalRow) => p.upper! * 100,
        z: 'grp', fill: color, fillOpacity: 0.12, curve: 'step-after',
      }),
      Plot.line(points, { x: (p: SurvivalRow) => p.t! * scale, y: (p: SurvivalRow) => p.survival! * 100, z: 'grp', stroke: color, strokeWidth: 2, curve: 'step-after', title: 'grp' }),
      Plot.dot(medians, { x: (s: SurvivalRow) => s.median! * scale, y: 50, fill: color, stroke: INK, strokeWidth: 0.75, r: 5, title: medianText }),
      Plot.text(dodgeLabels(last.map((p) => ({ ...p, x: 'end', labelY: p.survival! * 100 })), (360 - 72) / 100), { x: (p: SurvivalRow) => p.t! * scale, y: 'labelY', text: 'grp', textAnchor: 'start', dx: 8, fill: color, fontWeight: 600, stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' }),
    ],
  });
  const lines = hiddenCellsText(summaries.filter((s) => s.suppressed).map((s) => ({ grp: s.grp })), opts.k);
  const started = summaries.find((s) => !s.suppressed && s.from_t !== null && s.from_t !== undefined);
  const unestimated = summaries.filter((s) => !s.suppressed && started && (s.from_t === null || s.from_t === undefined)).map((s) => s.grp);
  const curveless = summaries.filter((s) => !s.suppressed && !unestimated.includes(s.grp) && !points.some((p) => p.grp === s.grp)).map((s) => s.grp);
  if (started && started.from_t! > 0) {
    lines.push(`Counted from ${fmtT(started.from_t!)} ${unitWord} in level, the first 30-day mark at which ${opts.k} or more of every group shown were followed: `
      + `people already in their level when the window opened join at the time in level they had then, so each curve is the share still in level among those who got that far.`);
  }
  if (unestimated.length) lines.push(`No estimate (never ${opts.k} or more followed at once): ${unestimated.join(', ')}.`);
  if (curveless.length) lines.push(`No curve drawn (no step of ${opts.k} events while ${opts.k} or more were followed), median only: ${curveless.join(', ')}.`);
  const test = summaries.find((s) => s.logrank_p !== null);
  if (test) lines.unshift(`Log-rank test across the groups shown: χ² = ${test.logrank_chi2!.toFixed(2)}, df = ${test.logrank_df}, p ${test.logrank_p! < 0.001 ? '< 0.001' : `= ${test.logrank_p!.toFixed(3)}`}.`);
  appendFootnotes(svg, lines, doc);
  return svg;
}

/**
 * The points that shape a step-after curve and its band: each group's first and last point
 * and every point where the estimate or its CI changes. A point where only people were
 * censored leaves both where they were, so dropping it changes no pixel; at 100,000 people
 * about half of a time-to-promotion curve's 15,000 points are such.
 */
export function stepCorners(points: readonly SurvivalRow[]): SurvivalRow[] {
  const lastOf = new Map<string, SurvivalRow>();
  for (const p of points) lastOf.set(p.grp, p);
  const prev = new Map<string, SurvivalRow>();
  return points.filter((p) => {
    const before = prev.get(p.grp);
    prev.set(p.grp, p);
    return !before || lastOf.get(p.grp) === p || p.survival !== before.survival || p.lower !== before.lower || p.upper !== before.upper;
  });
}
