import { join } from 'node:path';
import { importFixture } from '../../helpers/importFixture';
import type { ImportRequest } from '../../../src/ingest/importFiles';
import type { Workspace } from '../../../src/workspace/workspace';
import { runModel, resultToArrow } from '../../../src/models/runModel';
import { arrowIPCToRows } from '../../../src/arrow/toArrow';
import type { ModelParamsInput } from '../../../src/api/contract';

export const dir = join(__dirname, '..', '..', 'fixtures', 'models', 'access');

/**
 * The access-area fixture, review period 2025-Q2 ([04-01, 07-01), last day 06-30).
 *
 * Headcount on 06-30: 13 women (W1..W13; L1 left on 05-31), 10 men (M1..M10), N1
 * (non-binary), U1 (not recorded). Levels: W1 W2 W3 W11 W12 W13 M1 M2 = 1; W4 W5 W6 M3 M4 M5
 * N1 = 2; W7 W8 W9 M6 U1 = 3; W10 M7 M8 = 4; M9 M10 = 5. The median level is 2, so those
 * eligible to mentor are 7 women (W4..W10), 8 men (M3..M10), N1 and U1.
 *
 * Programs A Career Mentoring and B Sponsorship Program (both formal).
 * Matches active in the period (all in A): A1 M7->W1, A2 M8->W2, A3 M9->W3, A4 M10->W4,
 * A5 U1->W4, A6 W8->W5, A7 W9->W6, A8 W10->W7, A9 M7->M1, A10 M8->M2, A11 M9->M3 and
 * A12 M9->L1 (who left). Not active: A13 M10->M4 ended 03-01, A14 M7->M5 requested 05-01 and
 * never matched, B1 M9->W9 matched 07-05 (after the period; the last date in the data).
 * Mentee applications dated in the period: women W1 W2 W3 (matched in A), W6 (B, waitlisted),
 * W7 (B, withdrawn), W8 (A, pending), W9 (B, matched only on 07-05); men M1 M2 M3 (matched),
 * M4 (A, waitlisted; his match A13 is older than the application), M5 (A, pending), M6 (B).
 * Before the period: W5 (2024-12-01, matched A6 2025-01-10, completed), W10 (03-15, pending).
 * Other mentoring: W7 coaches W1 and W2 informally (S28..S30), N1 hosts a peer circle (S31),
 * M6 holds a live mentor enrollment in A.
 */
export const FILES: Record<string, ImportRequest> = {
  people: { path: 'roster.csv', profile: { table: 'people', columns: { person_id: 'id', snapshot_date: 'snapshot', level: 'level', gender: 'gender', hire_date: 'hire', termination_date: 'term' } } },
  programs: { path: 'programs.csv', profile: { table: 'programs', columns: { program_id: 'program', name: 'name', layer: 'layer', start_date: 'start', end_date: 'end' } } },
  enrollments: { path: 'enrollments.csv', profile: { table: 'enrollments', columns: { person_id: 'person', program_id: 'program', role: 'role', applied_date: 'applied', enrolled_date: 'enrolled', status: 'status' } } },
  matches: { path: 'matches.csv', profile: { table: 'matches', columns: { match_id: 'match', program_id: 'program', mentor_id: 'mentor', mentee_id: 'mentee', requested_date: 'requested', matched_date: 'matched', end_date: 'end', status: 'status' } } },
  sessions: { path: 'sessions.csv', profile: { table: 'sessions', columns: { session_id: 'session', date: 'date', layer: 'layer', program_id: 'program', match_id: 'match', host_id: 'host', duration_minutes: 'minutes' } } },
  session_attendees: { path: 'attendees.csv', profile: { table: 'session_attendees', columns: { session_id: 'session', person_id: 'person' } } },
};

/** Imports the fixture, or only the named tables (to test "needs ... data"). */
export async function loadAccess(ws: Workspace, tables: string[] = Object.keys(FILES)): Promise<void> {
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
