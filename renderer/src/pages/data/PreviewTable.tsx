/** The first rows of a file as read, so the user can see what each column holds. */
export function PreviewTable({ columns, rows, mapped }: { columns: string[]; rows: string[][]; mapped: Set<string> }) {
  const shown = columns.slice(0, 40);
  return (
    <div className="data-preview" role="region" aria-label="First rows of the file" tabIndex={0}>
      <table data-testid="data-preview">
        <thead>
          <tr>{shown.map((c) => <th key={c} scope="col" className={mapped.has(c) ? 'data-col-mapped' : undefined}>{c}</th>)}</tr>
        </thead>
        <tbody>
          {rows.slice(0, 8).map((r, i) => (
            // eslint-disable-next-line react/no-array-index-key
            <tr key={i}>{shown.map((c, j) => <td key={c}>{r[j]}</td>)}</tr>
          ))}
        </tbody>
      </table>
      {columns.length > shown.length ? <p className="data-note">{columns.length - shown.length} more columns not shown.</p> : null}
    </div>
  );
}
