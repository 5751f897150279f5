import type { RateRow as CoreRateRow } from '../../../src/models/rateStats';

/**
 * A rate model's row; the four comparison columns are there when the model ran with its
 * comparison periods (null where either period's cell is suppressed or absent).
 */
export type RateRow = CoreRateRow & {
  rate_compare?: number | null;
  delta_compare_pp?: number | null;
  rate_year_ago?: number | null;
  delta_year_pp?: number | null;
};

/** The comparison columns (COMPARISON_COLUMNS in src/models/comparisons.ts). */
export const COMPARISON_KEYS = ['rate_compare', 'delta_compare_pp', 'rate_year_ago', 'delta_year_pp'] as const satisfies readonly (keyof RateRow)[];

/**
 * The columns of a rate model's result (RATE_COLUMNS in src/models/rateStats.ts), listed here
 * rather than imported so that the renderer bundle does not pull in the statistics code.
 * `satisfies` keeps the list honest against the core's row type.
 */
export const RATE_ROW_KEYS = [
  'slice', 'grp', 'numerator', 'denominator', 'rate', 'ci_lower', 'ci_upper', 'is_reference', 'reference_group',
  'reference_rate', 'impact_ratio', 'below_four_fifths', 'test', 'p_value', 'q_value', 'verdict', 'shortfall',
  'suppressed', 'note',
] as const satisfies readonly (keyof RateRow)[];
