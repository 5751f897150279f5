import { memo, useCallback, useContext, useEffect, useId, useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import type { ModelParamsInput, ModelSummary } from '../../../../src/api/contract';
import type { ModelMeta } from '../../model/modelMeta';
import type { AnyTableSpec } from '../../tables/tableSpec';
import { DataContext } from '../../data/dataContext';
import { ViewContext } from '../../data/viewContext';
import { ignoredControls, modelRequest, type ModelRequest } from '../../data/modelRequest';
import { useModelResults } from '../../data/useModelResult';
import { chartAnchor } from '../../controls/pages';
import { dimensionLabel, formatPeriodDays } from '../../format/labels';
import { exportFileName } from '../../export/download';
import { ErrorNotice, Notice } from '../Notice';
import { DataTable } from '../DataTable';
import { ChartCanvas } from './ChartCanvas';
import { ExportButtons } from './ExportButtons';

/** How to fetch, draw and tabulate one chart; defined once per chart at module level (stable identity). */
export interface ChartSpec<T, R> {
  read: (bytes: Uint8Array) => T;
  /** Several results (a trend's quarters) into what the chart draws; by default the one result. */
  combine?: (parts: T[]) => R;
  meta: (result: R) => ModelMeta;
  draw: (result: R, o: { width: number; document: Document; k: number; ariaLabel: string }) => Element;
  table: (result: R) => AnyTableSpec;
  /** A sentence in place of the chart when the result has nothing to show (no rows). */
  empty?: (result: R) => string | null;
  /** The key to the chart's marks, under it. */
  legend?: (k: number) => ReactNode;
}

interface Props<T, R> {
  model: string;
  spec: ChartSpec<T, R>;
  /** Parameters on top of the view's, e.g. the Programs page's program. */
  extra?: Partial<ModelParamsInput>;
  /** The requests, when not the one for `model` (a trend asks for each quarter). */
  requests?: (summary: ModelSummary, params: ModelParamsInput) => ModelRequest[];
  /** The panel's id (its anchor is chart-<id>); the model's name by default. */
  id?: string;
  title?: string;
  question?: string;
  /** A sentence under the question, e.g. "This is an association, not a causal effect." */
  lead?: ReactNode;
}

const TABLE_CAPTION = 'the numbers behind the chart';

/**
 * One model's chart with everything that goes with it: its question, the period and
 * grouping it shows, the chart with its legend and an accessible name, the same numbers as
 * a table, and export. In place of the chart it says what data would enable it, that it is
 * being computed, that it failed (the rest of the page goes on) or that it was cancelled.
 */
function ChartPanelImpl<T, R>({ model, spec, extra, requests, id = model, title, question, lead }: Props<T, R>) {
  const view = useContext(ViewContext)!;
  const { status } = useContext(DataContext);
  const headingId = useId();
  const summary = view.models.get(model);
  const extraKey = JSON.stringify(extra ?? {});
  const reqs = useMemo(() => {
    if (!summary || !summary.available) return null;
    return requests ? requests(summary, view.params) : [modelRequest(summary, view.params, extra)];
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [summary, view.params, extraKey, requests]);
  const reqKey = reqs?.map((r) => r.key).join('|') ?? `none:${summary?.available}`;
  const state = useModelResults(reqs, spec.read);
  const combined = useMemo(
    () => (state.value ? (spec.combine ? spec.combine(state.value) : (state.value[0] as unknown as R)) : undefined),
    [state.value, spec],
  );

  // The page is complete for its view when every panel has drawn or said why it cannot.
  const statusId = chartAnchor(id);
  useLayoutEffect(() => { status.pending(statusId); }, [status, statusId, reqKey]);
  useEffect(() => () => status.remove(statusId), [status, statusId]);
  const drawnFor = useRef<unknown>(null);
  const settledWithoutChart = !summary || !summary.available || state.status === 'error' || state.status === 'cancelled'
    || (state.status === 'done' && combined !== undefined && spec.empty?.(combined) != null);
  useEffect(() => {
    if (settledWithoutChart) status.done(statusId);
    else if (state.status === 'done' && drawnFor.current === combined) status.done(statusId);
  }, [settledWithoutChart, state.status, combined, status, statusId]);
  const chartEl = useRef<Element | null>(null);
  const onDrawn = useCallback((el: Element) => {
    chartEl.current = el;
    drawnFor.current = combinedRef.current;
    if (stateRef.current === 'done') status.done(statusId);
  }, [status, statusId]);
  const combinedRef = useRef(combined);
  combinedRef.current = combined;
  const stateRef = useRef(state.status);
  stateRef.current = state.status;

  const meta = combined ? spec.meta(combined) : undefined;
  const heading = title ?? meta?.title ?? summary?.title ?? model;
  const k = meta?.params.k ?? view.controls.k;
  const ignored = summary ? ignoredControls(summary, view.controls) : [];
  const label = meta ? `${heading} by ${groupingWords(meta)}, ${meta.period.label}` : heading;
  const table = useMemo(() => (combined ? spec.table(combined) : null), [combined, spec]);
  const draw = useCallback((r: R, o: { width: number; document: Document }) => spec.draw(r, { ...o, k, ariaLabel: label }), [spec, k, label]);
  const reloading = state.status === 'loading' && combined !== undefined;
  const emptyText = combined ? spec.empty?.(combined) ?? null : null;

  return (
    <section
      className="panel"
      id={statusId}
      aria-labelledby={headingId}
      aria-busy={state.status === 'loading'}
      data-testid={`panel-${id}`}
      data-state={!summary ? 'unknown' : !summary.available ? 'needs-data' : reloading ? 'reloading' : state.status}
    >
      <header className="panel-header">
        <h2 id={headingId}>{heading}</h2>
        <p className="panel-question">{question ?? meta?.question ?? summary?.question}</p>
        {lead ? <p className="panel-lead">{lead}</p> : null}
      </header>
      {!summary ? (
        <Notice kind="error" title="Not available">This version of Pathways has no model named {model}.</Notice>
      ) : !summary.available ? (
        <Notice kind="needs-data" title="More data needed">{sentence(`${summary.title} ${summary.needs ?? 'needs more data'}`)}</Notice>
      ) : state.status === 'error' ? (
        <ErrorNotice error={state.error} title={`${summary.title} could not be computed`} />
      ) : state.status === 'cancelled' && !combined ? (
        <Notice kind="empty" title="Cancelled">This chart was not computed. Use “Compute again” at the top of the page.</Notice>
      ) : !combined || !meta ? (
        <Notice kind="loading">Computing {summary.title.toLowerCase()}…</Notice>
      ) : (
        <div className={reloading ? 'panel-body reloading' : 'panel-body'}>
          <p className="panel-context">
            <strong>{meta.period.label}</strong> ({formatPeriodDays(meta.period.start, meta.period.end)}), by {groupingWords(meta)}.
            {meta.comparePeriod && meta.yearAgoPeriod ? <> Compared with {meta.comparePeriod.label} and {meta.yearAgoPeriod.label}.</> : null}
            {' '}Groups of fewer than {k} people are hidden.
            {reloading ? <span className="panel-updating" role="status"> Updating…</span> : null}
          </p>
          {ignored.length ? (
            <p className="panel-note" data-testid="ignored-controls">
              Not filtered by {listWords(ignored)}: this measure does not take {ignored.length === 1 ? 'that filter' : 'those filters'}.
            </p>
          ) : null}
          {emptyText ? (
            <Notice kind="empty" title="Nothing to show">{emptyText}</Notice>
          ) : (
            <figure className="chart" role="figure" aria-label={label} data-testid={`figure-${id}`}>
              <ChartCanvas result={combined} draw={draw} onDrawn={onDrawn} drawKey={`${k}|${label}`} identity={spec} />
              {spec.legend ? <figcaption className="chart-caption">{spec.legend(k)}</figcaption> : <figcaption className="visually-hidden">{label}</figcaption>}
            </figure>
          )}
          <ExportButtons chart={chartEl} table={table} k={k} fileBase={exportFileName([id, meta.period.label, meta.params.dimension, meta.params.dimension2 as string | null])} what={heading} />
          {meta.population ? <p className="panel-note" data-testid="population-note"><strong>Population:</strong> {meta.population}.</p> : null}
          {meta.notes.map((n) => <p key={n} className="panel-note">{n}</p>)}
          {table ? (
            <details className="table-details">
              <summary>Table: {TABLE_CAPTION}</summary>
              <DataTable spec={table} k={k} testId={`table-${id}`} caption={`${label}: ${TABLE_CAPTION}`} />
            </details>
          ) : null}
        </div>
      )}
    </section>
  );
}

export const ChartPanel = memo(ChartPanelImpl) as typeof ChartPanelImpl;

/** "gender", "gender × race/ethnicity". */
export function groupingWords(meta: ModelMeta): string {
  const d2 = meta.params.dimension2;
  const one = dimensionLabel(meta.params.dimension).toLowerCase();
  return typeof d2 === 'string' && d2 ? `${one} × ${dimensionLabel(d2).toLowerCase()}` : one;
}

const listWords = (xs: string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);

/** The core's "needs ..." text as a sentence. */
const sentence = (s: string) => (s.endsWith('.') ? s : `${s}.`);
