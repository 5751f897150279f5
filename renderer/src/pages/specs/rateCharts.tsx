import type { ReactNode } from 'react';
import type { ModelParamsInput, ModelSummary } from '../../../../src/api/contract';
import { readRateResult, type RateResult } from '../../api/readRateResult';
import { rateDotPlot } from '../../charts/rateDotPlot';
import { impactRatioPlot } from '../../charts/impactRatioPlot';
import { trendPlot, type TrendRow } from '../../charts/trendPlot';
import { funnelPlot, stageLabel } from '../../charts/funnelPlot';
import { rateTableSpec, trendTableSpec } from '../../tables/rateTableSpec';
import { modelRequest } from '../../data/modelRequest';
import { VerdictLegend } from '../../components/VerdictLegend';
import { shiftPeriod } from '../../format/periods';
import type { ChartSpec } from '../../components/chart/ChartPanel';
import type { ModelMeta } from '../../model/modelMeta';

export interface RateChartOptions {
  numeratorLabel: string;
  denominatorLabel: string;
  /** What the axis measures, e.g. "Took part (% of eligible people)". */
  xLabel: string;
  adverse?: boolean;
  sliceLabel?: (slice: string) => string;
  sectionHeading?: string;
  legend?: (k: number) => ReactNode;
}

const tableOf = (o: RateChartOptions) => (r: RateResult) => rateTableSpec(r.rows, {
  numeratorLabel: o.numeratorLabel, denominatorLabel: o.denominatorLabel, sliceLabel: o.sliceLabel, sectionHeading: o.sectionHeading,
  compareLabel: r.meta.comparePeriod?.label, yearAgoLabel: r.meta.yearAgoPeriod?.label,
});

const noRows = (r: RateResult) => (r.rows.length ? null : `No one in the population for ${r.meta.period.label}.`);

/** Rates by group as dots with their CI and the reference rate as a rule (rateDotPlot). */
export function rateChart(o: RateChartOptions): ChartSpec<RateResult, RateResult> {
  return {
    read: readRateResult,
    meta: (r) => r.meta,
    draw: (r, d) => rateDotPlot(r.rows, { ...d, xLabel: o.xLabel, sliceLabel: o.sliceLabel }),
    table: tableOf(o),
    empty: noRows,
    legend: o.legend ?? ((k) => <VerdictLegend k={k} />),
  };
}

/** Impact ratios by group against the 0.8 line (impactRatioPlot). */
export function impactChart(o: RateChartOptions): ChartSpec<RateResult, RateResult> {
  return {
    read: readRateResult,
    meta: (r) => r.meta,
    draw: (r, d) => impactRatioPlot(r.rows, { ...d, adverse: o.adverse, sliceLabel: o.sliceLabel }),
    table: tableOf(o),
    empty: noRows,
    legend: (k) => <VerdictLegend k={k} ratio />,
  };
}

/** The access funnel: each group's share reaching each stage (funnelPlot). */
export function funnelChart(o: RateChartOptions): ChartSpec<RateResult, RateResult> {
  return {
    read: readRateResult,
    meta: (r) => r.meta,
    draw: (r, d) => funnelPlot(r.rows, d),
    table: tableOf({ ...o, sliceLabel: stageLabel, sectionHeading: 'Stage' }),
    empty: noRows,
  };
}

export interface TrendResult {
  meta: ModelMeta;
  periods: string[];
  rows: TrendRow[];
}

/** The quarters a trend covers: the review period and up to seven before it that the workspace has. */
export function trendPeriods(periods: readonly string[], review: string, count = 8): string[] {
  const wanted = Array.from({ length: count }, (_, i) => shiftPeriod(review, i - count + 1));
  return wanted.filter((p) => periods.includes(p));
}

/**
 * A rate across the last eight quarters for one slice (trendPlot): the model runs once per
 * quarter without comparisons, so each quarter's result is shared with that quarter's own
 * view and with the comparisons of the quarters after it (the core composes comparisons
 * from the same single-period results).
 */
export function trendChart(o: RateChartOptions & { slice: string; periods: (review: string) => string[] }) {
  const spec: ChartSpec<RateResult, TrendResult> & { requests: (s: ModelSummary, p: ModelParamsInput) => ReturnType<typeof modelRequest>[] } = {
    read: readRateResult,
    requests: (summary, params) => o.periods(params.period).map((period) => modelRequest(summary, params, { period, withComparisons: false, comparePeriod: null })),
    combine: (parts) => {
      const last = parts[parts.length - 1];
      const slice = o.slice;
      const periods = parts.map((p) => p.meta.period.label);
      return {
        meta: last.meta,
        periods,
        rows: parts.flatMap((p) => p.rows.filter((r) => r.slice === slice).map((r) => ({ ...r, period: p.meta.period.label }))),
      };
    },
    meta: (r) => r.meta,
    draw: (r, d) => trendPlot(r.rows, { ...d, periods: r.periods, yLabel: o.xLabel }),
    table: (r) => trendTableSpec(r.rows, { numeratorLabel: o.numeratorLabel, denominatorLabel: o.denominatorLabel }),
    empty: (r) => (r.rows.length ? null : 'No quarter to show.'),
  };
  return spec;
}
