import * as Plot from '@observablehq/plot';
import { CHAR, INK, MUTED, RULE, chartStyle, emptyChart, labelMargin, unique, type ChartOptions } from './theme';

/** One row of an estimate chart: a group's figure in a panel, with an optional interval. */
export interface Estimate {
  /** The small-multiple panel (a layer, a stage, an outcome); '' for a single panel. */
  panel: string;
  /** The row label, usually the group. */
  label: string;
  value: number | null;
  lower?: number | null;
  upper?: number | null;
  suppressed: boolean;
  /** What a suppressed row says instead of a number, e.g. "fewer than 5". */
  note?: string | null;
  /** A colour key (a verdict) from `colors`; none = ink. */
  color?: string;
  /** Words at the right of the row (the verdict); a 'gap' is also bold. */
  right?: string;
  /** The tooltip: the row's figures in words. */
  title?: string;
}

export interface EstimatePlotOptions extends ChartOptions {
  /** The x domain; by default from 0 to a little past the largest value or bound. */
  domain?: [number, number];
  /** Vertical reference lines, e.g. 0.8 (four-fifths) and 1 (parity). */
  rules?: { value: number; label: string; dash?: string; stroke?: string }[];
  xLabel: string;
  tickFormat?: (x: number) => string;
  /** Where the axis ticks go, when Plot's choice would not suit the scale (a 1–5 rating). */
  ticks?: number[];
  /** Colour keys to colours (the verdict palette). */
  colors?: Record<string, string>;
  /** Panel titles, by panel key. */
  panelLabel?: (panel: string) => string;
  ariaDescription?: string;
}

const ROW = 28;
const PANEL_GAP = 36;

/**
 * A figure per group as a dot, with its interval as a whisker where there is one, in one
 * small-multiple panel per slice, against vertical reference lines: impact ratios against
 * four fifths, lifts and representation indexes against 1, mean ratings with their CI.
 * Suppressed rows keep their place but draw nothing: only the words "fewer than k".
 */
export function estimatePlot(rows: readonly Estimate[], opts: EstimatePlotOptions): SVGElement | HTMLElement {
  const doc = opts.document ?? document;
  if (!rows.length) return emptyChart(doc, 'No groups to show.');
  const panels = unique(rows.map((r) => r.panel));
  const labels = unique(rows.map((r) => r.label));
  const drawn = rows.filter((r) => !r.suppressed && r.value !== null && Number.isFinite(r.value));
  const withInterval = drawn.filter((r) => r.lower != null && r.upper != null && Number.isFinite(r.lower) && Number.isFinite(r.upper));
  const hidden = rows.filter((r) => r.suppressed);
  const blank = rows.filter((r) => !r.suppressed && (r.value === null || !Number.isFinite(r.value)) && r.right);
  const rules = opts.rules ?? [];
  const hi = Math.max(...drawn.flatMap((r) => [r.value!, r.upper ?? r.value!]), ...rules.map((r) => r.value), 0);
  const domain = opts.domain ?? [0, niceCeiling(hi * 1.08)];

  const panel = labels.length * ROW;
  const single = panels.length === 1 && panels[0] === '';
  const marginTop = single ? 28 : PANEL_GAP;
  const marginBottom = 48;
  const marginLeft = labelMargin(labels);
  const marginRight = Math.round(20 + CHAR * Math.max(8, ...rows.map((r) => (r.right ?? '').length)));
  const height = marginTop + marginBottom + panels.length * panel + (panels.length - 1) * PANEL_GAP;
  const width = Math.max(360, Math.round(opts.width));
  const fill = (r: Estimate) => (r.color && opts.colors?.[r.color]) ?? INK;
  const ends = withInterval.flatMap((r) => [{ ...r, end: r.lower! }, { ...r, end: r.upper! }]);

  const svg = Plot.plot({
    document: doc,
    width,
    height,
    marginTop,
    marginRight,
    marginBottom,
    marginLeft,
    ariaLabel: opts.ariaLabel,
    ariaDescription: opts.ariaDescription,
    style: chartStyle,
    fy: { domain: panels, axis: null, paddingInner: PANEL_GAP / (panel + PANEL_GAP), paddingOuter: 0 },
    x: { domain, label: opts.xLabel, labelAnchor: 'center', labelArrow: 'none', tickFormat: opts.tickFormat, grid: true, ...(opts.ticks ? { ticks: opts.ticks } : {}) },
    y: { type: 'band', domain: labels, label: null, tickSize: 0, padding: 0.15 },
    marks: [
      Plot.frame({ stroke: RULE }),
      single ? null : Plot.text(panels, {
        fy: (s: string) => s, text: (s: string) => opts.panelLabel?.(s) ?? s, frameAnchor: 'top-left', textAnchor: 'start', lineAnchor: 'bottom',
        dx: -marginLeft, dy: -10, fontWeight: 600, fill: INK,
      }),
      ...rules.map((rule) => Plot.ruleX([rule.value], { stroke: rule.stroke ?? INK, strokeWidth: 1.5, strokeDasharray: rule.dash ?? '5 4' })),
      // Labelled once, above the first panel (a string for fy would name a field, hence the accessor).
      ...rules.map((rule) => Plot.text([rule.label], {
        x: () => rule.value, fy: () => panels[0], frameAnchor: 'top', dy: -6, lineAnchor: 'bottom', fill: MUTED, fontSize: 12,
      })),
      Plot.ruleY(withInterval, { y: 'label', fy: 'panel', x1: 'lower', x2: 'upper', stroke: fill, strokeWidth: 2 }),
      Plot.tickX(ends, { x: 'end', y: 'label', fy: 'panel', stroke: fill, strokeWidth: 2, insetTop: ROW * 0.2, insetBottom: ROW * 0.2 }),
      Plot.dot(drawn, { x: 'value', y: 'label', fy: 'panel', fill, stroke: INK, strokeWidth: 0.75, r: 5.5, title: (r: Estimate) => r.title ?? '' }),
      Plot.text(drawn.filter((r) => r.right && r.right !== 'gap'), { y: 'label', fy: 'panel', text: 'right', frameAnchor: 'right', textAnchor: 'start', dx: 10, fill: INK }),
      Plot.text(drawn.filter((r) => r.right === 'gap'), { y: 'label', fy: 'panel', text: 'right', frameAnchor: 'right', textAnchor: 'start', dx: 10, fill: INK, fontWeight: 700 }),
      Plot.text(blank, { y: 'label', fy: 'panel', text: 'right', frameAnchor: 'left', textAnchor: 'start', dx: 8, fill: MUTED }),
      Plot.text(hidden, {
        y: 'label', fy: 'panel', text: (r: Estimate) => r.note ?? `fewer than ${opts.k}`, frameAnchor: 'left', textAnchor: 'start', dx: 8,
        fill: MUTED, fontStyle: 'italic',
      }),
    ],
  });
  return svg;
}

/** 1.08 -> 1.2, 2.3 -> 2.5, 0.37 -> 0.4: an axis end a reader can take in at a glance. */
export function niceCeiling(x: number): number {
  if (!(x > 0)) return 1;
  const step = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * step >= x) return m * step;
  return 10 * step;
}
