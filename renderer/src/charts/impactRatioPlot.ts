import type { RateRow } from '../model/rateRow';
import { orderedSlices, sliceLabel } from '../model/slices';
import { VERDICT_COLOR, suppressedText, verdictKey } from '../model/verdictStyle';
import { describeRate } from '../model/describeRate';
import { formatRatio } from '../format/numbers';
import { estimatePlot } from './estimatePlot';
import type { ChartOptions } from './theme';

export interface ImpactRatioPlotOptions extends ChartOptions {
  /** For adverse outcomes (attrition, waitlisting) the core takes the ratio the other way round; the axis says so. */
  adverse?: boolean;
  sliceLabel?: (slice: string) => string;
}

/** The four-fifths rule (EEOC): an impact ratio below 0.8 flags a possible adverse impact. */
export const FOUR_FIFTHS = 0.8;

/**
 * Each group's impact ratio (its rate over the reference group's) as a dot, one panel per
 * slice, against the 0.8 line of the four-fifths rule and the 1.0 line of parity; the
 * reference group sits at 1 by definition. Groups not compared (no recorded value) and
 * suppressed groups draw no dot: words say why.
 */
export function impactRatioPlot(rows: readonly RateRow[], opts: ImpactRatioPlotOptions): SVGElement | HTMLElement {
  const label = opts.sliceLabel ?? sliceLabel;
  const slices = orderedSlices(rows);
  const ordered = slices.flatMap((s) => rows.filter((r) => r.slice === s));
  const estimates = ordered.map((r) => {
    const key = verdictKey(r);
    const value = r.is_reference ? 1 : r.impact_ratio;
    return {
      panel: r.slice, label: r.grp, suppressed: r.suppressed, note: r.suppressed ? suppressedText(r, opts.k) : null,
      value: r.suppressed ? null : value,
      color: key,
      // A compared group without a ratio: one of the two rates is 0, so the ratio is not defined.
      right: r.suppressed ? undefined : value === null && key !== 'not compared' ? `${key} (no ratio: a rate is 0)` : key,
      title: r.suppressed ? undefined : describeRate(r, label(r.slice)),
    };
  });
  return estimatePlot(estimates, {
    ...opts,
    ariaLabel: opts.ariaLabel ?? 'Impact ratio by group',
    ariaDescription: 'Each dot is a group\'s rate divided by the reference group\'s rate; the dashed line marks four fifths (0.8), '
      + `the solid line parity (1.0); groups with fewer than ${opts.k} people are not drawn.`,
    xLabel: opts.adverse ? 'Impact ratio (reference rate ÷ group rate, adverse outcome)' : 'Impact ratio (group rate ÷ reference rate)',
    tickFormat: (x: number) => formatRatio(x),
    rules: [{ value: FOUR_FIFTHS, label: '0.8', dash: '5 4', stroke: VERDICT_COLOR.gap }, { value: 1, label: '1.0', dash: 'none' }],
    colors: VERDICT_COLOR,
    panelLabel: label,
  });
}
