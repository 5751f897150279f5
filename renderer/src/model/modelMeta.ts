const isString = (x: unknown): x is string => typeof x === 'string';

/**
 * What travels in a model result's Arrow schema metadata under "pathways" (see resultToArrow
 * in src/models/runModel.ts): everything about the result except its rows.
 */
export interface ModelMeta {
  model: string;
  title: string;
  question: string;
  population: string | null;
  period: { label: string; start: string; end: string };
  params: { period: string; dimension: string; k: number } & Record<string, unknown>;
  notes: string[];
  /** Rate models run with comparisons: the periods the deltas are taken against. */
  comparePeriod: PeriodMeta | null;
  yearAgoPeriod: PeriodMeta | null;
}

export interface PeriodMeta {
  label: string;
  start: string;
  end: string;
}

const parsePeriod = (x: unknown): PeriodMeta | null => {
  const p = x as Record<string, unknown> | null | undefined;
  return p && isString(p.label) && isString(p.start) && isString(p.end) ? { label: p.label, start: p.start, end: p.end } : null;
};


/** Checks the metadata by hand (no zod in the renderer bundle); null when it is not a model result. */
export function parseModelMeta(raw: unknown): ModelMeta | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const m = raw as Record<string, unknown>;
  const period = m.period as Record<string, unknown> | undefined;
  const params = m.params as Record<string, unknown> | undefined;
  if (!isString(m.model) || !isString(m.title) || !isString(m.question)) return null;
  if (!period || !isString(period.label) || !isString(period.start) || !isString(period.end)) return null;
  if (!params || !isString(params.dimension) || typeof params.k !== 'number') return null;
  return {
    model: m.model,
    title: m.title,
    question: m.question,
    population: isString(m.population) ? m.population : null,
    period: { label: period.label, start: period.start, end: period.end },
    params: { ...params, period: String(params.period ?? period.label), dimension: params.dimension, k: params.k },
    notes: Array.isArray(m.notes) ? m.notes.filter(isString) : [],
    comparePeriod: parsePeriod(m.comparePeriod),
    yearAgoPeriod: parsePeriod(m.yearAgoPeriod),
  };
}
