import { sliceLabel } from '../../renderer/src/model/slices';
import { verdictKey } from '../../renderer/src/model/verdictStyle';
import type { RateRow } from '../models/rateStats';
import { EVERYONE_DIMENSION } from './everyone';
import type { CellValue, ModelBlock, PackResult } from './packSchema';
import { formatCount, formatDecimal, formatInterval, formatPercent, formatPp, formatRatio } from './format';

/**
 * A result as the table a reader sees, and as the same table for a spreadsheet: each column
 * says how to print a value (`text`) and which raw value to export (`value`). Suppressed rows
 * keep only their identifying columns and the words "fewer than k" — they hold no figure to print.
 */
export interface DisplayColumn {
  key: string;
  label: string;
  numeric: boolean;
  /** The column identifies the row (kept when the row is suppressed). */
  identifies: boolean;
  text: (row: Record<string, CellValue>) => string;
  value: (row: Record<string, CellValue>) => CellValue;
}

export interface DisplayTable {
  /** Stable id, also the CSV file and XLSX sheet name stem. */
  id: string;
  title: string;
  columns: DisplayColumn[];
  rows: Record<string, CellValue>[];
  /** Printed as a heading row whenever it changes, instead of a column (rate tables: the slice). */
  groupBy: DisplayColumn | null;
}

/** A p- or q-value in a table cell: three decimals, or "< 0.001". */
const formatPValue = (x: number): string => (x < 0.001 ? '< 0.001' : x.toFixed(3));

const n = (v: CellValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const txt = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : String(v));
const blank = (f: (x: number) => string) => (v: CellValue | undefined) => { const x = n(v); return x === null ? '' : f(x); };

const col = (key: string, label: string, text: (v: CellValue | undefined) => string, opts: Partial<DisplayColumn> = {}): DisplayColumn => ({
  key, label, numeric: true, identifies: false, text: (r) => text(r[key]), value: (r) => r[key] ?? null, ...opts,
});
const idCol = (key: string, label: string, show: (v: string) => string = (v) => v): DisplayColumn => ({
  key, label, numeric: false, identifies: true, text: (r) => show(txt(r[key])), value: (r) => r[key] ?? null,
});

/** The columns of a rate model's table; the change columns only for the quarter view. */
function rateColumns(result: PackResult): DisplayColumn[] {
  const cols: DisplayColumn[] = [
    idCol('slice', 'Slice', sliceLabel),
    idCol('grp', 'Group'),
    {
      key: 'count', label: 'With outcome', numeric: true, identifies: false,
      text: (r) => (n(r.numerator) === null ? '' : `${formatCount(n(r.numerator)!)} of ${formatCount(n(r.denominator)!)}`),
      value: (r) => r.numerator ?? null,
    },
    col('rate', 'Rate', blank((x) => formatPercent(x))),
    {
      key: 'ci', label: '95% CI', numeric: true, identifies: false,
      text: (r) => (n(r.ci_lower) === null ? '' : formatInterval(n(r.ci_lower)!, n(r.ci_upper)!)), value: (r) => r.ci_lower ?? null,
    },
    col('impact_ratio', 'Impact ratio', blank(formatRatio)),
    col('p_value', 'p', blank(formatPValue)),
    col('q_value', 'q', blank(formatPValue)),
    {
      key: 'verdict', label: 'Verdict', numeric: false, identifies: false,
      text: (r) => (r.suppressed ? '' : verdictKey(r as unknown as Pick<RateRow, 'is_reference' | 'verdict'>)), value: (r) => (r.suppressed ? null : verdictKey(r as unknown as Pick<RateRow, 'is_reference' | 'verdict'>)),
    },
  ];
  if (result.window === 'quarter' && result.comparePeriod) {
    cols.push(col('delta_compare_pp', `Since ${result.comparePeriod}`, blank(formatPp)));
    cols.push(col('delta_year_pp', `Since ${result.yearAgoPeriod}`, blank(formatPp)));
  }
  return cols;
}

const LABELS: Record<string, string> = {
  grp: 'Group', slice: 'Slice', level: 'Level', department: 'Department', mentor_grp: 'Mentor\'s group', mentee_grp: 'Mentee\'s group',
  n: 'People', events: 'Events', from_t: 'Counted from (days)', median: 'Median (days)', median_lower: 'CI low (days)', median_upper: 'CI high (days)',
  logrank_chi2: 'Log-rank χ²', logrank_df: 'df', logrank_p: 'Log-rank p', slice_type: 'Slice', slice_value: 'Value', outcome: 'Outcome',
};
const SURVIVAL_POINT_COLUMNS = new Set(['row_type', 't', 'survival', 'lower', 'upper', 'at_risk']);
const HIDDEN_COLUMNS = new Set(['suppressed', 'note']);

