import type { ReactNode } from 'react';
import type { RateRow } from '../model/rateRow';
import { orderedSlices, sliceLabel } from '../model/slices';
import { suppressedText, verdictKey } from '../model/verdictStyle';
import { formatCount, formatInterval, formatP, formatPercent, formatRatio } from '../format/numbers';

interface Props {
  rows: RateRow[];
  k: number;
  caption: ReactNode;
  /** data-testid of the table, e.g. "participation-table". */
  testId: string;
  /** Column headings for the counts, e.g. "Participants" and "Eligible". */
  numeratorLabel: string;
  denominatorLabel: string;
}

/**
 * The numbers behind the chart. Every cell carries data-col="<column of the result>" and the
 * raw number in data-value (end-to-end tests read these); rows are data-testid="row-<slice>-<group>".
 * A suppressed row never carries a figure: its count cells show the core's note ("fewer than
 * 5"), the cells derived from the counts (rate, CI, ratio, p, q) a dash, and none has a data-value.
 */
export function RateTable({ rows, k, caption, testId, numeratorLabel, denominatorLabel }: Props) {
  return (
    // Focusable so that keyboard users can scroll it sideways on a narrow window.
    <div className="table-scroll" tabIndex={0} role="region" aria-label={typeof caption === 'string' ? caption : 'Table'}>
      <table className="rate-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col" className="num">{numeratorLabel}</th>
            <th scope="col" className="num">{denominatorLabel}</th>
            <th scope="col" className="num">Rate</th>
            <th scope="col" className="num">95% CI</th>
            <th scope="col" className="num"><abbr title="the group's rate divided by the reference group's rate">Impact ratio</abbr></th>
            <th scope="col" className="num"><abbr title="p-value of the comparison with the reference group">p</abbr></th>
            <th scope="col" className="num"><abbr title="p-value adjusted for the number of comparisons (Benjamini–Hochberg)">q</abbr></th>
            <th scope="col">Verdict</th>
          </tr>
        </thead>
        {orderedSlices(rows).map((slice) => (
          <tbody key={slice} data-slice={slice}>
            <tr className="slice-row">
              <th scope="rowgroup" colSpan={9}>{sliceLabel(slice)}</th>
            </tr>
            {rows.filter((r) => r.slice === slice).map((r) => <RateTableRow key={r.grp} row={r} k={k} />)}
          </tbody>
        ))}
      </table>
    </div>
  );
}

function RateTableRow({ row, k }: { row: RateRow; k: number }) {
  const key = verdictKey(row);
  const hidden = row.suppressed ? suppressedText(row, k) : null;
  /** A count: the note in place of a suppressed one. */
  const count = (col: 'numerator' | 'denominator') => {
    const value = row[col];
    return (
      <td className="num" data-col={col} {...(hidden === null && value !== null ? { 'data-value': String(value) } : {})}>
        {hidden ?? (value === null ? '—' : formatCount(value))}
      </td>
    );
  };
  /** A figure derived from the counts: a dash when suppressed or not applicable (the reference has no ratio). */
  const derived = (col: string, value: number | null, text: (v: number) => string) => (
    <td
      className="num"
      data-col={col}
      {...(hidden === null && value !== null ? { 'data-value': String(value) } : {})}
      title={hidden !== null ? `not shown: ${hidden} people` : value === null ? 'not applicable' : undefined}
    >
      {hidden !== null || value === null ? '—' : text(value)}
    </td>
  );
  const ci = hidden === null && row.ci_lower !== null && row.ci_upper !== null ? [row.ci_lower, row.ci_upper] as const : null;
  return (
    <tr data-testid={`row-${row.slice}-${row.grp}`} data-suppressed={row.suppressed ? 'true' : undefined} className={row.suppressed ? 'suppressed' : undefined}>
      <th scope="row" data-col="grp">{row.grp}</th>
      {count('numerator')}
      {count('denominator')}
      {derived('rate', row.rate, (v) => formatPercent(v))}
      <td
        className="num"
        data-col="ci"
        {...(ci ? { 'data-lower': String(ci[0]), 'data-upper': String(ci[1]) } : {})}
        title={hidden !== null ? `not shown: ${hidden} people` : undefined}
      >
        {ci ? formatInterval(ci[0], ci[1]) : '—'}
      </td>
      {derived('impact_ratio', row.impact_ratio, formatRatio)}
      {derived('p_value', row.p_value, formatP)}
      {derived('q_value', row.q_value, formatP)}
      <td data-col="verdict" data-value={row.suppressed ? 'not shown' : key} className={`verdict verdict-${key.replace(/ /g, '-')}`}>
        {row.suppressed ? 'not shown' : key}
      </td>
    </tr>
  );
}
