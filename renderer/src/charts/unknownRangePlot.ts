import { estimatePlot } from './estimatePlot';
import { formatCount, formatPercent } from '../format/numbers';
import type { ChartOptions } from './theme';
import { hiddenNote, num, type ModelTableRow as Row } from './tableRow';

/** Each group's share of a department, with the range the unknown values leave open (unknown_demographics). */
export function unknownRangePlot(rows: readonly Row[], opts: ChartOptions): SVGElement | HTMLElement {
  const known = rows.filter((r) => r.grp !== null);
  return estimatePlot(known.map((r) => ({
    panel: String(r.department), label: String(r.grp), suppressed: r.suppressed, note: r.suppressed ? hiddenNote(r, opts.k) : null,
    value: num(r.share_known) === null ? null : num(r.share_known)! * 100,
    lower: num(r.share_min) === null ? null : num(r.share_min)! * 100,
    upper: num(r.share_max) === null ? null : num(r.share_max)! * 100,
    right: num(r.share_unknown) === null ? undefined : `${formatPercent(num(r.share_unknown)!, 0)} unknown`,
    title: r.suppressed ? undefined
      : `${r.grp} in ${r.department}: ${formatPercent(num(r.share_known) ?? 0)} of those with a known value; between ${formatPercent(num(r.share_min) ?? 0)} and ${formatPercent(num(r.share_max) ?? 0)} of everyone `
        + `(${formatCount(num(r.unknown) ?? 0)} of ${formatCount(num(r.headcount) ?? 0)} unknown)`,
  })), {
    ...opts,
    domain: [0, 100],
    ariaLabel: opts.ariaLabel ?? 'Share of each group by department, with the range unknown values leave open',
    ariaDescription: 'Each dot is the group\'s share among people with a known value; the line runs from its share if none of the unknown belonged to it to its share if all did.',
    xLabel: 'Share of the department (%)',
    tickFormat: (x: number) => `${x}%`,
  });
}
