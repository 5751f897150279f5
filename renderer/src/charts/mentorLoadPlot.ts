import { estimatePlot } from './estimatePlot';
import { formatCount } from '../format/numbers';
import type { ChartOptions } from './theme';
import { hiddenNote, num, type ModelTableRow as Row } from './tableRow';

/** Mean mentoring hours per mentor by mentor group (mentor_load), with the Gini of the load written beside it. */
export function mentorLoadPlot(rows: readonly Row[], opts: ChartOptions): SVGElement | HTMLElement {
  return estimatePlot(rows.map((r) => ({
    panel: '', label: String(r.grp), suppressed: r.suppressed, note: r.suppressed ? hiddenNote(r, opts.k) : null,
    value: num(r.hours_mean),
    right: num(r.gini_hours) === null ? undefined : `Gini ${num(r.gini_hours)!.toFixed(2)}`,
    title: r.suppressed ? undefined
      : `${r.grp}: ${formatCount(num(r.mentors) ?? 0)} mentors, ${num(r.mentees_mean)?.toFixed(2)} mentees and ${num(r.hours_mean)?.toFixed(1)} hours each on average `
        + `(median ${num(r.hours_median)?.toFixed(1)} h); Gini of hours ${num(r.gini_hours)?.toFixed(2)}, of mentees ${num(r.gini_mentees)?.toFixed(2)}`,
  })), {
    ...opts,
    ariaLabel: opts.ariaLabel ?? 'Mentoring hours per mentor by group',
    ariaDescription: 'Each dot is the mean mentoring hours per mentor of the group; the Gini at the right says how unevenly the hours are spread among its mentors.',
    xLabel: 'Mean mentoring hours per mentor in the period',
    tickFormat: (x: number) => x.toFixed(0),
  });
}
