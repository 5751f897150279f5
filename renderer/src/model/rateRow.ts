import type { RateRow } from '../../../src/models/rateStats';

export type { RateRow };

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
