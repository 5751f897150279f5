import type { RateRow } from '../model/rateRow';
import { orderedSlices, sliceLabel } from '../model/slices';
import { suppressedText, verdictKey } from '../model/verdictStyle';
import { formatCount, formatInterval, formatP, formatPP, formatPercent, formatRatio } from '../format/numbers';
import type { TableColumn, TableSpec } from './tableSpec';

export interface RateTableOptions {
  numeratorLabel: string;
  denominatorLabel: string;
  /** The comparison periods' labels, when the rows carry the changes. */
  compareLabel?: string | null;
  yearAgoLabel?: string | null;
  sliceLabel?: (slice: string) => string;
  sectionHeading?: string;
}

/**
 * The numbers behind a rate chart: counts, rate, Wilson CI, impact ratio, p, q, verdict and,
 * when the model ran with its comparison periods, the change in points since each.
 */
export function rateTableSpec(rows: RateRow[], o: RateTableOptions): TableSpec<RateRow> {
  const columns: TableColumn<RateRow>[] = [
    { key: 'grp', label: 'Group', kind: 'text', value: (r) => r.grp },
    { key: 'numerator', label: o.numeratorLabel, kind: 'count', value: (r) => r.numerator, format: formatCount },
    { key: 'denominator', label: o.denominatorLabel, kind: 'count', value: (r) => r.denominator, format: formatCount },
    { key: 'rate', label: 'Rate', kind: 'figure', value: (r) => r.rate, format: (v) => formatPercent(v) },
    {
      key: 'ci', label: '95% CI', kind: 'figure', help: 'Wilson score 95% confidence interval of the rate',
      value: (r) => (r.ci_lower === null || r.ci_upper === null ? null : `${r.ci_lower}–${r.ci_upper}`),
      display: (r) => formatInterval(r.ci_lower!, r.ci_upper!),
      attrs: (r): Record<string, string> => (r.suppressed || r.ci_lower === null || r.ci_upper === null ? {} : { 'data-lower': String(r.ci_lower), 'data-upper': String(r.ci_upper) }),
      csv: [{ label: 'CI lower', value: (r) => r.ci_lower }, { label: 'CI upper', value: (r) => r.ci_upper }],
    },
    { key: 'impact_ratio', label: 'Impact ratio', kind: 'figure', help: 'the group\'s rate divided by the reference group\'s rate', value: (r) => r.impact_ratio, format: formatRatio },
    { key: 'p_value', label: 'p', kind: 'figure', help: 'p-value of the comparison with the reference group (Fisher\'s exact test or the two-proportion z-test)', value: (r) => r.p_value, format: formatP },
    { key: 'q_value', label: 'q', kind: 'figure', help: 'p-value adjusted for the number of comparisons (Benjamini–Hochberg)', value: (r) => r.q_value, format: formatP },
    { key: 'verdict', label: 'Verdict', kind: 'text', value: (r) => (r.suppressed ? 'not shown' : verdictKey(r)) },
  ];
  if (o.compareLabel && rows.some((r) => 'delta_compare_pp' in r)) {
    columns.push({ key: 'delta_compare_pp', label: `Change since ${o.compareLabel}`, help: 'change of the rate in percentage points', kind: 'figure', value: (r) => r.delta_compare_pp ?? null, format: formatPP });
  }
  if (o.yearAgoLabel && rows.some((r) => 'delta_year_pp' in r)) {
    columns.push({ key: 'delta_year_pp', label: `Change since ${o.yearAgoLabel}`, help: 'change of the rate in percentage points', kind: 'figure', value: (r) => r.delta_year_pp ?? null, format: formatPP });
  }
  const order = orderedSlices(rows);
  return {
    columns,
    rows: order.flatMap((s) => rows.filter((r) => r.slice === s)),
    section: (r) => r.slice,
    sectionLabel: o.sliceLabel ?? sliceLabel,
    sectionHeading: o.sectionHeading ?? 'Slice',
    rowKey: (r) => `${r.slice}-${r.grp}`,
    suppressed: (r) => r.suppressed,
    note: (r, k) => suppressedText(r, k),
  };
}

/** A rate row of one quarter, for the trend's table. */
export function trendTableSpec(rows: (RateRow & { period: string })[], o: RateTableOptions): TableSpec<RateRow & { period: string }> {
  const base = rateTableSpec(rows, o);
  return {
    ...base,
    columns: base.columns.filter((c) => c.key !== 'delta_compare_pp' && c.key !== 'delta_year_pp'),
    rows: [...rows].sort((a, b) => a.period.localeCompare(b.period)),
    section: (r) => r.period,
    sectionLabel: (p) => p,
    sectionHeading: 'Quarter',
    rowKey: (r) => `${r.period}-${r.grp}`,
  };
}
