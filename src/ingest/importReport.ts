import { z } from 'zod';
import { MappingProfileSchema, ImportTableSchema } from './mappingProfile';
import { ErrorInfoSchema } from '../errors';

/**
 * What an import and an inspection answer: pure schemas, no Node or DuckDB, so the API
 * contract (and through it the renderer's types) can use them.
 */

export const ImportOptionsSchema = z.object({
  /** 'fail': any rejected row stops the import and nothing lands; 'skip': valid rows land, rejects are reported. */
  onInvalid: z.enum(['fail', 'skip']).default('fail'),
  /** Where to write every rejected row as CSV (file, row, column, value, reason). */
  rejectsPath: z.string().nullable().default(null),
  /** Check everything and report, then roll back: nothing lands (the Data page's "check" step). */
  dryRun: z.boolean().default(false),
});
export type ImportOptions = z.input<typeof ImportOptionsSchema>;

export const RejectSchema = z.object({
  file: z.string(), row: z.number().int(), column: z.string(), value: z.string().nullable(), reason: z.string(),
});
export type Reject = z.infer<typeof RejectSchema>;

export const FileReportSchema = z.object({
  file: z.string(),
  table: z.string(),
  format: z.string(),
  hash: z.string(),
  /** 'checked': a dry run, nothing landed; 'rejected': rows were rejected and onInvalid was 'fail'. */
  status: z.enum(['imported', 'unchanged', 'rejected', 'checked']),
  rowsRead: z.number().int(),
  /** Rows that passed every check (they land unless the import is a dry run or failed). */
  rowsValid: z.number().int(),
  rowsImported: z.number().int(),
  rowsReplaced: z.number().int(),
  rejected: z.number().int(),
  notes: z.array(z.string()),
  importId: z.number().int().nullable(),
});
export type FileReport = z.infer<typeof FileReportSchema>;

export const ImportReportSchema = z.object({
  ok: z.boolean(),
  files: z.array(FileReportSchema),
  /** The first rejects (all of them are in the rejects CSV when one was asked for). */
  rejects: z.array(RejectSchema),
  rejectedTotal: z.number().int(),
  rejectsFile: z.string().nullable(),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

export const MappingSuggestionSchema = z.object({
  table: ImportTableSchema.nullable(),
  confidence: z.number(),
  columns: z.record(z.string(), z.string()),
  basis: z.record(z.string(), z.enum(['header', 'values'])),
  sensitive: z.array(z.string()),
  unmapped: z.array(z.string()),
  alternatives: z.array(z.object({ table: ImportTableSchema, confidence: z.number() })),
});
export type MappingSuggestion = z.infer<typeof MappingSuggestionSchema>;

export const FileInspectionSchema = z.object({
  file: z.string(),
  format: z.enum(['csv', 'xlsx', 'parquet', 'json']),
  dialect: z.object({ delimiter: z.string(), header: z.boolean(), encoding: z.string() }).nullable(),
  sheets: z.array(z.object({ sheet: z.string(), rows: z.array(z.array(z.string())) })).nullable(),
  sheet: z.string().nullable(),
  headerRow: z.number().int().nullable(),
  columns: z.array(z.string()),
  preview: z.array(z.array(z.string())),
  headerSignature: z.string(),
  suggestion: MappingSuggestionSchema,
  savedProfile: MappingProfileSchema.nullable(),
});
export type FileInspection = z.infer<typeof FileInspectionSchema>;

export const ImportStepSchema = z.enum(['reading', 'checking', 'landing']);
export type ImportStep = z.infer<typeof ImportStepSchema>;

export const ImportProgressSchema = z.object({
  /** 0..1 over the whole import. */
  fraction: z.number().min(0).max(1),
  file: z.string().nullable(),
  fileIndex: z.number().int(),
  files: z.number().int(),
  step: ImportStepSchema,
});
export type ImportProgress = z.infer<typeof ImportProgressSchema>;

export const ImportJobIdSchema = z.string().regex(/^[0-9a-f]{24}$/);

/** A background import (the Data page's progress bar and cancel button poll this). */
export const ImportJobStatusSchema = z.object({
  jobId: ImportJobIdSchema,
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  progress: ImportProgressSchema,
  report: ImportReportSchema.nullable(),
  error: ErrorInfoSchema.nullable(),
});
export type ImportJobStatus = z.infer<typeof ImportJobStatusSchema>;
