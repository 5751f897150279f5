/**
 * The first screen of an empty workspace: the two ways in. The demo is built from the command
 * line (it generates files and imports them, which takes a while and writes a new workspace);
 * an import starts on the Data page.
 */
export function FirstRun({ dataHref, onImport }: { dataHref: string; onImport: () => void }) {
  return (
    <section className="first-run" aria-labelledby="first-run-title" data-testid="first-run">
      <h1 id="first-run-title">This workspace has no data yet</h1>
      <p>Pathways needs at least a roster (people) file to show anything. Two ways to start:</p>
      <div className="first-run-options">
        <div className="first-run-option">
          <h2>Import your files</h2>
          <p>
            Exports from your HR system (a roster, job history) and from your mentorship tools (programs, enrollments, matches,
            sessions, feedback, goals). CSV, Excel, Parquet and JSON are read as they come; the columns are mapped once.
          </p>
          <a className="button" href={dataHref} onClick={(e) => { e.preventDefault(); onImport(); }}>Go to Data</a>
        </div>
        <div className="first-run-option">
          <h2>Try the demo</h2>
          <p>A demo workspace with 2,000 generated people and realistic vendor-style exports, built on this machine:</p>
          <pre><code>npm start</code></pre>
          <p>or, from the command line:</p>
          <pre><code>pathways demo --dir ./demo{'\n'}pathways serve --workspace ./demo/workspace.duckdb</code></pre>
        </div>
      </div>
    </section>
  );
}
