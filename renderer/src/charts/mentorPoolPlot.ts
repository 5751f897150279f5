import { estimatePlot } from './estimatePlot';
import { formatCount, formatPercent } from '../format/numbers';
import type { ChartOptions } from './theme';
import { hiddenNote, num, type ModelTableRow as Row } from './tableRow';

/** Each group's share among mentors over its share among those eligible to mentor (mentor_pool_representation), against 1. */
export function mentorPoolPlot(rows: readonly Row[], opts: ChartOptions): SVGElement | HTMLElement {
  return estimatePlot(rows.map((r) => ({
    panel: '', label: String(r.grp), suppressed: r.suppressed, note: r.suppressed ? hiddenNote(r, opts.k) : null,
    value: num(r.representation_index),
    right: num(r.representation_index) === null ? undefined : `${num(r.representation_index)!.toFixed(2)}`,
    title: r.suppressed ? undefined
      : `${r.grp}: ${formatPercent(num(r.share_mentors) ?? 0)} of mentors (${formatCount(num(r.mentors) ?? 0)}) vs ${formatPercent(num(r.share_eligible) ?? 0)} of those eligible (${formatCount(num(r.eligible) ?? 0)})`,
  })), {
    ...opts,
    ariaLabel: opts.ariaLabel ?? 'Mentor pool representation index by group',
    ariaDescription: 'Each dot is a group\'s share among mentors divided by its share among people eligible to mentor; the line is 1 (in proportion).',
    xLabel: 'Representation index (share of mentors ÷ share of eligible)',
    tickFormat: (x: number) => x.toFixed(1),
    rules: [{ value: 1, label: '1.0 = in proportion', dash: 'none' }],
  });
}
