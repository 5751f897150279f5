import { z } from 'zod';
import { ErrorInfoSchema } from '../errors';
import { PeriodLabelSchema, FiscalStartMonthSchema } from '../models/period';
import { TableNameSchema } from '../models/modelHeader';
import { MappingProfileSchema } from '../ingest/mappingProfile';
import { FileInspectionSchema, ImportReportSchema, ImportJobStatusSchema, ImportJobIdSchema } from '../ingest/importReport';
import { FileRefSchema } from './uploads';
import { FindingSchema } from '../findings/findingSchema';
import { ReportSettingsSchema, ReportFormatSchema } from '../reports/reportSettings';
import { ReviewIdSchema, ReviewSummarySchema, ReviewComparisonSchema, OpenedReviewSchema } from '../reports/reviews/reviewSchema';

/**
 * The one contract between the renderer and the core. Electron's IPC and the browser mode's
 * loopback HTTP both carry exactly these methods; both adapters validate every input with
 * these schemas before the core sees it. Methods whose output is 'arrow' answer with Arrow
 * IPC stream bytes (model results); all others answer with JSON.
 */

const Identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_ ]{0,62}$/, 'a dimension name');
const Text = z.string().max(200);

export const ReferenceSchema = z.union([
  z.literal('largest'),
  z.literal('highest'),
  z.object({ group: Text }),
]);
export type Reference = z.infer<typeof ReferenceSchema>;

export const ModelParamsSchema = z.object({
  period: PeriodLabelSchema,
  dimension: Identifier.default('gender'),
  dimension2: Identifier.nullable().default(null),
  department: Text.nullable().default(null),
  location: Text.nullable().default(null),
  levelMin: z.number().int().min(0).max(1000).nullable().default(null),
  levelMax: z.number().int().min(0).max(1000).nullable().default(null),
  layer: z.enum(['formal', 'peer', 'informal']).nullable().default(null),
  programId: Text.nullable().default(null),
  /** The period to compare with; null = the quarter before. The same quarter a year earlier is always compared too. */
  comparePeriod: PeriodLabelSchema.nullable().default(null),
  /** Rate models: also run the comparison periods and report deltas. */
  withComparisons: z.boolean().default(true),
  /** Lowest level eligible to mentor; null = at or above the median level (METRICS.md). */
  mentorLevelMin: z.number().int().min(0).max(1000).nullable().default(null),
  /** Active participation: at least this many conversations in the period. */
  minConversations: z.number().int().min(1).max(100).default(2),
  /** Minimum cell size: the user may raise it, never go below 3. */
  k: z.number().int().min(3).max(1000).default(5),
  reference: ReferenceSchema.default('largest'),
}).strict();
export type ModelParams = z.infer<typeof ModelParamsSchema>;
export type ModelParamsInput = z.input<typeof ModelParamsSchema>;

export const ImportRecordSchema = z.object({
  importId: z.number().int(),
  fileName: z.string(),
  fileHash: z.string(),
  fileFormat: z.string(),
  table: TableNameSchema,
  rowCount: z.number().int(),
  rejectedCount: z.number().int(),
  snapshotDate: z.string().nullable(),
  importedAt: z.string(),
});
export type ImportRecord = z.infer<typeof ImportRecordSchema>;

export const WorkspaceProgramSchema = z.object({
  id: z.string(),
  name: z.string(),
  layer: z.enum(['formal', 'peer', 'informal']),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  eligibility: z.string().nullable(),
});
export type WorkspaceProgram = z.infer<typeof WorkspaceProgramSchema>;

/** The smallest group the reference picker lists (the default k). */
export const MIN_LISTED_GROUP = 5;

