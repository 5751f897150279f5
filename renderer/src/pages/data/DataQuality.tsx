import type { ModelSummary, WorkspaceInfo } from '../../../../src/api/contract';

/** Which tables are still empty, which models that keeps from running, and how events are obtained. */
export function DataQuality({ info, models }: { info: WorkspaceInfo; models: ModelSummary[] | undefined }) {
  const empty = info.tables.filter((t) => t.rows === 0).map((t) => t.table);
  const blocked = (models ?? []).filter((m) => !m.available);
  const hasEvents = (info.tables.find((t) => t.table === 'job_events')?.rows ?? 0) > 0;
  return (
    <section className="data-quality" aria-labelledby="data-quality-title" data-testid="data-quality">
      <h2 id="data-quality-title">Data quality</h2>
      <ul>
        {info.tables.map((t) => (
          <li key={t.table} data-testid={`table-${t.table}`}>{t.table}: {t.rows === 0 ? <span className="data-warning">missing</span> : `${t.rows.toLocaleString('en')} rows`}</li>
        ))}
      </ul>
      {info.derivedEvents ? (
        <p className="data-info" data-testid="derived-events">
          No job-events file is imported: promotions and exits are derived from consecutive roster snapshots (a level that went up is a
          promotion; a person who left the roster or got a termination date is an exit), dated at the snapshot that first shows them.
        </p>
      ) : !hasEvents ? (
        <p className="data-note" data-testid="no-events">No job-events file, and fewer than two roster snapshots: promotions and exits cannot be derived yet.</p>
      ) : null}
      {blocked.length ? (
        <>
          <p>{empty.length ? `Missing: ${empty.join(', ')}. ` : ''}These models cannot run yet:</p>
          <ul data-testid="blocked-models">
            {blocked.map((m) => <li key={m.name}><strong>{m.title}</strong>{m.needs ? ` — ${m.needs}` : ''}</li>)}
          </ul>
        </>
      ) : models ? <p data-testid="all-models">Every model has the data it needs.</p> : null}
    </section>
  );
}
