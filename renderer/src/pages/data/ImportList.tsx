import type { ImportRecord } from '../../../../src/api/contract';

/** Every import in the workspace with its counts and content hash; each can be removed. */
export function ImportList({ imports, onRemove, busy }: { imports: ImportRecord[]; onRemove: (i: ImportRecord) => void; busy: boolean }) {
  if (!imports.length) return <p className="data-note" data-testid="imports-empty">No imports yet.</p>;
  return (
    <div className="data-preview" role="region" aria-label="Imports" tabIndex={0}>
      <table data-testid="imports-table">
        <thead>
          <tr><th scope="col">#</th><th scope="col">File</th><th scope="col">Table</th><th scope="col">Rows</th><th scope="col">Rejected</th><th scope="col">Snapshot</th><th scope="col">Imported</th><th scope="col">SHA-256</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr>
        </thead>
        <tbody>
          {imports.map((i) => (
            <tr key={i.importId} data-testid={`import-${i.fileName}`}>
              <td>{i.importId}</td><td>{i.fileName}</td><td>{i.table}</td><td data-col="rows">{i.rowCount}</td><td data-col="rejected">{i.rejectedCount}</td>
              <td>{i.snapshotDate ?? ''}</td><td>{i.importedAt.replace('T', ' ')}</td>
              <td><code title={i.fileHash} data-col="hash">{i.fileHash.slice(0, 12)}…</code></td>
              <td><button type="button" className="data-button data-button-quiet" disabled={busy} onClick={() => onRemove(i)} aria-label={`Remove import ${i.importId} (${i.fileName})`}>Remove</button></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
