import { z } from 'zod';
import { TableNameSchema } from '../models/modelHeader';

/**
 * What an import file lands in: a canonical table, or an informal-coaching log
 * (coach, coachee, date, minutes, topic), which becomes sessions + session_attendees.
 */
export const ImportTableSchema = z.union([TableNameSchema, z.literal('coaching_log')]);
export type ImportTable = z.infer<typeof ImportTableSchema>;

/** The canonical fields of each import table, required ones first. */
export const CANONICAL_FIELDS: Record<ImportTable, { required: string[]; optional: string[] }> = {
  people: {
    required: ['person_id', 'snapshot_date', 'level'],
    optional: ['hire_date', 'termination_date', 'department', 'location', 'job_family', 'employment_type', 'manager_id', 'gender', 'race_ethnicity'],
  },
  job_events: { required: ['person_id', 'effective_date', 'event_type'], optional: ['from_level', 'to_level'] },
  programs: { required: ['program_id', 'name', 'layer'], optional: ['start_date', 'end_date', 'eligibility'] },
  enrollments: { required: ['person_id', 'program_id', 'role'], optional: ['applied_date', 'enrolled_date', 'status'] },
  matches: {
    required: ['match_id', 'program_id', 'mentor_id', 'mentee_id'],
    optional: ['requested_date', 'matched_date', 'end_date', 'status', 'match_method'],
  },
  sessions: { required: ['session_id', 'date', 'layer'], optional: ['program_id', 'match_id', 'host_id', 'duration_minutes'] },
  session_attendees: { required: ['session_id', 'person_id'], optional: [] },
  feedback: { required: ['rating'], optional: ['session_id', 'match_id', 'rater_id', 'rater_role', 'submitted_date'] },
  goals: { required: ['goal_id', 'person_id', 'set_date', 'status'], optional: ['match_id', 'due_date', 'completed_date'] },
  coaching_log: { required: ['coach_id', 'coachee_id', 'date'], optional: ['minutes', 'session_id'] },
};

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
