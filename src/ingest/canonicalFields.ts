/**
 * The canonical fields of each import table, as plain data (no zod), so the renderer's Data
 * page can list them without bundling the schemas.
 */
export type ImportTableName =
  | 'people' | 'job_events' | 'programs' | 'enrollments' | 'matches' | 'sessions' | 'session_attendees' | 'feedback' | 'goals' | 'coaching_log';

export const IMPORT_TABLES: ImportTableName[] = ['people', 'job_events', 'programs', 'enrollments', 'matches', 'sessions', 'session_attendees', 'feedback', 'goals', 'coaching_log'];

/** The canonical fields of each import table, required ones first. */
export const CANONICAL_FIELDS: Record<ImportTableName, { required: string[]; optional: string[] }> = {
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

