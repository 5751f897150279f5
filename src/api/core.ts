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
import { ResultCache } from './resultCache';
import { normalizeParams, paramsKey } from './normalizeParams';
import type { Finding } from '../findings/findingSchema';
import { reviewFindings } from '../findings/findings';
import { inspectFile } from '../ingest/inspectFile';
import { importFiles } from '../ingest/importFiles';
import { removeImport, setLevelOrder, addLabelMerge } from '../workspace/settings';
import type { UploadStore } from './uploads';
import { exportReport, type ReportFile } from '../reports/exportReport';
import { buildReviewPack } from '../reports/buildPack';
import { saveReview, listReviews, openReview } from '../reports/reviews/reviewStore';
import { exportSealedReview } from '../reports/reviews/exportSealedReview';
import { compareReviews } from '../reports/reviews/compareReviews';
import type { PdfPrinter } from '../reports/pdf/pdfPrinter';

type Handlers = { [M in MethodName]: (input: z.output<Api[M]['input']>) => Promise<MethodOutput<M>> };

/** Every rate model that can run on this workspace, for one set of parameters. */
export async function runRateModels(ws: Workspace, params: ModelParams): Promise<(ModelResult & { area: string })[]> {
  const out: (ModelResult & { area: string })[] = [];
  for (const m of loadModels().models.values()) {
    if (m.header.kind !== 'rate' || (await missingInputs(ws, m)).length) continue;
    out.push({ ...(await runModel(ws, m.header.name, { ...params, withComparisons: false })), area: m.header.area });
  }
  return out;
}

/** Methods that only read the workspace; any other method may change it, so results cached before it are dropped. */
export const READ_ONLY_METHODS: ReadonlySet<string> = new Set([
  'info', 'listModels', 'runModel', 'findings', 'inspectFile',
  // Reviews are stored apart from everything a model reads: sealing one changes no result.
  'exportReport', 'saveReview', 'listReviews', 'openReview', 'exportReview', 'compareReviews',
]);

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

  const run = (name: string, params: ModelParams): Promise<ModelResult> => {
    const model = getModel(name);
    const p = normalizeParams(model.header.kind, model.header.parameters.map((x) => x.name), params);
    return results.get(paramsKey(name, p), async () => {
      if (model.header.kind !== 'rate' || !p.withComparisons) return runModel(ws, name, p);
      const compareLabel = p.comparePeriod ?? shiftPeriod(p.period, -1);
      const yearLabel = shiftPeriod(p.period, -4);
      const single = (period: string) => run(name, { ...p, period, withComparisons: false, comparePeriod: null });
      const [now, compare, yearAgo] = await Promise.all([single(p.period), single(compareLabel), single(yearLabel)]);
      return {
        ...now,
        params: p,
        comparePeriod: periodFromLabel(compareLabel),
        yearAgoPeriod: periodFromLabel(yearLabel),
        columns: [...now.columns, ...COMPARISON_COLUMNS],
        rows: withComparisons(now.rows as unknown as RateRow[], compare.rows as unknown as RateRow[], yearAgo.rows as unknown as RateRow[]) as unknown as Record<string, unknown>[],
      };
    });
  };

  return {
    run,
    async arrow(name: string, params: ModelParams): Promise<Uint8Array> {
      const result = await run(name, params);
      let bytes = arrow.get(result);
      if (!bytes) arrow.set(result, (bytes = resultToArrow(result)));
      return bytes;
    },
    /** Every rate model that can run, concurrently, without comparisons (as runRateModels). */
    findings(params: ModelParams): Promise<Finding[]> {
      const p = { ...params, withComparisons: false, comparePeriod: null };
      return findings.get(paramsKey('findings', p), async () => {
        const rate = [...loadModels().models.values()].filter((m) => m.header.kind === 'rate');
        const runnable = (await Promise.all(rate.map(async (m) => ((await missingInputs(ws, m)).length ? null : m)))).filter((m) => m !== null);
        const out = await Promise.all(runnable.map(async (m) => ({ ...(await run(m.header.name, p)), area: m.header.area })));
        return reviewFindings(out);
      });
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
}

const toReply = (f: ReportFile) => ({ fileName: f.fileName, mediaType: f.mediaType, byteLength: f.bytes.byteLength, base64: Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength).toString('base64') });

/** The core behind the contract, for one open workspace. Knows nothing of Electron or HTTP. */
export function createCore(ws: Workspace, uploads?: UploadStore, options: CoreOptions = {}): Handlers {
  const upload = (fileId: string) => {
    if (!uploads) throw new PathwaysError('BAD_REQUEST', 'this app cannot receive files');
    return uploads.resolve(fileId);
  };
  const cache = createModelCache(ws);
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
    runModel: ({ model, params }) => cache.arrow(model, params),
    findings: ({ params }) => cache.findings(params),
    inspectFile: async ({ fileId, sheet, headerRow, delimiter }) => {
      const f = upload(fileId);
      return inspectFile(f.path, { ws, name: f.name, sheet, headerRow, delimiter });
    },
    importFiles: async ({ files, onInvalid }) =>
      importFiles(ws, files.map((f) => { const u = upload(f.fileId); return { path: u.path, name: u.name, profile: f.profile }; }), { onInvalid }),
    removeImport: ({ importId }) => removeImport(ws, importId),
    setLevelOrder: async ({ levels }) => { await setLevelOrder(ws, levels); return { ok: true as const }; },
    addLabelMerge: (m) => addLabelMerge(ws, m),
    exportReport: async ({ settings, format }) => toReply(await exportReport((await buildReviewPack(ws, settings)).pack, format, { printPdf: options.printPdf })),
    saveReview: ({ settings }) => saveReview(ws, settings),
    listReviews: () => listReviews(ws),
    openReview: async ({ reviewId }) => { const { summary, html, intact } = await openReview(ws, reviewId); return { summary, html, intact }; },
    exportReview: async ({ reviewId, format }) => toReply(await exportSealedReview(ws, reviewId, format, { printPdf: options.printPdf })),
    compareReviews: ({ a, b }) => compareReviews(ws, a, b),
  };
  return invalidatingWrites(handlers, () => cache.clear());
}

/** Every method outside READ_ONLY_METHODS drops the cached results when it ends, whether it succeeded or not. */
function invalidatingWrites(handlers: Handlers, clear: () => void): Handlers {
  const out: Record<string, (input: never) => Promise<unknown>> = {};
  for (const [name, handler] of Object.entries(handlers) as [string, (input: never) => Promise<unknown>][]) {
    out[name] = READ_ONLY_METHODS.has(name) ? handler : async (input: never) => {
      try {
        return await handler(input);
      } finally {
        clear();
      }
    };
  }
  return out as unknown as Handlers;
}

/**
 * The one entry point both adapters call: validates the method name and the input with the
 * contract's schema, runs the handler, and turns any failure into an error value.
 */
export async function dispatch(core: Handlers, method: unknown, input: unknown): Promise<Reply<unknown>> {
  try {
    if (!isMethodName(method)) throw new PathwaysError('BAD_REQUEST', `unknown method ${JSON.stringify(String(method)).slice(0, 80)}`);
    const parsed = api[method].input.parse(input ?? {});
    const handler = core[method] as (i: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed) };
  } catch (err) {
    return { ok: false, error: toErrorInfo(err) };
  }
}

export type Core = Handlers;