export const humanize = (name: string): string => {
  const w = name.replace(/_/g, ' ').trim();
  return w.charAt(0).toUpperCase() + w.slice(1);
};

/** How a table model's column prints, from its name and type (the model headers' conventions). */
function formatFor(name: string, type: string): (v: CellValue | undefined) => string {
  if (type === 'int32') return blank(formatCount);
  if (type === 'utf8' || type === 'bool') return (v) => txt(v);
  if (/_pp$/.test(name)) return blank(formatPp);
  if (/(^|_)p$|p_value|q_value|logrank_p/.test(name)) return blank(formatPValue);
  if (/(^|_)share(_|$)|(^|_)rate$|response_rate/.test(name)) return blank((x) => formatPercent(x));
  if (/median(_lower|_upper)?$|^from_t$/.test(name)) return blank((x) => formatDecimal(x, 0));
  return blank((x) => formatDecimal(x, 2));
}

function tableColumns(result: PackResult, survival: boolean): DisplayColumn[] {
  // A survival model without delayed entry has no start day to show.
  const noStart = result.rows.every((r) => r.from_t === null || r.from_t === undefined);
  const cols = result.columns.filter((c) => !HIDDEN_COLUMNS.has(c.name) && !(survival && SURVIVAL_POINT_COLUMNS.has(c.name)) && !(c.name === 'from_t' && noStart));
  return cols.map((c) => {
    const identifies = c.type === 'utf8' && !['test', 'standardized_on'].includes(c.name);
    const f = formatFor(c.name, c.type);
    return { key: c.name, label: LABELS[c.name] ?? humanize(c.name), numeric: c.type !== 'utf8' && c.type !== 'bool', identifies, text: (r) => f(r[c.name]), value: (r) => r[c.name] ?? null };
  });
}

/** The table of one result of a block, as shown and as exported. */
export function displayTable(block: ModelBlock, result: PackResult): DisplayTable {
  const survival = result.columns.some((c) => c.name === 'row_type');
  const rows = survival ? result.rows.filter((r) => r.row_type === 'summary') : result.rows;
  return {
    id: tableId(block.model, result),
    title: `${block.title}, by ${result.dimension === EVERYONE_DIMENSION ? 'everyone' : result.dimension}, ${result.windowLabel}`,
    columns: block.kind === 'rate' ? rateColumns(result).filter((c) => c.key !== 'slice') : tableColumns(result, survival),
    rows,
    groupBy: block.kind === 'rate' ? rateColumns(result)[0] : null,
  };
}

/** Export-only column sets differ from the printed ones: raw numerator, denominator and both CI bounds. */
export function exportColumns(table: DisplayTable, kind: 'rate' | 'table'): { key: string; label: string; value: (r: Record<string, CellValue>) => CellValue }[] {
  if (kind !== 'rate') return [...table.columns.map((c) => ({ key: c.key, label: c.label, value: c.value })), { key: 'note', label: 'Note', value: (r) => r.note ?? null }];
  const pick = (key: string, label: string) => ({ key, label, value: (r: Record<string, CellValue>) => r[key] ?? null });
  const base = [
    pick('slice', 'Slice'), pick('grp', 'Group'), pick('numerator', 'With outcome'), pick('denominator', 'People'), pick('rate', 'Rate'),
    pick('ci_lower', 'CI lower'), pick('ci_upper', 'CI upper'), pick('reference_group', 'Reference group'), pick('impact_ratio', 'Impact ratio'),
    pick('test', 'Test'), pick('p_value', 'p'), pick('q_value', 'q'),
    { key: 'verdict', label: 'Verdict', value: (r: Record<string, CellValue>) => (r.suppressed ? null : verdictKey(r as unknown as Pick<RateRow, 'is_reference' | 'verdict'>)) },
    pick('shortfall', 'Shortfall'),
  ];
  const change = table.columns.some((c) => c.key === 'delta_compare_pp')
    ? [pick('rate_compare', 'Rate, comparison period'), pick('delta_compare_pp', 'Change (pp)'), pick('rate_year_ago', 'Rate, a year earlier'), pick('delta_year_pp', 'Change in a year (pp)')]
    : [];
  return [...base, ...change, pick('note', 'Note')];
}

export const tableId = (model: string, r: Pick<PackResult, 'dimension' | 'window'>): string => `${model}-${r.dimension}-${r.window}`;
