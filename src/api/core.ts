import type { z } from 'zod';
import type { Workspace } from '../workspace/workspace';
import { api, type Api, type MethodName, type MethodOutput, type Reply, isMethodName, type ModelParams } from './contract';
import { toErrorInfo, PathwaysError } from '../errors';
import { workspaceInfo } from './workspaceInfo';
import { loadModels } from '../models/registry';
import { runModel, resultToArrow, missingInputs, needsMessage, type ModelResult } from '../models/runModel';
import { reviewFindings } from '../findings/findings';
import { inspectFile } from '../ingest/inspectFile';
import { importFiles } from '../ingest/importFiles';
import type { MappingProfile } from '../ingest/mappingProfile';
import { removeImport, setLevelOrder, addLabelMerge } from '../workspace/settings';
import type { UploadStore } from './uploads';
import { ImportJobs } from './importJobs';
import { dataSettings } from '../workspace/settings';
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

export interface CoreOptions {
  /** How PDFs are printed: Electron's printToPDF in the app; by default headless Chromium. */
  printPdf?: PdfPrinter;
  /** The background import jobs (one set per open workspace); made here when not given. */
  jobs?: ImportJobs;
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
  return {
    info: () => workspaceInfo(ws),
    listModels: async () => {
      const out = [];
      for (const m of loadModels().models.values()) {
        const missing = await missingInputs(ws, m);
        out.push({
          name: m.header.name, title: m.header.title, question: m.header.question, area: m.header.area, kind: m.header.kind,
          requires: m.header.requires, available: missing.length === 0, ...(missing.length ? { needs: needsMessage(missing) } : {}),
        });
      }
      return out;
    },
    runModel: async ({ model, params }) => resultToArrow(await runModel(ws, model, params)),
    findings: async ({ params }) => reviewFindings(await runRateModels(ws, params)),
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
    setLevelOrder: async ({ levels }) => { await setLevelOrder(ws, levels); return { ok: true as const }; },
    addLabelMerge: (m) => addLabelMerge(ws, m),
    exportReport: async ({ settings, format }) => toReply(await exportReport((await buildReviewPack(ws, settings)).pack, format, { printPdf: options.printPdf })),
    saveReview: ({ settings }) => saveReview(ws, settings),
    listReviews: () => listReviews(ws),
    openReview: async ({ reviewId }) => { const { summary, html, intact } = await openReview(ws, reviewId); return { summary, html, intact }; },
    exportReview: async ({ reviewId, format }) => toReply(await exportSealedReview(ws, reviewId, format, { printPdf: options.printPdf })),
    compareReviews: ({ a, b }) => compareReviews(ws, a, b),
  };
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
