import { memo, type ReactNode } from 'react';
import type { TableSpec } from '../tables/tableSpec';

interface Props<Row> {
  spec: TableSpec<Row>;
  k: number;
  caption: ReactNode;
  /** data-testid of the table, e.g. "table-participation_rate". */
  testId: string;
}

/**
 * The numbers behind a chart. Every cell carries data-col="<column of the result>" and the
 * raw number in data-value (end-to-end tests read these); rows are data-testid="row-<key>".
 * A suppressed row never carries a figure: its count cells show the core's note ("fewer than
 * 5"), its derived cells a dash, and none of them has a data-value.
 */
function DataTableImpl<Row>({ spec, k, caption, testId }: Props<Row>) {
  const sections = spec.section ? [...new Set(spec.rows.map(spec.section))] : [''];
  const span = spec.columns.length;
  return (
    // Focusable so that keyboard users can scroll it sideways on a narrow window.
    <div className="table-scroll" tabIndex={0} role="region" aria-label={typeof caption === 'string' ? caption : 'Table'}>
      <table className="rate-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {spec.columns.map((c) => (
              <th key={c.key} scope="col" className={c.kind === 'text' ? undefined : 'num'}>
                {c.help ? <abbr title={c.help}>{c.label}</abbr> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        {sections.map((section) => (
          <tbody key={section} data-section={section || undefined}>
            {spec.section ? (
              <tr className="slice-row">
                <th scope="rowgroup" colSpan={span}>{spec.sectionLabel ? spec.sectionLabel(section) : section}</th>
              </tr>
            ) : null}
            {spec.rows.filter((r) => !spec.section || spec.section(r) === section).map((row) => (
              <Row key={spec.rowKey(row)} spec={spec} row={row} k={k} />
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

function Row<R>({ spec, row, k }: { spec: TableSpec<R>; row: R; k: number }) {
  const hidden = spec.suppressed(row);
  const note = hidden ? spec.note(row, k) : null;
  return (
    <tr data-testid={`row-${spec.rowKey(row)}`} data-suppressed={hidden ? 'true' : undefined} className={hidden ? 'suppressed' : undefined}>
      {spec.columns.map((c, i) => {
        const value = c.value(row);
        if (c.kind === 'text') {
          const Tag = i === 0 ? 'th' : 'td';
          return (
            <Tag key={c.key} scope={i === 0 ? 'row' : undefined} data-col={c.key} data-value={value === null ? undefined : String(value)}>
              {value === null ? '—' : String(value)}
            </Tag>
          );
        }
        if (hidden) {
          return (
            <td key={c.key} className="num" data-col={c.key} title={c.kind === 'figure' ? `not shown: ${note} people` : undefined}>
              {c.kind === 'count' ? note : '—'}
            </td>
          );
        }
        const shown = value === null ? '—' : c.display ? c.display(row) : typeof value === 'number' && c.format ? c.format(value, row) : String(value);
        return (
          <td key={c.key} className="num" data-col={c.key} {...(value === null ? { title: 'not applicable' } : { 'data-value': String(value) })} {...(c.attrs?.(row) ?? {})}>
            {shown}
          </td>
        );
      })}
    </tr>
  );
}

export const DataTable = memo(DataTableImpl) as typeof DataTableImpl;
