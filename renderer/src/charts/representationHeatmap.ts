import { formatCount, formatPercent } from '../format/numbers';
import { ratioHeatmap } from './ratioHeatmap';
import type { ChartOptions } from './theme';

/** A row of representation_share (queries/representation/representation_share.sql). */
export interface RepresentationRow {
  slice_type: string;
  slice_value: string;
  grp: string;
  count: number | null;
  slice_total: number | null;
  share: number | null;
  group_total: number | null;
  reference_total: number | null;
  reference_share: number | null;
  representation_index: number | null;
  suppressed: boolean;
  note: string | null;
}

const TYPE_WORDS: Record<string, string> = { level: 'Level', department: 'Department', mentors: 'Mentors', mentees: 'Mentees', promoted: 'Promoted', leavers: 'Leavers' };

/** "Level L3", "Department Sales", "Mentors": the slice as a row label. */
export const representationSliceLabel = (type: string, value: string): string =>
  value === 'all' ? TYPE_WORDS[type] ?? type : `${TYPE_WORDS[type] ?? type} ${value}`;

/**
 * Each group's representation index in every slice (its share of the slice over its share
 * of the workforce): rows are the slices, columns the groups, 1 = represented as in the
 * workforce, purple = under-represented.
 */
export function representationHeatmap(rows: readonly RepresentationRow[], opts: ChartOptions): SVGElement | HTMLElement {
  return ratioHeatmap(rows.map((r) => ({
    x: r.grp, y: representationSliceLabel(r.slice_type, r.slice_value), ratio: r.representation_index, suppressed: r.suppressed, note: r.note,
    detail: r.share === null ? undefined : formatPercent(r.share),
    title: r.suppressed || r.share === null ? undefined
      : `${r.grp} in ${representationSliceLabel(r.slice_type, r.slice_value)}: ${formatPercent(r.share)} (${formatCount(r.count ?? 0)} of ${formatCount(r.slice_total ?? 0)}) `
        + `vs ${r.reference_share === null ? '—' : formatPercent(r.reference_share)} of the reference population`
        + (r.representation_index === null ? '' : `, index ${r.representation_index.toFixed(2)}`),
  })), {
    ...opts,
    ariaLabel: opts.ariaLabel ?? 'Representation index by slice and group',
    ariaDescription: 'A grid of slices (rows) by groups (columns); each cell is the group\'s share of the slice divided by its share of the reference population; '
      + `cells with fewer than ${opts.k} people are not shown.`,
    xLabel: 'Group',
    yLabel: 'Slice',
    legend: 'Each cell: the group\'s share of the slice ÷ its share of the workforce (and the share itself). Purple: under-represented; orange: over-represented.',
  });
}
