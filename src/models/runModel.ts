import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { PathwaysError } from '../errors';
import type { Workspace } from '../workspace/workspace';
import { paramsUsedBy } from '../workspace/bindUsed';
import { ModelParamsSchema, type ModelParams, type ModelParamsInput } from '../api/contract';
import { rowsToArrowIPC, type ColumnSpec } from '../arrow/toArrow';
import { loadModels, getModel, type ModelFile } from './registry';
import { periodFromLabel, shiftPeriod, type Period } from './period';
import { rateStats, RATE_COLUMNS, type RateInput } from './rateStats';
import { withComparisons, COMPARISON_COLUMNS } from './comparisons';
import { tableColumns, suppressByHeader } from './tableOutput';
import { POSTPROCESSORS } from './post';
import { ensureLib } from './modelLib';
import { derivedReady, readDerived, forgetDerived, derivedReadBy } from './derivedTables';
import { fiscalStartMonth } from '../workspace/fiscalYear';
import { rosterCoverageNote } from './rosterCoverage';
import { perDataVersion } from '../workspace/perDataVersion';
import { ResultCache } from '../cache/resultCache';
import { withRunSlot } from './runSlots';
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
  comparePeriod: Period | null;
  yearAgoPeriod: Period | null;
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
  const empty = await Promise.all(model.header.requires.map((t) => isEmpty(ws, t)));
  return model.header.requires.filter((_, i) => empty[i]);
}

// Whether each input table is empty, per data version: a page asks it for every model it
// shows, and a findings list for every rate model, on every change of a control.
const emptiness = perDataVersion<boolean>();

// A connection of its own (ws.all), not a pooled one: those are kept for model runs, with their macros.
const isEmpty = (ws: Workspace, table: TableName): Promise<boolean> =>
  emptiness(ws, table, () => ws.all<{ n: bigint }>(`SELECT count(*) AS n FROM (SELECT 1 FROM ${table} LIMIT 1)`).then((r) => Number(r[0].n) === 0));

export const needsMessage = (missing: TableName[]): string =>
  `needs ${missing.map((t) => `${t.replace('_', ' ')} data`).join(' and ')} (import ${missing.map((t) => INPUT_HINT[t]).join(' and ')})`;

/** SQL parameters every model may declare; a model binds only those its header lists (exported for tests that run a model's SQL themselves). */
export function sqlParams(p: ModelParams, period: Period): Record<string, DuckDBValue> {
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
    min_conversations: p.minConversations,
    mentor_level_min: p.mentorLevelMin,
  };
}

/**
 * Runs one model: checks its inputs, binds its declared parameters (never splicing them into
 * the SQL), runs it on a pooled connection with the shared macros, then applies the
 * statistics and the disclosure control for its kind. What leaves here is already safe.
 */
export async function runModel(ws: Workspace, name: string, rawParams: ModelParamsInput, options: { signal?: AbortSignal } = {}): Promise<ModelResult> {
  const model = getModel(name);
  const params = ModelParamsSchema.parse(rawParams);
  const missing = await missingInputs(ws, model);
  if (missing.length) throw new PathwaysError('NEEDS_DATA', `${model.header.title} ${needsMessage(missing)}.`);
  const fiscal = await fiscalStartMonth(ws);
  const period = periodFromLabel(params.period, fiscal);
  const coverage = await rosterCoverageNote(ws, model, period);
  const base = {
    model: model.header.name, title: model.header.title, question: model.header.question,
    population: model.header.population ?? null, period, params, notes: coverage ? [coverage] : [],
    comparePeriod: null as Period | null, yearAgoPeriod: null as Period | null,
  };
  const compared = model.header.kind === 'rate' && params.withComparisons;
  const compare = compared ? periodFromLabel(params.comparePeriod ?? shiftPeriod(params.period, -1), fiscal) : null;
  const yearAgo = compared ? periodFromLabel(shiftPeriod(params.period, -4), fiscal) : null;
  // The comparison periods run beside the period itself, each on its own connection.
  const [raw, rawCompare, rawYear] = await Promise.all([period, compare, yearAgo].map((p) => (p ? answer(ws, model, params, p, options.signal) : Promise.resolve([]))));

  if (model.header.kind === 'rate') {
    const opts = { k: params.k, reference: params.reference, adverse: model.header.outcome === 'adverse', crossBlock: model.header.crossBlock, totalBlock: model.header.totalBlock };
    const rows = rateStats(toRateInput(raw), opts);
    if (!compare || !yearAgo) return { ...base, columns: RATE_COLUMNS, rows: rows as unknown as Record<string, unknown>[] };
    const [rowsCompare, rowsYear] = [rawCompare, rawYear].map((r) => rateStats(toRateInput(r), opts));
    return {
      ...base, comparePeriod: compare, yearAgoPeriod: yearAgo,
      columns: [...RATE_COLUMNS, ...COMPARISON_COLUMNS],
      rows: withComparisons(rows, rowsCompare, rowsYear) as unknown as Record<string, unknown>[],
    };
  }
  if (model.header.postprocess) {
    const post = POSTPROCESSORS[model.header.postprocess];
    if (!post) throw new PathwaysError('MODEL_FAILED', `${model.file}: unknown postprocess ${model.header.postprocess}`);
    const out = post(raw, { params, header: model.header });
    return { ...base, columns: out.columns, rows: out.rows, notes: [...base.notes, ...(out.notes ?? [])] };
  }
  if (!model.header.groupSize) throw new PathwaysError('MODEL_FAILED', `${model.file}: a table model must declare group_size for disclosure control`);
  return { ...base, columns: tableColumns(model.header), rows: suppressByHeader(raw, { ...model.header, groupSize: model.header.groupSize }, params.k) };
}

