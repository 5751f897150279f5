import type { ImportReport } from '../../../../src/ingest/importReport';

/** What an import or a check found: per file the counts and notes, then every reject (the first 1,000). */
export function ValidationReport({ report, dryRun }: { report: ImportReport; dryRun: boolean }) {
  return (
    <section className="data-report" aria-label="Validation report" data-testid="validation-report">
      <ul className="data-files">
        {report.files.map((f) => (
          <li key={f.file} data-testid={`report-${f.file}`}>
            <strong>{f.file}</strong>: {statusText(f.status, dryRun)} — {f.rowsRead} rows read, {f.rowsValid} valid{f.status === 'imported' ? `, ${f.rowsImported} imported into ${f.table}` : ''}{f.rejected ? `, ${f.rejected} rejected` : ''}.
            {f.notes.length ? <ul>{f.notes.map((n) => <li key={n} className="data-muted">{n}</li>)}</ul> : null}
          </li>
        ))}
      </ul>
      {report.rejects.length ? (
        <div className="data-preview" role="region" aria-label="Rejected rows" tabIndex={0}>
          <table data-testid="rejects-table">
            <thead><tr><th scope="col">File</th><th scope="col">Row</th><th scope="col">Column</th><th scope="col">Value</th><th scope="col">Reason</th></tr></thead>
            <tbody>
              {report.rejects.map((r) => (
                <tr key={`${r.file}:${r.row}:${r.column}:${r.reason}`}>
                  <td>{r.file}</td><td data-col="row">{r.row}</td><td data-col="column">{r.column}</td><td data-col="value">{r.value ?? ''}</td><td data-col="reason">{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.rejectedTotal > report.rejects.length ? <p className="data-note">Showing {report.rejects.length} of {report.rejectedTotal} rejects; the CSV has them all.</p> : null}
        </div>
      ) : null}
    </section>
  );
}

function statusText(status: string, dryRun: boolean): string {
  switch (status) {
    case 'checked': return 'checked, nothing imported yet';
    case 'rejected': return dryRun ? 'has rejected rows' : 'not imported (rows were rejected)';
    case 'unchanged': return 'already imported, nothing changed';
    default: return 'imported';
  }
}
