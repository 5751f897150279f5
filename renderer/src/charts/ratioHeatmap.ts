import * as Plot from '@observablehq/plot';
import { appendFootnotes } from './footnotes';
import { CHAR, INK, MUTED, chartStyle, emptyChart, labelMargin, type ChartOptions } from './theme';

/** One cell: a ratio to 1 (observed ÷ expected, a representation index) with the words to print in it. */
export interface RatioCell {
  x: string;
  y: string;
  ratio: number | null;
  /** Printed under the ratio, e.g. the observed count. */
  detail?: string;
  suppressed: boolean;
  note?: string | null;
  title?: string;
}

export interface RatioHeatmapOptions extends ChartOptions {
  xLabel: string;
  yLabel: string;
  xDomain?: string[];
  yDomain?: string[];
  /** What the colour means, written under the chart. */
  legend: string;
  ariaDescription?: string;
}

const CELL_H = 44;
/** Ratios beyond these read as the darkest colour (a cell of 0 or of 10x is not more informative). */
const LOW = 0.25;
const HIGH = 4;

/**
 * A grid of ratios to 1 coloured on a diverging log scale centred on 1 (ColorBrewer PuOr,
 * colour-blind safe): orange above 1, purple below, white at 1, with the ratio printed in
 * every cell so that colour is never the only cue. A hidden cell is blank with "fewer than
 * k" in it, never coloured as zero; a cell with no ratio (nothing expected) says "—".
 */
export function ratioHeatmap(cells: readonly RatioCell[], opts: RatioHeatmapOptions): SVGElement | HTMLElement {
  const doc = opts.document ?? document;
  if (!cells.length) return emptyChart(doc, 'No groups to show.');
  const xDomain = opts.xDomain ?? [...new Set(cells.map((c) => c.x))];
  const yDomain = opts.yDomain ?? [...new Set(cells.map((c) => c.y))];
  const shown = cells.filter((c) => !c.suppressed && c.ratio !== null && Number.isFinite(c.ratio));
  const hidden = cells.filter((c) => c.suppressed);
  const empty = cells.filter((c) => !c.suppressed && (c.ratio === null || !Number.isFinite(c.ratio)));
  const clamp = (r: number) => Math.min(HIGH, Math.max(LOW, r));
  const longestX = Math.max(...xDomain.map((x) => x.length));
  const rotate = longestX * CHAR > 96;
  const marginBottom = rotate ? Math.round(44 + CHAR * Math.min(26, longestX) * 0.5) : 48;
  const marginLeft = labelMargin(yDomain, 96, Math.max(280, Math.round(opts.width * 0.4)));
  const width = Math.max(420, Math.round(opts.width));
  const cellW = (width - marginLeft - 16) / xDomain.length;
  const small = cellW < 86;

  const svg = Plot.plot({
    document: doc,
    width,
    height: 24 + marginBottom + yDomain.length * CELL_H,
    marginTop: 24,
    marginRight: 16,
    marginBottom,
    marginLeft,
    ariaLabel: opts.ariaLabel,
    ariaDescription: opts.ariaDescription,
    style: chartStyle,
    x: { domain: xDomain, label: opts.xLabel, labelAnchor: 'center', labelArrow: 'none', tickRotate: rotate ? -30 : 0, tickSize: 0, padding: 0.04 },
    y: { domain: yDomain, label: opts.yLabel, labelAnchor: 'top', labelArrow: 'none', tickSize: 0, padding: 0.06 },
    color: { type: 'diverging-log', scheme: 'PuOr', domain: [LOW, HIGH], pivot: 1 },
    marks: [
      Plot.cell(shown, { x: 'x', y: 'y', fill: (c: RatioCell) => clamp(c.ratio!), title: (c: RatioCell) => c.title ?? '' }),
      Plot.cell([...hidden, ...empty], { x: 'x', y: 'y', fill: 'white', stroke: '#8c959f', strokeDasharray: '3 3' }),
      Plot.text(shown, {
        x: 'x', y: 'y', text: (c: RatioCell) => `${c.ratio!.toFixed(2)}×${c.detail && !small ? `\n${c.detail}` : ''}`, lineHeight: 1.15,
        fill: (c: RatioCell) => (c.ratio! > 2.2 || c.ratio! < 0.45 ? 'white' : INK),
      }),
      Plot.text(hidden, {
        x: 'x', y: 'y', text: (c: RatioCell) => (small ? (c.note ?? `fewer than ${opts.k}`).replace(/^fewer /, 'fewer\n') : c.note ?? `fewer than ${opts.k}`),
        lineHeight: 1.1, fill: MUTED, fontStyle: 'italic', fontSize: small ? 11 : 13,
      }),
      Plot.text(empty, { x: 'x', y: 'y', text: () => '—', fill: MUTED }),
    ],
  });
  appendFootnotes(svg, [opts.legend], doc);
  return svg;
}