export const WorkspaceInfoSchema = z.object({
  name: z.string(),
  schemaVersion: z.number().int(),
  tables: z.array(z.object({ table: TableNameSchema, rows: z.number().int() })),
  imports: z.array(ImportRecordSchema),
  periods: z.array(PeriodLabelSchema),
  /** The month (1-12) the fiscal year starts in: the periods are its quarters. Optional for WorkspaceInfo written before it existed (January). */
  fiscalStartMonth: FiscalStartMonthSchema.optional(),
  dimensions: z.array(z.string()),
  departments: z.array(z.string()),
  locations: z.array(z.string()),
  levels: z.array(z.object({ rank: z.number().int(), label: z.string() })),
  derivedEvents: z.boolean(),
  // The fields below feed the dashboard controls. Optional so that a WorkspaceInfo written
  // before they existed (fixtures, sealed reviews) still parses.
  /** The programs, for the program control and the Programs page: names and layers only. */
  programs: z.array(WorkspaceProgramSchema).optional(),
  /**
   * The groups of each dimension in the latest roster, for the reference-group picker.
   * Only groups with at least MIN_LISTED_GROUP people are listed, so that the list never
   * tells that one or two people hold a value.
   */
  groups: z.record(z.string(), z.array(z.string())).optional(),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfoSchema>;

export const ModelSummarySchema = z.object({
  name: z.string(),
  title: z.string(),
  question: z.string(),
  area: z.string(),
  kind: z.enum(['rate', 'table']),
  requires: z.array(TableNameSchema),
  available: z.boolean(),
  /** Why the model cannot run yet, e.g. "needs feedback data". */
  needs: z.string().optional(),
  /** The SQL parameters the model's header declares (period_end, dimension, layer...): a control that binds none of them does not change its result. */
  parameters: z.array(z.string()).optional(),
  /** Rate models: whether the outcome is favourable (participation) or adverse (attrition, waitlisting). */
  outcome: z.enum(['favourable', 'adverse']).optional(),
  population: z.string().optional(),
});
export type ModelSummary = z.infer<typeof ModelSummarySchema>;

export const RunModelInputSchema = z.object({
  model: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/),
  params: ModelParamsSchema,
}).strict();

const FileId = FileRefSchema.shape.fileId;

export const ImportFilesInputSchema = z.object({
  files: z.array(z.object({ fileId: FileId, profile: MappingProfileSchema }).strict()).min(1).max(50),
  onInvalid: z.enum(['fail', 'skip']).default('fail'),
  /** Check and report only; nothing lands. */
  dryRun: z.boolean().default(false),
}).strict();

export const DataSettingsSchema = z.object({
  levelOrder: z.array(z.object({ label: z.string(), rank: z.number().int() })),
  labelMerges: z.array(z.object({ dimension: z.string(), from: z.string(), to: z.string() })),
  dimensions: z.array(z.object({ name: z.string(), builtin: z.boolean() })),
  fiscalStartMonth: FiscalStartMonthSchema,
});
export type DataSettings = z.infer<typeof DataSettingsSchema>;
/**
 * A report file as it crosses to the renderer: JSON with the bytes in base64 (a PDF of a few
 * megabytes), so that both transports carry it like any other reply.
 */
export const ReportFileSchema = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  byteLength: z.number().int(),
  base64: z.string(),
});
export type ReportFileReply = z.infer<typeof ReportFileSchema>;

