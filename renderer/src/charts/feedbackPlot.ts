import { estimatePlot } from './estimatePlot';
import { formatCount, formatPercent } from '../format/numbers';
import type { ChartOptions } from './theme';
import { hiddenNote, num, type ModelTableRow as Row } from './tableRow';

/** Mean feedback rating with its 95% CI on the 1–5 scale (feedback_quality). */
export function feedbackPlot(rows: readonly Row[], opts: ChartOptions): SVGElement | HTMLElement {
  return estimatePlot(rows.map((r) => ({
    panel: '', label: String(r.grp), suppressed: r.suppressed, note: r.suppressed ? hiddenNote(r, opts.k) : null,
    value: num(r.mean_rating), lower: num(r.ci_lower), upper: num(r.ci_upper),
    right: num(r.share_high) === null ? undefined : `${formatPercent(num(r.share_high)!, 0)} 4+`,
    title: r.suppressed ? undefined
      : `${r.grp}: mean ${num(r.mean_rating)?.toFixed(2)} (95% CI ${num(r.ci_lower)?.toFixed(2) ?? '—'}–${num(r.ci_upper)?.toFixed(2) ?? '—'}) from ${formatCount(num(r.ratings) ?? 0)} ratings; `
        + `${formatPercent(num(r.share_high) ?? 0)} rated 4 or 5; response rate ${formatPercent(num(r.response_rate) ?? 0)}`,
  })), {
    ...opts,
    ariaLabel: opts.ariaLabel ?? 'Mean feedback rating by group',
    ariaDescription: 'Each dot is the group\'s mean rating of its conversations on a 1 to 5 scale, with the 95% confidence interval as a line; the share of ratings of 4 or more is at the right.',
    xLabel: 'Mean rating (1–5)',
    domain: [1, 5],
    ticks: [1, 2, 3, 4, 5],
    tickFormat: (x: number) => x.toFixed(0),
  });
}
