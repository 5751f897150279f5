import type { ModelParamsInput, ModelSummary } from '../../../src/api/contract';
import { normalizeParams, paramsKey } from '../../../src/api/normalizeParams';
import type { Controls } from '../controls/urlControls';

/** Every model parameter the shared controls set, for the view on screen. */
export function viewParams(c: Controls): ModelParamsInput {
  return {
    period: c.period,
    comparePeriod: c.comparePeriod,
    dimension: c.dimension,
    dimension2: c.dimension2,
    reference: c.reference,
    department: c.department,
    location: c.location,
    levelMin: c.levelMin,
    levelMax: c.levelMax,
    layer: c.layer,
    programId: c.programId,
    k: c.k,
  };
}

export interface ModelRequest {
  /** runModel by default; 'findings' asks for the review's ranked findings (the model is then "findings"). */
  method?: 'runModel' | 'findings';
  model: string;
  params: ModelParamsInput;
  /** Model + the parameters that can change its result: equal keys, equal results. */
  key: string;
}

/**
 * What to ask the core for one model: the view's parameters (plus `extra`, e.g. a single
 * period for a trend), without those the model ignores (normalizeParams, the same rule the
 * core's cache applies), so that moving a control a chart does not depend on neither
 * fetches nor redraws it.
 */
export function modelRequest(summary: Pick<ModelSummary, 'name' | 'kind' | 'parameters'>, params: ModelParamsInput, extra: Partial<ModelParamsInput> = {}): ModelRequest {
  const merged = { ...params, ...extra };
  // Without a parameter list (an older core) nothing can be left out safely.
  const p = summary.parameters ? normalizeParams(summary.kind, summary.parameters, merged) : merged;
  return { model: summary.name, params: p, key: paramsKey(summary.name, p) };
}

/** The controls a model does not use, in words, so that a chart can say which filters do not apply to it. */
export function ignoredControls(summary: Pick<ModelSummary, 'kind' | 'parameters'>, c: Controls): string[] {
  if (!summary.parameters) return [];
  const declared = new Set(summary.parameters);
  const out: string[] = [];
  if (c.department && !declared.has('department')) out.push('department');
  if (c.location && !declared.has('location')) out.push('location');
  if ((c.levelMin !== null || c.levelMax !== null) && !declared.has('level_min')) out.push('level range');
  if (c.layer && !declared.has('layer')) out.push('layer');
  if (c.programId && !declared.has('program_id')) out.push('program');
  if (c.dimension2 && !declared.has('dimension2')) out.push('second dimension');
  return out;
}

/** The ranked findings for the view: every rate model for the period, without comparisons (what the core's findings run). */
export function findingsRequest(params: ModelParamsInput): ModelRequest {
  const p = { ...params, withComparisons: false, comparePeriod: null };
  return { method: 'findings', model: 'findings', params: p, key: paramsKey('findings', p) };
}
