import type { ImportTable } from './mappingProfile';

/**
 * How valid rows of the typed staging table `valid` land in each canonical table. Tables
 * with a key replace rows of the same key (a newer export supersedes an older one); the
 * others skip rows identical to rows already there (overlapping exports add nothing twice).
 * Every statement reads `valid` and the bound $import_id only.
 */
export const LANDING_SQL: Record<ImportTable, { replaceKey?: string; insert: string | string[] }> = {
  people: {
    insert: `INSERT INTO people
      SELECT person_id, snapshot_date, hire_date, termination_date, level, level_label, department, location,
             job_family, employment_type, manager_id, gender, race_ethnicity, extra_dims, $import_id
      FROM valid`,
  },
  job_events: {
    insert: `INSERT INTO job_events
      SELECT person_id, effective_date, event_type, from_level, to_level, $import_id FROM (
        SELECT person_id, effective_date, event_type, from_level, to_level FROM valid
        EXCEPT SELECT person_id, effective_date, event_type, from_level, to_level FROM job_events)`,
  },
  programs: {
    replaceKey: 'program_id',
    insert: `INSERT INTO programs SELECT program_id, name, layer, start_date, end_date, eligibility, $import_id FROM valid`,
  },
  enrollments: {
    insert: `INSERT INTO enrollments
      SELECT *, $import_id FROM (
        SELECT person_id, program_id, role, applied_date, enrolled_date, status FROM valid
        EXCEPT SELECT person_id, program_id, role, applied_date, enrolled_date, status FROM enrollments)`,
  },
  matches: {
    replaceKey: 'match_id',
    insert: `INSERT INTO matches
      SELECT match_id, program_id, mentor_id, mentee_id, requested_date, matched_date, end_date, status, match_method, $import_id FROM valid`,
  },
  sessions: {
    replaceKey: 'session_id',
    insert: `INSERT INTO sessions
      SELECT session_id, date, coalesce(layer, $default_layer), program_id, match_id, host_id, duration_minutes, $import_id FROM valid`,
  },
  session_attendees: {
    insert: `INSERT INTO session_attendees
      SELECT *, $import_id FROM (SELECT session_id, person_id FROM valid EXCEPT SELECT session_id, person_id FROM session_attendees)`,
  },
  feedback: {
    insert: `INSERT INTO feedback
      SELECT *, $import_id FROM (
        SELECT session_id, match_id, rater_id, rater_role,
               CASE WHEN $rating_scale = '1-10' THEN 1 + (rating - 1) * 4.0 / 9.0 ELSE rating END,
               submitted_date FROM valid
        EXCEPT SELECT session_id, match_id, rater_id, rater_role, rating, submitted_date FROM feedback)`,
  },
  goals: {
    replaceKey: 'goal_id',
    insert: `INSERT INTO goals
      SELECT goal_id, person_id, match_id, set_date, due_date, status, completed_date, $import_id FROM valid`,
  },
  // An informal coaching log is a conversation between two people: one session, hosted by the
  // coach, attended by the coachee. Its id is the log's own, or one derived from file and row.
  coaching_log: {
    insert: [
      `INSERT INTO sessions SELECT sid, date, 'informal', NULL, NULL, coach_id, minutes, $import_id FROM valid_log`,
      `INSERT INTO session_attendees SELECT sid, coachee_id, $import_id FROM valid_log`,
    ],
  },
};
