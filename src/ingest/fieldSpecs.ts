import type { ImportTable } from './mappingProfile';

/**
 * How each canonical field is typed and checked. "person" ids are pseudonymized with the
 * workspace salt; "key" ids (matches, sessions, goals) are too, because vendors often build
 * them from employee ids; program ids stay readable because programs are shown by id.
 */
export type FieldKind =
  | { kind: 'person' }
  | { kind: 'key' }
  | { kind: 'program' }
  | { kind: 'text' }
  | { kind: 'date' }
  | { kind: 'number'; min?: number; max?: number }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'label' }
  | { kind: 'level' };

const person = { kind: 'person' } as const;
const key = { kind: 'key' } as const;
const program = { kind: 'program' } as const;
const text = { kind: 'text' } as const;
const date = { kind: 'date' } as const;
const label = { kind: 'label' } as const;
const level = { kind: 'level' } as const;
const e = (...values: string[]) => ({ kind: 'enum', values }) as const;

export const LAYERS = ['formal', 'peer', 'informal'] as const;

export const FIELD_SPECS: Record<ImportTable, Record<string, FieldKind>> = {
  people: {
    person_id: person, snapshot_date: date, level, hire_date: date, termination_date: date,
    department: text, location: text, job_family: text, employment_type: text, manager_id: person,
    gender: label, race_ethnicity: label,
  },
  job_events: {
    person_id: person, effective_date: date,
    event_type: e('hire', 'promotion', 'demotion', 'lateral', 'termination'),
    from_level: level, to_level: level,
  },
  programs: { program_id: program, name: text, layer: e(...LAYERS), start_date: date, end_date: date, eligibility: text },
  enrollments: {
    person_id: person, program_id: program, role: e('mentee', 'mentor', 'participant', 'facilitator', 'coach'),
    applied_date: date, enrolled_date: date,
    status: e('applied', 'waitlisted', 'matched', 'active', 'completed', 'withdrawn'),
  },
  matches: {
    match_id: key, program_id: program, mentor_id: person, mentee_id: person,
    requested_date: date, matched_date: date, end_date: date, status: text,
    match_method: e('self-selected', 'admin', 'algorithm'),
  },
  sessions: {
    session_id: key, date, layer: e(...LAYERS), program_id: program, match_id: key, host_id: person,
    duration_minutes: { kind: 'number', min: 0, max: 24 * 60 },
  },
  session_attendees: { session_id: key, person_id: person },
  feedback: {
    rating: { kind: 'number' }, session_id: key, match_id: key, rater_id: person,
    rater_role: e('mentor', 'mentee', 'participant'), submitted_date: date,
  },
  goals: {
    goal_id: key, person_id: person, set_date: date,
    status: e('not_started', 'on_track', 'at_risk', 'completed', 'abandoned'),
    match_id: key, due_date: date, completed_date: date,
  },
  coaching_log: {
    coach_id: person, coachee_id: person, date, minutes: { kind: 'number', min: 0, max: 24 * 60 }, session_id: key,
  },
};

/** Vendor words for the enumerated fields, matched after trim + lower-case. */
export const ENUM_SYNONYMS: Record<string, Record<string, string>> = {
  layer: {
    'formal mentoring': 'formal', mentoring: 'formal', mentorship: 'formal', 'formal program': 'formal', '1:1': 'formal', 'one-on-one': 'formal',
    peer: 'peer', 'peer circle': 'peer', circle: 'peer', 'peer network': 'peer', buddy: 'peer', 'buddy system': 'peer', 'group mentoring': 'peer',
    coaching: 'informal', 'informal coaching': 'informal', 'ad hoc': 'informal', 'ad-hoc': 'informal', conversation: 'informal',
  },
  event_type: {
    hired: 'hire', 'new hire': 'hire', rehire: 'hire', promoted: 'promotion', promote: 'promotion', demoted: 'demotion',
    transfer: 'lateral', 'lateral move': 'lateral', move: 'lateral', terminated: 'termination', exit: 'termination',
    leaver: 'termination', separation: 'termination', resignation: 'termination',
  },
  role: { mentees: 'mentee', protege: 'mentee', learner: 'mentee', mentors: 'mentor', member: 'participant', attendee: 'participant', host: 'facilitator', lead: 'facilitator' },
  status: {
    pending: 'applied', requested: 'applied', 'wait list': 'waitlisted', 'wait-listed': 'waitlisted', waitlist: 'waitlisted',
    paired: 'matched', 'in progress': 'active', ongoing: 'active', 'on track': 'on_track', 'on-track': 'on_track',
    'at risk': 'at_risk', 'at-risk': 'at_risk', 'not started': 'not_started', 'not-started': 'not_started',
    complete: 'completed', done: 'completed', closed: 'completed', finished: 'completed', dropped: 'withdrawn', cancelled: 'withdrawn',
    canceled: 'withdrawn', abandoned: 'abandoned',
  },
  match_method: {
    self: 'self-selected', 'self selected': 'self-selected', 'self-match': 'self-selected', manual: 'admin',
    administrator: 'admin', 'admin match': 'admin', auto: 'algorithm', automatic: 'algorithm', algorithmic: 'algorithm', ai: 'algorithm',
  },
  rater_role: { protege: 'mentee', member: 'participant', attendee: 'participant' },
};
