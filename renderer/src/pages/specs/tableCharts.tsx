import { readTableResult, type TableResult } from '../../api/readTableResult';
import type { ChartSpec } from '../../components/chart/ChartPanel';
import type { ModelTableRow } from '../../charts/tableRow';
import type { ChartOptions } from '../../charts/theme';
import type { TableSpec } from '../../tables/tableSpec';

type Result = TableResult<ModelTableRow>;

/**
 * A table model's chart: its result read generically (readTableResult), drawn by a chart
 * module, tabulated by a table spec. `rows` picks what the chart and the table show.
 */
export function tableChart(o: {
  draw: (rows: ModelTableRow[], opts: ChartOptions) => Element;
  table: (rows: ModelTableRow[]) => TableSpec<ModelTableRow>;
  empty?: string;
  rows?: (rows: ModelTableRow[]) => ModelTableRow[];
}): ChartSpec<Result, Result> {
  const pick = o.rows ?? ((rows: ModelTableRow[]) => rows);
  return {
    read: readTableResult as (bytes: Uint8Array) => Result,
    meta: (r) => r.meta,
    draw: (r, d) => o.draw(pick(r.rows), d),
    table: (r) => o.table(pick(r.rows)),
    empty: (r) => (pick(r.rows).length ? null : o.empty ?? `Nothing to show for ${r.meta.period.label}.`),
  };
}
