import type { z } from 'zod';
import type { Workspace } from '../workspace/workspace';
import { api, type Api, type MethodName, type MethodOutput, type Reply, isMethodName, type ModelParams } from './contract';
import { toErrorInfo, PathwaysError } from '../errors';
import { workspaceInfo } from './workspaceInfo';
import { loadModels, getModel } from '../models/registry';
import { runModel, resultToArrow, missingInputs, needsMessage, type ModelResult } from '../models/runModel';
import { withComparisons, COMPARISON_COLUMNS } from '../models/comparisons';
import type { RateRow } from '../models/rateStats';
import { periodFromLabel, shiftPeriod } from '../models/period';
import { prepareDerived } from '../models/derivedTables';
import { fiscalStartMonth, setFiscalStartMonth } from '../workspace/fiscalYear';
import { ResultCache } from '../cache/resultCache';
import { normalizeParams, paramsKey } from './normalizeParams';
import type { Finding } from '../findings/findingSchema';
import { reviewFindings } from '../findings/findings';
import { inspectFile } from '../ingest/inspectFile';
import { importFiles } from '../ingest/importFiles';
import type { MappingProfile } from '../ingest/mappingProfile';
import { removeImport, setLevelOrder, addLabelMerge } from '../workspace/settings';
import { removePerson } from '../workspace/removePerson';
import type { UploadStore } from './uploads';
import { ImportJobs } from './importJobs';
import { dataSettings } from '../workspace/settings';
import { exportReport, type ReportFile } from '../reports/exportReport';
import { buildReviewPack } from '../reports/buildPack';
import { saveReview, listReviews, openReview } from '../reports/reviews/reviewStore';
import { exportSealedReview } from '../reports/reviews/exportSealedReview';
import { compareReviews } from '../reports/reviews/compareReviews';
import type { PdfPrinter } from '../reports/pdf/pdfPrinter';

/** What a transport knows of the call besides its input: `signal` aborts when the caller went away. */
export interface CallContext {
  signal?: AbortSignal;
}

type Handlers = { [M in MethodName]: (input: z.output<Api[M]['input']>, context?: CallContext) => Promise<MethodOutput<M>> };

/** Every rate model that can run on this workspace, for one set of parameters. */
export async function runRateModels(ws: Workspace, params: ModelParams): Promise<(ModelResult & { area: string })[]> {
  const out: (ModelResult & { area: string })[] = [];
  for (const m of loadModels().models.values()) {
    if (m.header.kind !== 'rate' || (await missingInputs(ws, m)).length) continue;
    out.push({ ...(await runModel(ws, m.header.name, { ...params, withComparisons: false })), area: m.header.area });
  }
  return out;
}

/** How many model results the core keeps: most are a few kB of aggregated rows, survival curves at 100,000 people about a megabyte. */
const CACHE_ENTRIES = 800;

/**
 * Model results by (model, the parameters that matter to it), for one workspace state.
 * A rate model with comparisons is put together from the three single-period results
 * (the period, the comparison period, the same period a year earlier), exactly as
 * runModel does it, so that those results are shared with the trend over quarters, with
 * the findings, and with the neighbouring periods' own views.
 */
export function createModelCache(ws: Workspace) {
  const results = new ResultCache<ModelResult>(CACHE_ENTRIES);
  const arrow = new WeakMap<ModelResult, Uint8Array>();
  const findings = new ResultCache<Finding[]>(200);
  // A result belongs to the data it was computed from: keys carry the workspace's data version,
  // so one computed while an import commits is never served after it; older ones are dropped.
  ws.onCommit(() => { results.clear(); findings.clear(); });
  const key = (name: string, p: ModelParams) => `${ws.dataVersion}\u001f${paramsKey(name, p)}`;

  // `signal`: the caller may walk away; the run stops when all its callers have (ResultCache).
  const run = (name: string, params: ModelParams, signal?: AbortSignal): Promise<ModelResult> => {
    const model = getModel(name);
    const p = normalizeParams(model.header.kind, model.header.parameters.map((x) => x.name), params);
    return results.get(key(name, p), async (own) => {
      if (model.header.kind !== 'rate' || !p.withComparisons) return runModel(ws, name, p, { signal: own });
      const compareLabel = p.comparePeriod ?? shiftPeriod(p.period, -1);
      const yearLabel = shiftPeriod(p.period, -4);
      const single = (period: string) => run(name, { ...p, period, withComparisons: false, comparePeriod: null }, own);
      const [now, compare, yearAgo, fiscal] = await Promise.all([single(p.period), single(compareLabel), single(yearLabel), fiscalStartMonth(ws)]);
      return {
        ...now,
        params: p,
        comparePeriod: periodFromLabel(compareLabel, fiscal),
        yearAgoPeriod: periodFromLabel(yearLabel, fiscal),
        columns: [...now.columns, ...COMPARISON_COLUMNS],
        rows: withComparisons(now.rows as unknown as RateRow[], compare.rows as unknown as RateRow[], yearAgo.rows as unknown as RateRow[]) as unknown as Record<string, unknown>[],
      };
    }, signal);
  };

  return {
    run,
    async arrow(name: string, params: ModelParams, signal?: AbortSignal): Promise<Uint8Array> {
      const result = await run(name, params, signal);
      let bytes = arrow.get(result);
      if (!bytes) arrow.set(result, (bytes = resultToArrow(result)));
      return bytes;
    },
    /** Every rate model that can run, concurrently, without comparisons (as runRateModels). */
    findings(params: ModelParams, signal?: AbortSignal): Promise<Finding[]> {
      const p = { ...params, withComparisons: false, comparePeriod: null };
      return findings.get(key('findings', p), async (own) => {
        const rate = [...loadModels().models.values()].filter((m) => m.header.kind === 'rate');
        const runnable = (await Promise.all(rate.map(async (m) => ((await missingInputs(ws, m)).length ? null : m)))).filter((m) => m !== null);
        const out = await Promise.all(runnable.map(async (m) => ({ ...(await run(m.header.name, p, own)), area: m.header.area })));
        return reviewFindings(out);
      }, signal);
    },
    clear(): void {
      results.clear();
      findings.clear();
    },
    get size(): number {
      return results.size;
    },
  };
}

