import { JSDOM } from 'jsdom';
import { rateDotPlot } from '../../renderer/src/charts/rateDotPlot';
import type { RateRow } from '../models/rateStats';
import { dimensionLabel } from '../../renderer/src/format/labels';
import type { CellValue, ModelBlock, PackResult } from './packSchema';

/**
 * The one place where the review draws charts, with the dashboards' own chart modules
 * (renderer/src/charts: rows and options with a `document` in, an SVG element out), rendered
 * here under jsdom so that the HTML file carries them as inline SVG and needs no script.
 *
 * A chart module joins the review by an entry in CHARTS, keyed by model name (or `rate` for
 * every rate model); a block without an entry is shown as its table only.
 */
export interface ChartContext {
  document: Document;
  width: number;
  k: number;
  block: ModelBlock;
  result: PackResult;
}

export type ReportChart = (rows: readonly Record<string, CellValue>[], ctx: ChartContext) => Element | null;

const rateChart: ReportChart = (rows, ctx) =>
  rateDotPlot(rows as unknown as RateRow[], {
    k: ctx.k,
    width: ctx.width,
    document: ctx.document,
    ariaLabel: `${ctx.block.title} by ${dimensionLabel(ctx.result.dimension).toLowerCase()}, ${ctx.result.windowLabel}`,
    xLabel: 'Rate (% of the group)',
  });

export const CHARTS: Record<string, ReportChart> = {
  rate: rateChart,
};

export function chartFor(block: ModelBlock, result: PackResult): ReportChart | null {
  if (result.window !== 'quarter') return null;
  return CHARTS[block.model] ?? (block.kind === 'rate' ? CHARTS.rate : null);
}

/** Renders charts to SVG markup on one jsdom document, reused for every chart of a pack. */
export class ChartRenderer {
  private readonly dom = new JSDOM('<!doctype html><html><body></body></html>');

  constructor(private readonly width = 680) {}

  /** The chart's SVG markup, or null when the block has no chart module. */
  render(block: ModelBlock, result: PackResult, k: number): string | null {
    const chart = chartFor(block, result);
    if (!chart) return null;
    const el = chart(result.rows, { document: this.dom.window.document, width: this.width, k, block, result });
    if (!el) return null;
    if (el.tagName.toLowerCase() === 'svg') el.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    return el.outerHTML;
  }

  close(): void {
    this.dom.window.close();
  }
}
