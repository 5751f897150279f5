import { useState } from 'react';
import type { WorkspaceInfo, MethodOutput } from '../../../../src/api/contract';
import type { Call } from '../../api/client';
import { asApiError, type ApiError } from '../../api/apiError';
import { useAsync } from '../../hooks/useAsync';
import { ErrorNotice, Notice } from '../../components/Notice';
import { downloadReport } from './download';

type Summary = MethodOutput<'listReviews'>[number];
type Comparison = MethodOutput<'compareReviews'>;
const FORMATS = ['pdf', 'html', 'csv', 'xlsx'] as const;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const pp = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x).toFixed(1)} pp`;

/**
 * Reviews (?page=reviews): seal the review of a period, see the sealed ones, open one as it
 * was presented, export it, and compare two. Everything comes from the contract; a sealed
 * review is shown from what it stored, in a frame that runs no script.
 */
export function ReviewsPage({ info, call }: { info: WorkspaceInfo; call: Call }) {
  const [period, setPeriod] = useState(info.periods[info.periods.length - 1] ?? '');
  const [k, setK] = useState(5);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [version, setVersion] = useState(0);
  const [opened, setOpened] = useState<{ id: number; html: string; intact: boolean } | null>(null);
  const [picked, setPicked] = useState<number[]>([]);
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const reviews = useAsync(() => call('listReviews', {}), [call, version]);

  const run = async (what: string, task: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    try { await task(); } catch (e) { setError(asApiError(e)); } finally { setBusy(null); }
  };
  const settings = { period, k };

  return (
    <section className="reviews" aria-label="Reviews">
      <h2>Reviews</h2>
      <p className="muted">A sealed review keeps its inputs' hashes, settings, model versions and every figure as presented; later imports do not change it.</p>
      <div className="controls" role="group" aria-label="New review">
        <div className="control">
          <label htmlFor="review-period">Review period</label>
          <select id="review-period" value={period} onChange={(e) => setPeriod(e.target.value)}>
            {info.periods.map((p) => <option key={p} value={p}>{p}</option>)}
          </select>
        </div>
        <div className="control">
          <label htmlFor="review-k">Minimum group size (k)</label>
          <input id="review-k" type="number" min={3} max={1000} value={k} onChange={(e) => setK(Math.max(3, Number(e.target.value) || 3))} />
        </div>
        <button type="button" disabled={!!busy} onClick={() => run('saving', async () => { await call('saveReview', { settings }); setVersion((v) => v + 1); })}>Save (seal) review</button>
        {FORMATS.map((f) => (
          <button key={f} type="button" disabled={!!busy} onClick={() => run(`exporting ${f}`, async () => downloadReport(await call('exportReport', { settings, format: f })))}>
            Export {f.toUpperCase()}
          </button>
        ))}
      </div>
      {busy && <Notice kind="loading">Working: {busy}… (a review runs every model; this takes a little while)</Notice>}
      {error && <ErrorNotice error={error} title="That did not work" />}

      {reviews.status === 'error' ? <ErrorNotice error={reviews.error} title="The reviews could not be listed" />
        : !reviews.value ? <Notice kind="loading">Loading reviews…</Notice>
          : reviews.value.length === 0 ? <Notice kind="empty" title="No sealed reviews yet">Save a review to seal it.</Notice>
            : (
              <table className="rate-table" data-testid="reviews-table">
                <thead><tr><th>Compare</th><th>#</th><th>Title</th><th>Period</th><th>Sealed</th><th>k</th><th>Findings</th><th>Actions</th></tr></thead>
                <tbody>
                  {reviews.value.map((r: Summary) => (
                    <tr key={r.reviewId} data-testid={`review-${r.reviewId}`}>
                      <td><input type="checkbox" aria-label={`Compare review ${r.reviewId}`} checked={picked.includes(r.reviewId)}
                        onChange={(e) => setPicked((p) => (e.target.checked ? [...p, r.reviewId].slice(-2) : p.filter((x) => x !== r.reviewId)))} /></td>
                      <td>{r.reviewId}</td><td>{r.title}</td><td>{r.period}</td><td>{r.createdAt}</td><td>{r.settings.k}</td><td>{r.findings} ({r.gaps} gaps)</td>
                      <td>
                        <button type="button" disabled={!!busy} onClick={() => run('opening', async () => { const o = await call('openReview', { reviewId: r.reviewId }); setOpened({ id: r.reviewId, html: o.html, intact: o.intact }); })}>Open</button>
                        {FORMATS.map((f) => (
                          <button key={f} type="button" disabled={!!busy} onClick={() => run(`exporting ${f}`, async () => downloadReport(await call('exportReview', { reviewId: r.reviewId, format: f })))}>{f.toUpperCase()}</button>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
      <button type="button" disabled={picked.length !== 2 || !!busy} onClick={() => run('comparing', async () => {
        const [a, b] = [...picked].sort((x, y) => x - y);
        setComparison(await call('compareReviews', { a, b }));
      })}>Compare the two ticked reviews</button>

      {comparison && <ComparisonView c={comparison} />}
      {opened && (
        <figure className="review-frame">
          <figcaption>Review {opened.id} as presented{opened.intact ? '' : ' — its seal is broken: the stored review was changed after sealing'}</figcaption>
          {/* No allow-scripts: the review has none, and a stored page must not run any. */}
          <iframe title={`Review ${opened.id}`} sandbox="" srcDoc={opened.html} style={{ width: '100%', height: '80vh', border: '1px solid #d0d7de' }} />
        </figure>
      )}
    </section>
  );
}

function ComparisonView({ c }: { c: Comparison }) {
  const changed = c.rates.filter((r) => r.significant);
  return (
    <section aria-label="Comparison" data-testid="review-comparison">
      <h3>Review {c.a.reviewId} ({c.a.period}) → review {c.b.reviewId} ({c.b.period})</h3>
      <ul>
        {c.settingsChanged.map((s) => <li key={s.setting}>Setting {s.setting}: {s.a} → {s.b}</li>)}
        {c.inputsAdded.map((i) => <li key={`+${i.fileHash}`}>Input added: {i.fileName}</li>)}
        {c.inputsRemoved.map((i) => <li key={`-${i.fileHash}`}>Input removed: {i.fileName}</li>)}
        {c.modelsChanged.map((m) => <li key={m.model}>Model changed: {m.model}</li>)}
      </ul>
      <p>{changed.length} of {c.rates.length} group rates changed by more than chance (two-proportion test on the shown counts, q &lt; 0.05); {c.notComparable} hidden in one of the two were not compared.</p>
      <table className="rate-table">
        <thead><tr><th>Figure</th><th>Group</th><th>Slice</th><th>Before</th><th>After</th><th>Change</th><th>q</th></tr></thead>
        <tbody>
          {[...c.headlines, ...changed].map((r) => (
            <tr key={`${r.model}|${r.dimension}|${r.slice}|${r.group}`}>
              <td>{r.title}</td><td>{r.group}</td><td>{r.slice}</td>
              <td>{pct(r.rateA)} ({r.numeratorA} of {r.denominatorA})</td><td>{pct(r.rateB)} ({r.numeratorB} of {r.denominatorB})</td>
              <td>{pp(r.deltaPp)}{r.significant ? ' (larger than chance)' : ''}</td><td>{r.q < 0.001 ? '< 0.001' : r.q.toFixed(3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>Findings: {c.findingsAdded.length} new, {c.findingsRemoved.length} gone, {c.findingsKept} kept.</p>
      <ul>
        {c.findingsAdded.map((f) => <li key={`+${f.id}`}>New: {f.sentence}</li>)}
        {c.findingsRemoved.map((f) => <li key={`-${f.id}`}>Gone: {f.sentence}</li>)}
      </ul>
    </section>
  );
}
