import type { RateRow } from '../model/rateRow';
import { describeRate } from '../model/describeRate';
import { groupLines } from './groupLines';
import type { ChartOptions } from './theme';

export interface FunnelPlotOptions extends ChartOptions {
  colorGroups?: string[];
}

/** "3 matched" -> "matched": the access funnel numbers its stages so that they sort. */
export const stageLabel = (slice: string): string => slice.replace(/^\d+\s+/, '');

/**
 * The access funnel: for each group, the share of its eligible people who reached each
 * stage (eligible, applied, matched, active, completed), as a line falling from 100%. The
 * stage where a group's line drops faster than the others' is where it falls out.
 */
export function funnelPlot(rows: readonly RateRow[], opts: FunnelPlotOptions): SVGElement | HTMLElement {
  const stages = [...new Set(rows.map((r) => r.slice))].sort();
  return groupLines(rows.map((r) => ({
    x: stageLabel(r.slice), grp: r.grp, y: r.rate, suppressed: r.suppressed,
    title: r.suppressed ? undefined : describeRate(r, stageLabel(r.slice)),
  })), {
    ...opts,
    ariaLabel: opts.ariaLabel ?? 'Access funnel by group',
    ariaDescription: 'One line per group: the share of its eligible people who reached each stage, from eligible to completed; '
      + `cells with fewer than ${opts.k} people are not drawn.`,
    xDomain: stages.map(stageLabel),
    xLabel: 'Stage',
    yLabel: 'Reached the stage (% of eligible)',
  });
}
