import type { RateRow } from '../model/rateRow';
import { describeRate } from '../model/describeRate';
import { groupLines } from './groupLines';
import type { ChartOptions } from './theme';

/** A rate row of one period, for the trend. */
export type TrendRow = RateRow & { period: string };

export interface TrendPlotOptions extends ChartOptions {
  /** The quarters in order, oldest first (a quarter with no result still takes its place). */
  periods: string[];
  yLabel?: string;
  colorGroups?: string[];
}

/**
 * A rate across quarters: one line per group, with each quarter's 95% CI as a light
 * whisker. Quarters where a group is hidden break its line and are listed under the chart.
 */
export function trendPlot(rows: readonly TrendRow[], opts: TrendPlotOptions): SVGElement | HTMLElement {
  return groupLines(rows.map((r) => ({
    x: r.period, grp: r.grp, y: r.rate, lower: r.ci_lower, upper: r.ci_upper, suppressed: r.suppressed,
    title: r.suppressed ? undefined : describeRate(r, r.period),
  })), {
    ...opts,
    ariaLabel: opts.ariaLabel ?? 'Rate by quarter',
    ariaDescription: 'One line per group: its rate in each quarter, with the 95% confidence interval as a light vertical bar; '
      + `quarters where a group has fewer than ${opts.k} people are not drawn.`,
    xDomain: opts.periods,
    xLabel: 'Quarter',
    yLabel: opts.yLabel ?? 'Rate',
    intervals: true,
  });
}
