import * as Plot from '@observablehq/plot';
import type { RateRow } from '../model/rateRow';
import { orderedSlices, sliceLabel } from '../model/slices';
import { VERDICT_COLOR, VERDICT_KEYS, suppressedText, verdictKey } from '../model/verdictStyle';
import { describeRate } from '../model/describeRate';
import { CHART_FONT, CHAR, FONT_SIZE, INK, MUTED, RULE, pct, unique } from './theme';

export interface RateDotPlotOptions {
  /** The minimum cell size the rows were suppressed with (for the "fewer than k" label). */
  k: number;
  width: number;
  /** The document to create elements in; pass jsdom's to render outside a browser. */
  document?: Document;
  /** The chart's accessible name. */
  ariaLabel?: string;
  /** What the x axis measures, e.g. "Took part (% of eligible)". */
  xLabel?: string;
  /** Panel titles; by default the layer names (All layers, Formal programs...) or the slice as it is. */
  sliceLabel?: (slice: string) => string;
}

export { CHART_FONT };

/** Height of one group's row, and the space above each panel for its title. */
const ROW = 28;
const PANEL_GAP = 36;

/**
 * Rates by group, one small-multiple panel per slice (layer): a dot at the rate with its
 * Wilson 95% CI as a whisker, on a 0-100 % axis, the reference group's rate as a dashed
 * vertical rule, and the verdict written at the right of each row and encoded in the
 * colour. Suppressed groups keep their row but draw no mark at all: only the words
 * "fewer than k" (the rows carry no number to draw anyway).
 */
export function rateDotPlot(rows: readonly RateRow[], opts: RateDotPlotOptions): SVGElement | HTMLElement {
  const doc = opts.document ?? document;
  if (!rows.length) {
    const p = doc.createElement('p');
    p.textContent = 'No groups to show.';
    return p;
  }
  const slices = orderedSlices(rows);
  const groups = unique(rows.map((r) => r.grp));
  const drawn = rows.filter((r) => !r.suppressed && r.rate !== null && r.ci_lower !== null && r.ci_upper !== null);
  const hidden = rows.filter((r) => r.suppressed);
  const references = drawn.filter((r) => r.is_reference);
  const whiskerEnds = drawn.flatMap((r) => [{ ...r, end: r.ci_lower! }, { ...r, end: r.ci_upper! }]);

  const panel = groups.length * ROW;
  const marginTop = PANEL_GAP;
  const marginBottom = 48;
  const marginLeft = Math.round(Math.min(240, Math.max(96, 16 + CHAR * Math.max(...groups.map((g) => g.length)))));
  const marginRight = Math.round(20 + CHAR * 'too few to tell'.length);
  const height = marginTop + marginBottom + slices.length * panel + (slices.length - 1) * PANEL_GAP;
  const width = Math.max(320, Math.round(opts.width));

  const label = opts.sliceLabel ?? sliceLabel;
  const describe = (r: RateRow) => describeRate(r, label(r.slice));

  return Plot.plot({
    document: doc,
    width,
    height,
    marginTop,
    marginRight,
    marginBottom,
    marginLeft,
    ariaLabel: opts.ariaLabel ?? 'Rate by group',
    ariaDescription:
      'Each dot is a group\'s rate with its 95% confidence interval as a line; the dashed line is the reference group\'s rate; '
      + `groups with fewer than ${opts.k} people are not drawn.`,
    style: { fontFamily: CHART_FONT, fontSize: `${FONT_SIZE}px`, color: INK, background: 'transparent', overflow: 'visible' },
    // Panels are stacked; the band scale's inner padding is exactly the room for a title.
    fy: { domain: slices, axis: null, paddingInner: PANEL_GAP / (panel + PANEL_GAP), paddingOuter: 0 },
    x: { domain: [0, 100], label: opts.xLabel ?? 'Rate (% of the group)', labelAnchor: 'center', labelArrow: 'none', tickFormat: (d: number) => `${d}%`, grid: true },
    y: { type: 'band', domain: groups, label: null, tickSize: 0, padding: 0.15 },
    color: { type: 'ordinal', domain: VERDICT_KEYS, range: VERDICT_KEYS.map((v) => VERDICT_COLOR[v]) },
    marks: [
      Plot.frame({ stroke: RULE }),
      Plot.text(slices, {
        fy: (s: string) => s, text: (s: string) => label(s), frameAnchor: 'top-left', textAnchor: 'start', lineAnchor: 'bottom',
        dx: -marginLeft, dy: -10, fontWeight: 600, fill: INK,
      }),
      Plot.ruleX(references, { x: (r: RateRow) => pct(r.rate!), fy: 'slice', stroke: VERDICT_COLOR.reference, strokeWidth: 1.5, strokeDasharray: '5 4' }),
      Plot.ruleY(drawn, { y: 'grp', fy: 'slice', x1: (r: RateRow) => pct(r.ci_lower!), x2: (r: RateRow) => pct(r.ci_upper!), stroke: verdictKey, strokeWidth: 2 }),
      Plot.tickX(whiskerEnds, { x: (r: { end: number }) => pct(r.end), y: 'grp', fy: 'slice', stroke: verdictKey, strokeWidth: 2, insetTop: ROW * 0.2, insetBottom: ROW * 0.2 }),
      Plot.dot(drawn, {
        x: (r: RateRow) => pct(r.rate!), y: 'grp', fy: 'slice', fill: verdictKey, stroke: INK, strokeWidth: 0.75, r: 5.5, title: describe,
      }),
      // Verdicts in words at the right of each row; a gap also in bold, so it reads without colour.
      Plot.text(drawn.filter((r) => verdictKey(r) !== 'gap'), { y: 'grp', fy: 'slice', text: verdictKey, frameAnchor: 'right', textAnchor: 'start', dx: 10, fill: INK }),
      Plot.text(drawn.filter((r) => verdictKey(r) === 'gap'), {
        y: 'grp', fy: 'slice', text: verdictKey, frameAnchor: 'right', textAnchor: 'start', dx: 10, fill: INK, fontWeight: 700,
      }),
      Plot.text(hidden, {
        y: 'grp', fy: 'slice', text: (r: RateRow) => suppressedText(r, opts.k), frameAnchor: 'left', textAnchor: 'start', dx: 8,
        fill: MUTED, fontStyle: 'italic',
      }),
    ],
  });
}