export const api = {
  info: { input: z.object({}).strict(), output: WorkspaceInfoSchema },
  listModels: { input: z.object({}).strict(), output: z.array(ModelSummarySchema) },
  runModel: { input: RunModelInputSchema, output: 'arrow' as const },
  findings: { input: z.object({ params: ModelParamsSchema }).strict(), output: z.array(FindingSchema) },
  inspectFile: {
    input: z.object({
      fileId: FileId,
      sheet: Text.nullable().default(null),
      headerRow: z.number().int().min(1).max(1000).nullable().default(null),
      delimiter: z.string().max(4).nullable().default(null),
      encoding: z.enum(['utf-8', 'latin-1']).nullable().default(null),
    }).strict(),
    output: FileInspectionSchema,
  },
  importFiles: { input: ImportFilesInputSchema, output: ImportReportSchema },
  /** The same import in the background: answers at once; poll importStatus, stop with cancelImport. */
  startImport: { input: ImportFilesInputSchema, output: ImportJobStatusSchema },
  importStatus: { input: z.object({ jobId: ImportJobIdSchema }).strict(), output: ImportJobStatusSchema },
  /** Answers once the job has stopped and everything it did is rolled back. */
  cancelImport: { input: z.object({ jobId: ImportJobIdSchema }).strict(), output: ImportJobStatusSchema },
  /** Every rejected row of a finished job as CSV (file,row,column,value,reason). */
  importRejectsCsv: { input: z.object({ jobId: ImportJobIdSchema }).strict(), output: z.object({ csv: z.string() }) },
  /** The workspace's data settings the Data page shows: level order and label merges. */
  dataSettings: { input: z.object({}).strict(), output: DataSettingsSchema },
  /**
   * Erases one person from every table (a data-subject request). The id is the one their HR
   * system uses; it is pseudonymized like an import's, never stored or echoed.
   */
  removePerson: {
    input: z.object({ personId: Text.min(1).max(200) }).strict(),
    output: z.object({ found: z.boolean(), deleted: z.record(z.string(), z.number().int()), unlinked: z.record(z.string(), z.number().int()) }),
  },
  removeImport: { input: z.object({ importId: z.number().int().min(1) }).strict(), output: z.object({ rowsRemoved: z.number().int() }) },
  setLevelOrder: {
    input: z.object({ levels: z.array(z.object({ label: Text.min(1), rank: z.number().int().min(1).max(1000) }).strict()).min(1).max(200) }).strict(),
    output: z.object({ ok: z.literal(true) }),
  },
  addLabelMerge: {
    input: z.object({ dimension: z.enum(['gender', 'race_ethnicity']), from: Text.min(1), to: Text.min(1) }).strict(),
    output: z.object({ rowsUpdated: z.number().int() }),
  },
  /** The month the fiscal year starts in (1 = January): review periods become its quarters; every result is computed again. */
  setFiscalStartMonth: { input: z.object({ month: FiscalStartMonthSchema }).strict(), output: z.object({ ok: z.literal(true) }) },
  /** The review pack for a period in one format (pdf, html, csv as a zip of CSVs, xlsx), built now from the workspace. */
  exportReport: { input: z.object({ settings: ReportSettingsSchema, format: ReportFormatSchema }).strict(), output: ReportFileSchema },
  /** Seals a review: builds the pack and stores it, its HTML, settings, inputs, model versions and every result. */
  saveReview: { input: z.object({ settings: ReportSettingsSchema }).strict(), output: ReviewSummarySchema },
  listReviews: { input: z.object({}).strict(), output: z.array(ReviewSummarySchema) },
  /** A sealed review exactly as presented (its stored HTML), and whether its seal holds. */
  openReview: { input: z.object({ reviewId: ReviewIdSchema }).strict(), output: OpenedReviewSchema },
  /** A sealed review in one format, rendered from what it stored (never from the current data). */
  exportReview: { input: z.object({ reviewId: ReviewIdSchema, format: ReportFormatSchema }).strict(), output: ReportFileSchema },
  /** Two sealed reviews side by side: what changed, and which rate changes are larger than chance. */
  compareReviews: { input: z.object({ a: ReviewIdSchema, b: ReviewIdSchema }).strict(), output: ReviewComparisonSchema },
} as const;

export type Api = typeof api;
export type MethodName = keyof Api;
export type MethodInput<M extends MethodName> = z.input<Api[M]['input']>;
export type MethodOutput<M extends MethodName> =
  Api[M]['output'] extends 'arrow' ? Uint8Array
  : Api[M]['output'] extends z.ZodType ? z.infer<Api[M]['output']> : never;

export const isMethodName = (name: unknown): name is MethodName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name);

/** What every transport answers: a value or an error, never a thrown string. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: z.infer<typeof ErrorInfoSchema> };
export const ReplyErrorSchema = z.object({ ok: z.literal(false), error: ErrorInfoSchema });

export interface InvokeOptions {
  signal?: AbortSignal;
}

/** The renderer's only way to the core; implemented over Electron IPC and over loopback HTTP. */
export interface Transport {
  /** `options.signal` abandons the call: the HTTP transport aborts its request, the IPC one sends a cancel for its id; either way the core stops work nobody waits for. */
  invoke(method: MethodName, input: unknown, options?: InvokeOptions): Promise<Reply<unknown>>;
  /** Hands the core a file the user chose (file dialog or drop); later calls refer to its fileId. */
  upload?(name: string, bytes: Uint8Array): Promise<Reply<z.infer<typeof FileRefSchema>>>;
}
export { FileRefSchema, type FileRef } from './uploads';

/**
 * What the Electron preload exposes with contextBridge as `window.pathways`. A call that may be
 * abandoned carries an id of the renderer's choosing; `cancel(id)` says nobody waits for it now.
 */
export interface PreloadBridge {
  invoke(method: MethodName, input: unknown, callId?: string): Promise<Reply<unknown>>;
  cancel?(callId: string): void;
  upload?(name: string, bytes: Uint8Array): Promise<Reply<z.infer<typeof FileRefSchema>>>;
}

/** The largest request body either adapter accepts (model params are tiny). */
export const MAX_REQUEST_BYTES = 64 * 1024;
