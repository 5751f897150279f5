import * as Plot from '@observablehq/plot';
import { appendFootnotes, hiddenCellsText } from './footnotes';
import { groupColors } from './groupColors';
import { CHAR, INK, RULE, chartStyle, emptyChart, type ChartOptions } from './theme';

/** One point of a group's line: its value at one step of an ordered axis (a level, a quarter, a funnel stage). */
export interface LinePoint {
  x: string;
  grp: string;
  /** A share or rate, 0..1. */
  y: number | null;
  lower?: number | null;
  upper?: number | null;
  suppressed: boolean;
  /** The tooltip. */
  title?: string;
}

export interface GroupLinesOptions extends ChartOptions {
  /** The steps of the x axis in order; by default as they first appear. */
  xDomain?: string[];
  xLabel: string;
  yLabel: string;
  /** Draw each point's interval as a light vertical whisker. */
  intervals?: boolean;
  /** The same colour per group on every chart of a page: pass all the page's groups. */
  colorGroups?: string[];
  ariaDescription?: string;
  /** What a hidden point is called in the footnote, e.g. the level: "Non-binary (L5, L6)". */
  hiddenWhere?: (p: LinePoint) => string;
}

const HEIGHT = 360;

/**
 * One line per group across an ordered axis, with a dot at each shown point and the
 * group's name at its last point, so colour is never the only cue. A suppressed point is
 * left out and breaks its line (never drawn as zero); a footnote in the SVG lists them as
 * "fewer than k". The pipeline across levels, the trend across quarters and the access
 * funnel across stages are this chart.
 */
export function groupLines(points: readonly LinePoint[], opts: GroupLinesOptions): SVGElement | HTMLElement {
  const doc = opts.document ?? document;
  const shown = points.filter((p) => !p.suppressed && p.y !== null && Number.isFinite(p.y));
  if (!shown.length) return emptyChart(doc, points.length ? `Every figure here is hidden: each group has fewer than ${opts.k} people.` : 'No groups to show.');
  const xDomain = opts.xDomain ?? [...new Set(points.map((p) => p.x))];
  const groups = [...new Set(points.map((p) => p.grp))];
  const colors = groupColors(opts.colorGroups ?? groups);
  const color = (p: { grp: string }) => colors.get(p.grp) ?? INK;
  // Lines break at hidden points: give them an undefined y rather than leaving them out.
  const lineData = points.map((p) => ({ ...p, yy: !p.suppressed && p.y !== null ? p.y * 100 : Number.NaN }))
    .sort((a, b) => xDomain.indexOf(a.x) - xDomain.indexOf(b.x));
  const last = groups.map((g) => {
    const own = shown.filter((p) => p.grp === g).sort((a, b) => xDomain.indexOf(a.x) - xDomain.indexOf(b.x));
    return own[own.length - 1];
  }).filter((p): p is LinePoint => p !== undefined);
  const hi = Math.max(...shown.map((p) => (opts.intervals && p.upper != null ? p.upper : p.y!)));
  const yMax = Math.min(100, Math.ceil((hi * 100 * 1.1) / 10) * 10 || 10);
  const marginRight = Math.round(24 + CHAR * Math.min(28, Math.max(...groups.map((g) => g.length))));
  const width = Math.max(420, Math.round(opts.width));
  const labels = dodgeLabels(last.map((p) => ({ ...p, labelY: p.y! * 100 })), (HEIGHT - 24 - 48) / yMax);
  const withInterval = opts.intervals ? shown.filter((p) => p.lower != null && p.upper != null) : [];

  const svg = Plot.plot({
    document: doc,
    width,
    height: HEIGHT,
    marginTop: 24,
    marginRight,
    marginBottom: 48,
    marginLeft: 56,
    ariaLabel: opts.ariaLabel,
    ariaDescription: opts.ariaDescription,
    style: chartStyle,
    x: { type: 'point', domain: xDomain, label: opts.xLabel, labelAnchor: 'center', labelArrow: 'none', padding: 0.3 },
    y: { domain: [0, yMax], label: opts.yLabel, labelArrow: 'none', tickFormat: (d: number) => `${d}%`, grid: true },
    marks: [
      Plot.frame({ stroke: RULE }),
      Plot.ruleX(withInterval, { x: 'x', y1: (p: LinePoint) => p.lower! * 100, y2: (p: LinePoint) => p.upper! * 100, stroke: color, strokeOpacity: 0.45, strokeWidth: 3 }),
      Plot.line(lineData, { x: 'x', y: 'yy', z: 'grp', stroke: color, strokeWidth: 2 }),
      Plot.dot(shown, { x: 'x', y: (p: LinePoint) => p.y! * 100, fill: color, stroke: INK, strokeWidth: 0.75, r: 4.5, title: (p: LinePoint) => p.title ?? '' }),
      Plot.text(labels, { x: 'x', y: 'labelY', text: 'grp', textAnchor: 'start', dx: 9, fill: color, fontWeight: 600, stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' }),
    ],
  });
  const hidden = points.filter((p) => p.suppressed).map((p) => ({ grp: p.grp, where: opts.hiddenWhere?.(p) ?? p.x }));
  appendFootnotes(svg, hiddenCellsText(hidden, opts.k), doc);
  return svg;
}

/** Minimum distance between two line-end labels, in pixels. */
const LABEL_GAP = 16;

/**
 * Moves labels at the same x apart vertically so that no two overlap: sorted by value, each
 * is pushed up to at least LABEL_GAP pixels above the one below it. `pxPerUnit` converts the
 * y unit to pixels.
 */
export function dodgeLabels<T extends { x: string; labelY: number }>(labels: readonly T[], pxPerUnit: number): T[] {
  const gap = LABEL_GAP / pxPerUnit;
  const out: T[] = [];
  for (const x of new Set(labels.map((l) => l.x))) {
    const col = labels.filter((l) => l.x === x).sort((a, b) => a.labelY - b.labelY).map((l) => ({ ...l }));
    for (let i = 1; i < col.length; i++) col[i].labelY = Math.max(col[i].labelY, col[i - 1].labelY + gap);
    out.push(...col);
  }
  return out;
}
