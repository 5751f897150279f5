import { formatCount, formatPercent } from '../format/numbers';
import { groupLines } from './groupLines';
import type { ChartOptions } from './theme';

/** A row of the pipeline model (queries/representation/pipeline.sql). */
export interface PipelineRow {
  level: string;
  grp: string;
  count: number | null;
  level_total: number | null;
  share: number | null;
  share_below: number | null;
  gap_pp: number | null;
  suppressed: boolean;
  note: string | null;
}

export interface PipelinePlotOptions extends ChartOptions {
  colorGroups?: string[];
}

const pp = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(1)} pp`;

/**
 * Representation across levels, lowest to highest: each group's share of each level as a
 * line, so that the level where a group's share drops stands out. Hidden cells break the line.
 */
export function pipelinePlot(rows: readonly PipelineRow[], opts: PipelinePlotOptions): SVGElement | HTMLElement {
  const levels = [...new Set(rows.map((r) => r.level))];
  return groupLines(rows.map((r) => ({
    x: r.level, grp: r.grp, y: r.share, suppressed: r.suppressed,
    title: r.suppressed || r.share === null ? undefined
      : `${r.grp} at ${r.level}: ${formatPercent(r.share)} (${formatCount(r.count ?? 0)} of ${formatCount(r.level_total ?? 0)})`
        + (r.gap_pp === null ? '' : `, ${pp(r.gap_pp)} from the level below`),
  })), {
    ...opts,
    ariaLabel: opts.ariaLabel ?? 'Representation by level',
    ariaDescription: 'One line per group: its share of the people at each level, from the lowest level to the highest; '
      + `cells with fewer than ${opts.k} people are not drawn.`,
    xDomain: levels,
    xLabel: 'Level (lowest to highest)',
    yLabel: 'Share of the level',
  });
}
