import { survivalPlot, type SurvivalRow } from '../../charts/survivalPlot';
import { survivalTableSpec } from '../../tables/modelTableSpecs';
import { tableChart } from './tableCharts';

/** Kaplan-Meier curves of one slice ('all' by default) of a survival model, with its summary table. */
export function survivalChart(o: { unit: 'days' | 'years'; xLabel: string; yLabel: string; slice?: string }) {
  const slice = o.slice ?? 'all';
  return tableChart({
    rows: (rows) => rows.filter((r) => r.slice === slice),
    draw: (rows, d) => survivalPlot(rows as unknown as SurvivalRow[], { ...d, slice, unit: o.unit, xLabel: o.xLabel, yLabel: o.yLabel }),
    table: (rows) => survivalTableSpec(rows, o.unit),
    empty: 'No one to follow in this period.',
  });
}
