import { z } from 'zod';
import { TableNameSchema } from '../models/modelHeader';

/**
 * What an import file lands in: a canonical table, or an informal-coaching log
 * (coach, coachee, date, minutes, topic), which becomes sessions + session_attendees.
 */
export const ImportTableSchema = z.union([TableNameSchema, z.literal('coaching_log')]);
export type ImportTable = z.infer<typeof ImportTableSchema>;

export { CANONICAL_FIELDS } from './canonicalFields';

/** Columns that identify people or carry free text: dropped unless the user keeps them. */
export const SENSITIVE_HINT = /(^|[ _-])(name|first|last|surname|e-?mail|mail|comment|comments|note|notes|topic|text|remarks?|phone|address)([ _-]|$)/i;

/** How one file maps onto the canonical tables; saved per workspace and reused for the same header. */
export const MappingProfileSchema = z.object({
  table: ImportTableSchema,
  /** canonical field -> source column name */
  columns: z.record(z.string(), z.string()),
  /** declared extra equity dimensions (people only): dimension name -> source column */
  extraDimensions: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,40}$/), z.string()).default({}),
  /** source columns with names or free text the user chose to keep (stored apart, never used by a model) */
  keep: z.array(z.string()).default([]),
  /** strptime format for date columns whose format is ambiguous, e.g. '%d/%m/%Y' */
  dateFormat: z.string().max(40).nullable().default(null),
  /** for roster files without an as-of column: the date the user gives at import */
  snapshotDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().default(null),
  /** feedback: the scale of the rating column; 1-10 is rescaled to 1-5 */
  ratingScale: z.enum(['1-5', '1-10']).default('1-5'),
  /** sessions without a layer column (e.g. a Chronus export of one program) */
  layer: z.enum(['formal', 'peer', 'informal']).nullable().default(null),
  /** XLSX: which sheet, and the 1-based row that holds the header (title rows above it) */
  sheet: z.string().max(200).nullable().default(null),
  headerRow: z.number().int().min(1).max(1000).nullable().default(null),
  /** CSV overrides of DuckDB's sniffer */
  delimiter: z.string().max(4).nullable().default(null),
  encoding: z.enum(['utf-8', 'latin-1', 'utf-16']).nullable().default(null),
}).strict();
export type MappingProfile = z.infer<typeof MappingProfileSchema>;
export type MappingProfileInput = z.input<typeof MappingProfileSchema>;
