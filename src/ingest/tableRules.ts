import type { ImportTable } from './mappingProfile';

/** Fields that identify a row: a second row with the same key in one file is rejected. */
export const ROW_KEYS: Partial<Record<ImportTable, string[]>> = {
  people: ['person_id', 'snapshot_date'],
  programs: ['program_id'],
  matches: ['match_id'],
  sessions: ['session_id'],
  goals: ['goal_id'],
};

/** Pairs of dates that must be in order (first <= second) when both are given. */
export const DATE_ORDER: Partial<Record<ImportTable, [string, string][]>> = {
  // A roster may list pre-hires (hire date after the snapshot): headcount handles them, so no rule here.
  people: [['hire_date', 'termination_date']],
  programs: [['start_date', 'end_date']],
  enrollments: [['applied_date', 'enrolled_date']],
  matches: [['requested_date', 'matched_date'], ['matched_date', 'end_date']],
  goals: [['set_date', 'due_date'], ['set_date', 'completed_date']],
};

export interface Reference {
  field: string;
  target: 'people' | 'programs' | 'matches' | 'sessions';
  targetField: string;
  what: string;
}

const inRoster = (field: string, what: string): Reference => ({ field, target: 'people', targetField: 'person_id', what });

/**
 * References between tables, checked when the target table has rows (a mapping imported
 * before its roster would otherwise reject everything); the report notes a skipped check.
 */
export const REFERENCES: Partial<Record<ImportTable, Reference[]>> = {
  job_events: [inRoster('person_id', 'person')],
  enrollments: [inRoster('person_id', 'person'), { field: 'program_id', target: 'programs', targetField: 'program_id', what: 'program' }],
  matches: [
    inRoster('mentor_id', 'mentor'), inRoster('mentee_id', 'mentee'),
    { field: 'program_id', target: 'programs', targetField: 'program_id', what: 'program' },
  ],
  sessions: [
    { field: 'match_id', target: 'matches', targetField: 'match_id', what: 'match' },
    { field: 'program_id', target: 'programs', targetField: 'program_id', what: 'program' },
    inRoster('host_id', 'host'),
  ],
  session_attendees: [
    { field: 'session_id', target: 'sessions', targetField: 'session_id', what: 'session' },
    inRoster('person_id', 'attendee'),
  ],
  feedback: [
    { field: 'session_id', target: 'sessions', targetField: 'session_id', what: 'session' },
    { field: 'match_id', target: 'matches', targetField: 'match_id', what: 'match' },
  ],
  goals: [inRoster('person_id', 'person'), { field: 'match_id', target: 'matches', targetField: 'match_id', what: 'match' }],
  coaching_log: [inRoster('coach_id', 'coach'), inRoster('coachee_id', 'coachee')],
};

/** Order in which a batch lands, so that references resolve inside one import. */
export const LANDING_ORDER: ImportTable[] = [
  'people', 'job_events', 'programs', 'enrollments', 'matches', 'sessions', 'session_attendees', 'coaching_log', 'feedback', 'goals',
];
