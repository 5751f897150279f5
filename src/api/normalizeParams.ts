import type { ModelParams } from './contract';

// No zod here: the renderer uses this module too (its bundle must not compile code at run
// time), so the defaults are written out; a test checks them against ModelParamsSchema.

/** Each model parameter of the contract and the SQL parameter it binds (see sqlParams in src/models/runModel.ts). */
export const SQL_PARAMETER: Partial<Record<keyof ModelParams, string>> = {
  dimension: 'dimension',
  dimension2: 'dimension2',
  department: 'department',
  location: 'location',
  levelMin: 'level_min',
  levelMax: 'level_max',
  layer: 'layer',
  programId: 'program_id',
  minConversations: 'min_conversations',
  mentorLevelMin: 'mentor_level_min',
};

/** ModelParamsSchema's defaults, for every parameter but the period. */
export const PARAM_DEFAULTS: Omit<ModelParams, 'period'> = {
  dimension: 'gender',
  dimension2: null,
  department: null,
  location: null,
  levelMin: null,
  levelMax: null,
  layer: null,
  programId: null,
  comparePeriod: null,
  withComparisons: true,
  mentorLevelMin: null,
  minConversations: 2,
  k: 5,
  reference: 'largest',
};
const DEFAULTS = PARAM_DEFAULTS as Record<string, unknown>;

/**
 * The parameters that can change a model's result, others reset to their defaults: a
 * filter whose SQL parameter the model's header does not declare binds nothing, the
 * reference group and the comparison periods mean nothing to a table model, and the
 * comparison period nothing without comparisons. Two requests that differ only in what a
 * model ignores then share one cached result. Parameters this list does not know are kept
 * as they are.
 */
export function normalizeParams<P extends Partial<ModelParams>>(kind: 'rate' | 'table', sqlParameters: readonly string[], params: P): P {
  const declared = new Set(sqlParameters);
  const out: Record<string, unknown> = { ...params };
  for (const [key, sqlName] of Object.entries(SQL_PARAMETER)) {
    if (!declared.has(sqlName!)) out[key] = DEFAULTS[key];
  }
  if (kind === 'table') {
    out.reference = DEFAULTS.reference;
    out.withComparisons = false;
  }
  if (out.withComparisons === false) out.comparePeriod = null;
  return out as P;
}

/** A stable key for (model, parameters): keys sorted, so the order fields were set in does not matter. */
export function paramsKey(model: string, params: Partial<ModelParams>): string {
  const sorted = Object.fromEntries(Object.entries(params).sort(([a], [b]) => a.localeCompare(b)));
  return `${model}\u001f${JSON.stringify(sorted)}`;
}