export interface CoreOptions {
  /** How PDFs are printed: Electron's printToPDF in the app; by default headless Chromium. */
  printPdf?: PdfPrinter;
  /** The background import jobs (one set per open workspace); made here when not given. */
  jobs?: ImportJobs;
  /** Start deriving the models' shared copies now (src/models/derivedTables.ts): apps opening a workspace for a window. */
  prepare?: boolean;
}

const toReply = (f: ReportFile) => ({ fileName: f.fileName, mediaType: f.mediaType, byteLength: f.bytes.byteLength, base64: Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength).toString('base64') });

/** The core behind the contract, for one open workspace. Knows nothing of Electron or HTTP. */
export function createCore(ws: Workspace, uploads?: UploadStore, options: CoreOptions = {}): Handlers {
  const upload = (fileId: string) => {
    if (!uploads) throw new PathwaysError('BAD_REQUEST', 'this app cannot receive files');
    return uploads.resolve(fileId);
  };
  const requestsOf = (files: { fileId: string; profile: MappingProfile }[]) =>
    files.map((f) => { const u = upload(f.fileId); return { path: u.path, name: u.name, profile: f.profile }; });
  const jobs = options.jobs ?? new ImportJobs(ws);
  const cache = createModelCache(ws);
  if (options.prepare) prepareDerived(ws);
  const handlers: Handlers = {
    info: () => workspaceInfo(ws),
    listModels: async () => {
      const out = [];
      for (const m of loadModels().models.values()) {
        const missing = await missingInputs(ws, m);
        out.push({
          name: m.header.name, title: m.header.title, question: m.header.question, area: m.header.area, kind: m.header.kind,
          requires: m.header.requires, available: missing.length === 0, ...(missing.length ? { needs: needsMessage(missing) } : {}),
          parameters: m.header.parameters.map((p) => p.name),
          ...(m.header.outcome ? { outcome: m.header.outcome } : {}),
          ...(m.header.population ? { population: m.header.population } : {}),
        });
      }
      return out;
    },
    runModel: ({ model, params }, context) => cache.arrow(model, params, context?.signal),
    findings: ({ params }, context) => cache.findings(params, context?.signal),
    inspectFile: async ({ fileId, sheet, headerRow, delimiter, encoding }) => {
      const f = upload(fileId);
      return inspectFile(f.path, { ws, name: f.name, sheet, headerRow, delimiter, encoding });
    },
    importFiles: async ({ files, onInvalid, dryRun }) => importFiles(ws, requestsOf(files), { onInvalid, dryRun }),
    startImport: async ({ files, onInvalid, dryRun }) => jobs.start(requestsOf(files), { onInvalid, dryRun }),
    importStatus: async ({ jobId }) => jobs.status(jobId),
    cancelImport: ({ jobId }) => jobs.cancel(jobId),
    importRejectsCsv: async ({ jobId }) => ({ csv: jobs.rejectsCsv(jobId) }),
    dataSettings: () => dataSettings(ws),
    removeImport: ({ importId }) => removeImport(ws, importId),
    removePerson: ({ personId }) => removePerson(ws, personId),
    setLevelOrder: async ({ levels }) => { await setLevelOrder(ws, levels); return { ok: true as const }; },
    addLabelMerge: (m) => addLabelMerge(ws, m),
    setFiscalStartMonth: async ({ month }) => { await setFiscalStartMonth(ws, month); return { ok: true as const }; },
    exportReport: async ({ settings, format }) => toReply(await exportReport((await buildReviewPack(ws, settings)).pack, format, { printPdf: options.printPdf })),
    saveReview: ({ settings }) => saveReview(ws, settings),
    listReviews: () => listReviews(ws),
    openReview: async ({ reviewId }) => { const { summary, html, intact } = await openReview(ws, reviewId); return { summary, html, intact }; },
    exportReview: async ({ reviewId, format }) => toReply(await exportSealedReview(ws, reviewId, format, { printPdf: options.printPdf })),
    compareReviews: ({ a, b }) => compareReviews(ws, a, b),
  };
  return handlers;
}

/**
 * The one entry point both adapters call: validates the method name and the input with the
 * contract's schema, runs the handler, and turns any failure into an error value.
 */
export async function dispatch(core: Handlers, method: unknown, input: unknown, context: CallContext = {}): Promise<Reply<unknown>> {
  try {
    if (!isMethodName(method)) throw new PathwaysError('BAD_REQUEST', `unknown method ${JSON.stringify(String(method)).slice(0, 80)}`);
    const parsed = api[method].input.parse(input ?? {});
    const handler = core[method] as (i: unknown, c: CallContext) => Promise<unknown>;
    return { ok: true, value: await handler(parsed, context) };
  } catch (err) {
    return { ok: false, error: toErrorInfo(err) };
  }
}

export type Core = Handlers;
