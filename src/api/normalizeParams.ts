import { ModelParamsSchema, type ModelParams } from './contract';
import type { ModelHeader } from '../models/modelHeader';

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

const DEFAULTS = ModelParamsSchema.parse({ period: '2000-Q1' });

/**
 * The parameters that can change a model's result, others reset to their defaults: a
 * filter whose SQL parameter the model's header does not declare binds nothing, the
 * reference group and the comparison periods mean nothing to a table model, and the
 * comparison period nothing without comparisons. Two requests that differ only in what a
 * model ignores then share one cached result. Parameters this list does not know are kept
 * as they are.
 */
export function normalizeParams(header: Pick<ModelHeader, 'kind' | 'parameters'>, params: ModelParams): ModelParams {
  const declared = new Set(header.parameters.map((p) => p.name));
  const out: Record<string, unknown> = { ...params };
  for (const [key, sqlName] of Object.entries(SQL_PARAMETER)) {
    if (!declared.has(sqlName!)) out[key] = DEFAULTS[key as keyof ModelParams];
  }
  if (header.kind === 'table') {
    out.reference = DEFAULTS.reference;
    out.withComparisons = false;
  }
  if (!out.withComparisons) out.comparePeriod = null;
  return out as ModelParams;
}

/** A stable key for (model, parameters): keys sorted, so the order fields were set in does not matter. */
export function paramsKey(model: string, params: ModelParams): string {
  const sorted = Object.fromEntries(Object.entries(params).sort(([a], [b]) => a.localeCompare(b)));
  return `${model}\u001f${JSON.stringify(sorted)}`;
}
