import { estimatePlot } from './estimatePlot';
import { formatCount } from '../format/numbers';
import type { ChartOptions } from './theme';
import { hiddenNote, num, type ModelTableRow as Row } from './tableRow';

/** Conversations per match by mentee group (engagement), with the dormant matches written beside it. */
export function engagementPlot(rows: readonly Row[], opts: ChartOptions): SVGElement | HTMLElement {
  return estimatePlot(rows.map((r) => ({
    panel: String(r.slice ?? ''), label: String(r.grp), suppressed: r.suppressed, note: r.suppressed ? hiddenNote(r, opts.k) : null,
    value: num(r.conversations_per_match),
    right: num(r.dormant_matches) === null ? undefined : `${formatCount(num(r.dormant_matches)!)} dormant`,
    title: r.suppressed ? undefined
      : `${r.grp}: ${formatCount(num(r.matches) ?? 0)} matches, ${num(r.conversations_per_match)?.toFixed(2)} conversations and ${num(r.minutes_per_match)?.toFixed(0)} minutes per match; `
        + `median ${num(r.median_days_between)?.toFixed(0) ?? '—'} days between conversations; ${formatCount(num(r.dormant_matches) ?? 0)} dormant`,
  })), {
    ...opts,
    ariaLabel: opts.ariaLabel ?? 'Conversations per match by mentee group',
    ariaDescription: 'Each dot is the number of conversations per active match in the period for the mentee group; the count of dormant matches (no conversation in 60 days) is at the right.',
    xLabel: 'Conversations per match in the period',
    tickFormat: (x: number) => x.toFixed(1),
    panelLabel: (p) => (p === 'all' ? 'All programs' : p),
  });
}