/** How many query answers each workspace keeps: aggregated rows, a few kB each (a survival curve ~15,000 rows). */
const ANSWERS = 300;
const answers = new WeakMap<Workspace, ResultCache<Record<string, unknown>[]>>();

/**
 * The model's SQL answer for one period, kept by the data version and the values bound: k and
 * the reference group act after the SQL (statistics, disclosure control), so a view that changes
 * only them runs no query. Any committed write forgets every answer. Each caller gets its own
 * copy of the rows, which the post-processing may annotate.
 */
async function answer(ws: Workspace, model: ModelFile, params: ModelParams, period: Period, signal?: AbortSignal): Promise<Record<string, unknown>[]> {
  let cache = answers.get(ws);
  if (!cache) {
    const made = new ResultCache<Record<string, unknown>[]>(ANSWERS);
    ws.onCommit(() => made.clear());
    answers.set(ws, (cache = made));
  }
  const bound = paramsUsedBy(model.sql, sqlParams(params, period));
  const key = `${ws.dataVersion}\u001f${model.sql}\u001f${JSON.stringify(bound)}`;
  const rows = await cache.get(key, (own) => execute(ws, model, params, period, own), signal);
  return rows.map((r) => ({ ...r }));
}

/**
 * Forgets the workspace's query answers and, unless told to keep them, its derived copies
 * (src/models/derivedTables.ts): for benchmarks that time the SQL itself, with or without
 * the builds an app does when it opens a workspace.
 */
export function forgetAnswers(ws: Workspace, options: { keepCopies?: boolean } = {}): void {
  answers.get(ws)?.clear();
  if (!options.keepCopies) forgetDerived(ws);
}

/** Binds the model's declared parameters for one period and runs it with the shared macros: the
 * aggregated rows before any disclosure control (exported for tests that check it against them). */
export async function execute(ws: Workspace, model: ModelFile, params: ModelParams, period: Period, signal?: AbortSignal): Promise<Record<string, unknown>[]> {
  const declared = new Set(model.header.parameters.map((p) => p.name));
  const all = sqlParams(params, period);
  const used = paramsUsedBy(model.sql, all);
  const undeclared = Object.keys(used).filter((k) => !declared.has(k));
  if (undeclared.length) throw new PathwaysError('MODEL_FAILED', `${model.file} uses parameters its header does not declare: ${undeclared.join(', ')}`);
  if (signal?.aborted) throw cancelled(model);
  // Career events and conversation pairs come from the copies built once per data version.
  const derived = derivedReadBy(model.sql);
  try {
    if (derived.length) await derivedReady(ws, derived, signal);
    if (signal?.aborted) throw cancelled(model);
    return await withRunSlot(ws, signal, () => ws.lease(async (c) => {
      // An abandoned run stops DuckDB mid-query. A connection that saw an interrupt is closed,
      // not pooled (throwing out of the lease does that), even when its query had just ended.
      const interrupt = () => c.interrupt();
      signal?.addEventListener('abort', interrupt, { once: true });
      try {
        const rows = await inTransaction(c);
        if (signal?.aborted) throw cancelled(model);
        return rows;
      } finally {
        signal?.removeEventListener('abort', interrupt);
      }
    }));
  } catch (err) {
    if (signal?.aborted) throw cancelled(model);
    throw new PathwaysError('MODEL_FAILED', `${model.header.title} failed: ${(err as Error).message.split('\n')[0]}`);
  }

  async function inTransaction(c: DuckDBConnection): Promise<Record<string, unknown>[]> {
    await c.run('BEGIN TRANSACTION');
    try {
      await ensureLib(c);
      await readDerived(c, derived);
      const rows = (await c.runAndReadAll(model.sql, used)).getRowObjectsJS() as Record<string, unknown>[];
      await c.run('COMMIT');
      return rows;
    } catch (err) {
      await c.run('ROLLBACK').catch(() => undefined);
      throw err;
    }
  }
}

const cancelled = (model: ModelFile) => new PathwaysError('CANCELLED', `${model.header.title} was cancelled`);

const toRateInput = (raw: Record<string, unknown>[]): RateInput[] => raw.map((r) => ({
  slice: String(r.slice ?? 'all'), grp: String(r.grp), numerator: Number(r.numerator), denominator: Number(r.denominator),
}));

/** The result as Arrow IPC bytes; everything but the rows travels in the schema metadata. */
export function resultToArrow(result: ModelResult): Uint8Array {
  const { rows, columns, ...meta } = result;
  return rowsToArrowIPC(rows, columns, meta);
}
