import { formatCount } from '../format/numbers';
import { ratioHeatmap } from './ratioHeatmap';
import type { ChartOptions } from './theme';

/** A row of cross_group_matching (src/models/post/matrix.ts). */
export interface MatrixRow {
  mentor_grp: string;
  mentee_grp: string;
  observed: number | null;
  expected: number | null;
  ratio: number | null;
  suppressed: boolean;
  note: string | null;
}

/**
 * Who is matched with whom: mentor groups down, mentee groups across, each cell the
 * observed number of matches over the number independence would give (1 = as expected).
 */
export function matrixHeatmap(rows: readonly MatrixRow[], opts: ChartOptions): SVGElement | HTMLElement {
  return ratioHeatmap(rows.map((r) => ({
    x: r.mentee_grp, y: r.mentor_grp, ratio: r.ratio, suppressed: r.suppressed, note: r.note,
    detail: r.observed === null ? undefined : `${formatCount(r.observed)} matches`,
    title: r.suppressed ? undefined
      : `Mentor ${r.mentor_grp}, mentee ${r.mentee_grp}: ${formatCount(r.observed ?? 0)} matches, ${(r.expected ?? 0).toFixed(1)} expected`
        + (r.ratio === null ? '' : ` (${r.ratio.toFixed(2)}×)`),
  })), {
    ...opts,
    ariaLabel: opts.ariaLabel ?? 'Matches by mentor group and mentee group, observed over expected',
    ariaDescription: 'A grid of mentor groups (rows) by mentee groups (columns); each cell is the number of matches divided by the number expected if '
      + `mentor and mentee groups were independent; cells with fewer than ${opts.k} matches are not shown.`,
    xLabel: 'Mentee\'s group',
    yLabel: 'Mentor\'s group',
    legend: 'Each cell: matches ÷ matches expected under independence. Orange: more than expected; purple: fewer; white: as expected (1.00×).',
  });
}
