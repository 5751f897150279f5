import { useId } from 'react';
import type { RateResult } from '../api/readRateResult';
import type { AsyncState } from '../hooks/useAsync';
import { dimensionLabel, formatPeriodDays } from '../format/labels';
import { ErrorNotice, Notice } from './Notice';
import { RateChart } from './RateChart';
import { RateTable } from './RateTable';
import { VerdictLegend } from './VerdictLegend';

/**
 * Participation for the chosen period: the chart (one panel per layer) with the model's
 * question and population, then the same numbers as a table. An error takes the chart's place.
 */
export function ParticipationPanel({ state }: { state: AsyncState<RateResult> }) {
  const headingId = useId();
  const result = state.value;
  const meta = result?.meta;
  const reloading = state.status === 'loading' && result !== undefined;
  const by = meta ? dimensionLabel(meta.params.dimension).toLowerCase() : '';
  return (
    <section className="panel" aria-labelledby={headingId} aria-busy={state.status === 'loading'} data-testid="participation-panel">
      <header className="panel-header">
        <h2 id={headingId}>{meta?.title ?? 'Participation rate'}</h2>
        {meta ? <p className="panel-question">{meta.question}</p> : null}
      </header>
      {state.status === 'error' ? (
        <ErrorNotice error={state.error} title="Participation could not be computed" />
      ) : !result || !meta ? (
        <Notice kind="loading">Computing participation…</Notice>
      ) : result.rows.length === 0 ? (
        <Notice kind="empty" title="No one to count">
          No one was employed at the end of {meta.period.label} in this workspace, so there is no participation to show.
        </Notice>
      ) : (
        <div className={reloading ? 'panel-body reloading' : 'panel-body'}>
          <p className="panel-context">
            <strong>{meta.period.label}</strong> ({formatPeriodDays(meta.period.start, meta.period.end)}), by {by}. Groups of fewer
            than {meta.params.k} people are hidden.
          </p>
          <RateChart
            rows={result.rows}
            k={meta.params.k}
            label={`${meta.title} by ${by}, ${meta.period.label}`}
            xLabel="Took part (% of eligible people)"
            caption={<VerdictLegend k={meta.params.k} />}
          />
          {meta.population ? (
            <p className="panel-note" data-testid="population-note">
              <strong>Population:</strong> {meta.population}.
            </p>
          ) : null}
          {meta.notes.map((n) => (
            <p key={n} className="panel-note">{n}</p>
          ))}
          <RateTable
            rows={result.rows}
            k={meta.params.k}
            testId="participation-table"
            caption={`${meta.title} by ${by}, ${meta.period.label}: the numbers behind the chart`}
            numeratorLabel="Participants"
            denominatorLabel="Eligible"
          />
        </div>
      )}
    </section>
  );
}
