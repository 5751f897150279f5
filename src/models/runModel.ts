import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { PathwaysError } from '../errors';
import type { Workspace } from '../workspace/workspace';
import { paramsUsedBy } from '../workspace/bindUsed';
import { ModelParamsSchema, type ModelParams, type ModelParamsInput } from '../api/contract';
import { rowsToArrowIPC, type ColumnSpec } from '../arrow/toArrow';
import { loadModels, getModel, type ModelFile } from './registry';
import { periodFromLabel, type Period } from './period';
import { rateStats, RATE_COLUMNS, type RateInput } from './rateStats';
import type { TableName } from './modelHeader';

export interface ModelResult {
  model: string;
  title: string;
  question: string;
  population: string | null;
  period: Period;
  params: ModelParams;
  columns: ColumnSpec[];
  rows: Record<string, unknown>[];
  notes: string[];
}

const INPUT_HINT: Record<TableName, string> = {
  people: 'a roster (people) file',
  job_events: 'a job events file',
  programs: 'a programs file',
  enrollments: 'an enrollments file',
  matches: 'a matches file',
  sessions: 'a sessions file or an informal coaching log',
  session_attendees: 'a session attendees file',
  feedback: 'a feedback file',
  goals: 'a goals file',
};

/** The tables a model needs that hold no rows yet, or [] when it can run. */
export async function missingInputs(ws: Workspace, model: ModelFile): Promise<TableName[]> {
  if (!model.header.requires.length) return [];
  const counts = await ws.all<{ t: string; n: bigint }>(
    model.header.requires.map((t) => `SELECT '${t}' AS t, count(*) AS n FROM (SELECT 1 FROM ${t} LIMIT 1)`).join(' UNION ALL '),
  );
  return counts.filter((c) => Number(c.n) === 0).map((c) => c.t as TableName);
}

export const needsMessage = (missing: TableName[]): string =>
  `needs ${missing.map((t) => `${t.replace('_', ' ')} data`).join(' and ')} (import ${missing.map((t) => INPUT_HINT[t]).join(' and ')})`;

/** SQL parameters every model may declare; a model binds only those its header lists. */
function sqlParams(p: ModelParams, period: Period): Record<string, DuckDBValue> {
  return {
    period_start: period.start,
    period_end: period.end,
    dimension: p.dimension,
    dimension2: p.dimension2,
    department: p.department,
    location: p.location,
    level_min: p.levelMin,
    level_max: p.levelMax,
    layer: p.layer,
    program_id: p.programId,
  };
}

/**
 * Runs one model: checks its inputs, binds its declared parameters (never splicing them into
 * the SQL), runs it on a fresh connection with the shared macros, then applies the
 * statistics and the disclosure control for its kind. What leaves here is already safe.
 */
export async function runModel(ws: Workspace, name: string, rawParams: ModelParamsInput): Promise<ModelResult> {
  const model = getModel(name);
  const params = ModelParamsSchema.parse(rawParams);
  const missing = await missingInputs(ws, model);
  if (missing.length) throw new PathwaysError('NEEDS_DATA', `${model.header.title} ${needsMessage(missing)}.`);
  const period = periodFromLabel(params.period);
  const declared = new Set(model.header.parameters.map((p) => p.name));
  const all = sqlParams(params, period);
  const bound = Object.fromEntries(Object.entries(paramsUsedBy(model.sql, all)).filter(([k]) => declared.has(k)));
  const undeclared = Object.keys(paramsUsedBy(model.sql, all)).filter((k) => !declared.has(k));
  if (undeclared.length) throw new PathwaysError('MODEL_FAILED', `${model.file} uses parameters its header does not declare: ${undeclared.join(', ')}`);

  const c = await ws.connect();
  let raw: Record<string, unknown>[];
  try {
    await defineLib(c);
    raw = (await c.runAndReadAll(model.sql, bound)).getRowObjectsJS() as Record<string, unknown>[];
  } catch (err) {
    throw new PathwaysError('MODEL_FAILED', `${model.header.title} failed: ${(err as Error).message.split('\n')[0]}`);
  } finally {
    c.closeSync();
  }

  const base = {
    model: model.header.name, title: model.header.title, question: model.header.question,
    population: model.header.population ?? null, period, params, notes: [] as string[],
  };
  if (model.header.kind === 'rate') {
    const input: RateInput[] = raw.map((r) => ({
      slice: String(r.slice ?? 'all'), grp: String(r.grp), numerator: Number(r.numerator), denominator: Number(r.denominator),
    }));
    const rows = rateStats(input, { k: params.k, reference: params.reference, adverse: model.header.outcome === 'adverse' });
    return { ...base, columns: RATE_COLUMNS, rows: rows as unknown as Record<string, unknown>[] };
  }
  throw new PathwaysError('MODEL_FAILED', `${model.file}: model kind ${model.header.kind} has no disclosure rule yet`);
}

async function defineLib(c: DuckDBConnection): Promise<void> {
  await c.run(loadModels().lib);
}

/** The result as Arrow IPC bytes; everything but the rows travels in the schema metadata. */
export function resultToArrow(result: ModelResult): Uint8Array {
  const { rows, columns, ...meta } = result;
  return rowsToArrowIPC(rows, columns, meta);
}
