import { memo, useContext, useMemo } from 'react';
import type { Finding } from '../../../../src/findings/findingSchema';
import { ViewContext } from '../../data/viewContext';
import { findingsRequest } from '../../data/modelRequest';
import { useModelResults } from '../../data/useModelResult';
import { useSettledStatus } from '../../data/useSettledStatus';
import { chartAnchor, MODEL_PAGE } from '../../controls/pages';
import { VERDICT_COLOR } from '../../model/verdictStyle';
import { ErrorNotice, Notice } from '../../components/Notice';

const asFindings = (answer: Finding[]) => answer;
const SHOWN = 12;

/**
 * The review's findings, ranked by size and confidence (the core's sentences: none from a
 * suppressed cell, none without significance), each a link to the chart it comes from.
 */
function FindingsListImpl() {
  const { params, setControls, models } = useContext(ViewContext)!;
  const req = useMemo(() => [findingsRequest(params)], [params]);
  const state = useModelResults(req, asFindings);
  useSettledStatus('findings', req[0].key, state.status !== 'loading');
  const findings = state.value?.[0];
  return (
    <section className="panel" aria-labelledby="findings-title" data-testid="findings" data-state={state.status}>
      <header className="panel-header">
        <h2 id="findings-title">Findings</h2>
        <p className="panel-question">
          Differences large and certain enough to report, ranked by size and confidence (q-values adjusted across every comparison of the review).
        </p>
      </header>
      {state.status === 'error' ? (
        <ErrorNotice error={state.error} title="The findings could not be computed" />
      ) : !findings ? (
        <Notice kind="loading">{state.status === 'cancelled' ? 'Cancelled.' : 'Computing the findings…'}</Notice>
      ) : findings.length === 0 ? (
        <Notice kind="empty" title="No findings">No difference in this period is both large and significant enough to report.</Notice>
      ) : (
        <ol className="findings">
          {findings.slice(0, SHOWN).map((f) => (
            <li key={`${f.model}|${f.slice}|${f.grp}`} data-testid="finding" data-model={f.model}>
              <span className={`finding-verdict verdict-${f.verdict}`} style={{ borderColor: VERDICT_COLOR[f.verdict === 'gap' ? 'gap' : 'watch'] }}>{f.verdict}</span>
              <span className="finding-text">{f.sentence}</span>
              <button
                type="button"
                className="link-button"
                onClick={() => setControls({ page: MODEL_PAGE[f.model] ?? 'overview' }, `#${chartAnchor(f.model)}`)}
              >
                {models.get(f.model)?.title ?? f.model} chart
              </button>
            </li>
          ))}
        </ol>
      )}
      {findings && findings.length > SHOWN ? <p className="panel-note">{findings.length - SHOWN} more findings are on the pages they belong to.</p> : null}
    </section>
  );
}

export const FindingsList = memo(FindingsListImpl);
