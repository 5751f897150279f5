import { memo, useContext, useMemo } from 'react';
import { ViewContext } from '../../data/viewContext';
import { modelRequest } from '../../data/modelRequest';
import { useModelResults } from '../../data/useModelResult';
import { useSettledStatus } from '../../data/useSettledStatus';
import { readRateResult } from '../../api/readRateResult';
import { chartAnchor, MODEL_PAGE } from '../../controls/pages';
import { suppressedText, verdictKey, VERDICT_COLOR } from '../../model/verdictStyle';
import { formatPP, formatPercent } from '../../format/numbers';
import { ErrorNotice, Notice } from '../../components/Notice';

/**
 * One headline figure of the review: a rate model's overall slice, each group's rate with its
 * change since the comparison quarter and since the same quarter a year earlier, the verdicts
 * counted, and a link to the full chart. Changes are the core's (only where both quarters'
 * cells are shown).
 */
function HeadlineTileImpl({ model, label }: { model: string; label: string }) {
  const { models, params, setControls, controls } = useContext(ViewContext)!;
  const summary = models.get(model);
  const req = useMemo(() => (summary?.available ? [modelRequest(summary, params)] : null), [summary, params]);
  const state = useModelResults(req, readRateResult);
  const id = `headline-${model}`;
  useSettledStatus(id, req?.[0].key ?? `none-${summary?.available}`, !req || state.status !== 'loading');
  const result = state.value?.[0];
  const rows = result?.rows.filter((r) => r.slice === 'all') ?? [];
  const verdicts = rows.map((r) => (r.suppressed ? null : verdictKey(r))).filter((v) => v === 'gap' || v === 'watch');
  const k = result?.meta.params.k ?? controls.k;
  const open = () => setControls({ page: MODEL_PAGE[model] ?? 'overview' }, `#${chartAnchor(model)}`);
  return (
    <article className="tile" data-testid={id} aria-labelledby={`${id}-title`} data-state={state.status}>
      <h2 className="tile-title" id={`${id}-title`}>{label}</h2>
      {!summary || !summary.available ? (
        <Notice kind="needs-data">{summary ? `${summary.title} ${summary.needs ?? 'needs more data'}.` : `No model ${model}.`}</Notice>
      ) : state.status === 'error' ? (
        <ErrorNotice error={state.error} title={`${summary.title} could not be computed`} />
      ) : !result ? (
        <Notice kind="loading">{state.status === 'cancelled' ? 'Cancelled.' : 'Computing…'}</Notice>
      ) : (
        <>
          <p className="tile-summary">
            {verdicts.length === 0 ? 'No gap flagged' : [
              verdicts.filter((v) => v === 'gap').length ? `${verdicts.filter((v) => v === 'gap').length} gap${verdicts.filter((v) => v === 'gap').length > 1 ? 's' : ''}` : null,
              verdicts.filter((v) => v === 'watch').length ? `${verdicts.filter((v) => v === 'watch').length} to watch` : null,
            ].filter(Boolean).join(' · ')}
            {' '}in {result.meta.period.label}
          </p>
          <table className="tile-table">
            <thead>
              <tr>
                <th scope="col">Group</th>
                <th scope="col" className="num">Rate</th>
                <th scope="col">Verdict</th>
                <th scope="col" className="num"><abbr title={`change in percentage points since ${result.meta.comparePeriod?.label ?? 'the quarter before'}`}>vs {result.meta.comparePeriod?.label ?? 'prior'}</abbr></th>
                <th scope="col" className="num"><abbr title={`change in percentage points since ${result.meta.yearAgoPeriod?.label ?? 'a year earlier'}`}>vs {result.meta.yearAgoPeriod?.label ?? 'year ago'}</abbr></th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const key = verdictKey(r);
                const delta = (col: 'delta_compare_pp' | 'delta_year_pp') => {
                  const v = r[col] ?? null;
                  return (
                    <td className="num" data-col={col} {...(v === null || r.suppressed ? {} : { 'data-value': String(v) })}>
                      {r.suppressed || v === null ? '—' : formatPP(v)}
                    </td>
                  );
                };
                return (
                  <tr key={r.grp} data-testid={`headline-row-${r.grp}`} className={r.suppressed ? 'suppressed' : undefined}>
                    <th scope="row">
                      {r.suppressed ? null : <span className="legend-swatch" style={{ background: VERDICT_COLOR[key] }} aria-hidden="true" />}
                      {r.grp}
                    </th>
                    <td className="num" data-col="rate" {...(r.suppressed || r.rate === null ? {} : { 'data-value': String(r.rate) })}>
                      {r.suppressed ? suppressedText(r, k) : r.rate === null ? '—' : formatPercent(r.rate)}
                    </td>
                    <td className="tile-verdict" data-col="verdict">{r.suppressed ? 'not shown' : key}</td>
                    {delta('delta_compare_pp')}
                    {delta('delta_year_pp')}
                  </tr>
                );
              })}
            </tbody>
          </table>
          <button type="button" className="link-button" onClick={open}>Open the chart</button>
        </>
      )}
    </article>
  );
}

export const HeadlineTile = memo(HeadlineTileImpl);
