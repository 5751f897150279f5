import { join } from 'node:path';
import { importFixture } from '../../helpers/importFixture';
import type { ImportRequest } from '../../../src/ingest/importFiles';
import type { Workspace } from '../../../src/workspace/workspace';
import { runModel, resultToArrow } from '../../../src/models/runModel';
import { arrowIPCToRows } from '../../../src/arrow/toArrow';
import type { ModelParamsInput } from '../../../src/api/contract';

export const dir = join(__dirname, '..', '..', 'fixtures', 'models', 'mentoring');

/**
 * The participation-area fixture, review period 2025-Q2 ([04-01, 07-01), last day 06-30).
 *
 * Headcount on 06-30: 8 women (W1..W8; L1 left on 05-15), 8 men (M1..M8), 2 non-binary,
 * 1 not recorded (U1). Levels: W1 W2 M6 M7 N1 = 1; W3 W4 M8 N2 U1 = 2; W5..W8 M1..M5 = 3,
 * so the median level is 2 and those eligible to mentor are 6 women, 6 men, N2 and U1.
 *
 * Programs: P1 Formal Mentoring, P2 Peer Circles, P4 Leadership Sponsorship (from 05-01)
 * run in the period; P3 Old Program ended in 2024.
 * Matches: X1 M1->W1, X2 M2->W2, X3 M3->W3, X4 W5->M6, X5 W6->M7, X6 W7->M8 (from 04-15)
 * in P1; X8 M5->W4 in P4 (from 05-20); X7 M4->W4 ended 03-15 (not active).
 * Conversations in the period: X1 S1 S2 S3 (no program on the session: taken from the
 * match), X2 S5, X4 S7 S8, X5 S9 S10, X6 S11 (no duration), X8 S12; peer S13 and S14 hosted
 * by W1; informal S15 and S16, M4 coaching W8. S4 and S6 (March) fall before.
 */
export const FILES: Record<string, ImportRequest> = {
  people: { path: 'roster.csv', profile: { table: 'people', columns: { person_id: 'id', snapshot_date: 'snapshot', level: 'level', gender: 'gender', hire_date: 'hire', termination_date: 'term' } } },
  programs: { path: 'programs.csv', profile: { table: 'programs', columns: { program_id: 'program', name: 'name', layer: 'layer', start_date: 'start', end_date: 'end' } } },
  enrollments: { path: 'enrollments.csv', profile: { table: 'enrollments', columns: { person_id: 'person', program_id: 'program', role: 'role', applied_date: 'applied', enrolled_date: 'enrolled', status: 'status' } } },
  matches: { path: 'matches.csv', profile: { table: 'matches', columns: { match_id: 'match', program_id: 'program', mentor_id: 'mentor', mentee_id: 'mentee', matched_date: 'matched', end_date: 'end' } } },
  sessions: { path: 'sessions.csv', profile: { table: 'sessions', columns: { session_id: 'session', date: 'date', layer: 'layer', program_id: 'program', match_id: 'match', host_id: 'host', duration_minutes: 'minutes' } } },
  session_attendees: { path: 'attendees.csv', profile: { table: 'session_attendees', columns: { session_id: 'session', person_id: 'person' } } },
  feedback: { path: 'feedback.csv', profile: { table: 'feedback', columns: { session_id: 'session', match_id: 'match', rater_id: 'rater', rater_role: 'role', rating: 'rating', submitted_date: 'submitted' } } },
  goals: { path: 'goals.csv', profile: { table: 'goals', columns: { goal_id: 'goal', person_id: 'person', match_id: 'match', set_date: 'set', status: 'status', completed_date: 'completed' } } },
};

/** Imports the fixture, or only the named tables (to test "needs ... data"). */
export async function loadMentoring(ws: Workspace, tables: string[] = Object.keys(FILES)): Promise<void> {
  await importFixture(ws, dir, tables.map((t) => FILES[t]));
}

export const pick = (rows: Record<string, unknown>[], slice: string, grp: string) => {
  const row = rows.find((r) => r.slice === slice && r.grp === grp);
  if (!row) throw new Error(`no row ${slice} / ${grp}`);
  return row;
};

/** Runs a model for 2025-Q2 (no comparison periods unless asked) and reads its rows back from Arrow. */
export async function runRows(ws: Workspace, name: string, params: Partial<ModelParamsInput> = {}) {
  const result = await runModel(ws, name, { period: '2025-Q2', withComparisons: false, ...params });
  return { ...arrowIPCToRows(resultToArrow(result)), notes: result.notes, population: result.population };
}
