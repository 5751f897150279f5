import { join } from 'node:path';
import { importFixture } from '../../helpers/importFixture';
import type { Workspace } from '../../../src/workspace/workspace';

export { run, pick } from '../progression/fixture';

export const representationDir = join(__dirname, '..', '..', 'fixtures', 'models', 'representation');

/**
 * Two rosters, 2025-03-31 (the headcount on 2025-04-01, the start of 2025-Q2) and 2025-06-30
 * (its last day), written by generate.py. Each base person is tripled (a/b/c), so every flow
 * below counts 3; C1, C3, C4, C5 ('Prefer not to say', also spelled 'prefer not to say' and
 * 'Declined') are single people.
 *
 *   base  gender            03-31       06-30        what happens
 *   A1    Woman             L1 Eng      L1 Eng
 *   A2    Woman             L1 Eng      L1 Eng
 *   A3    Woman             L1 Eng      L2 Eng       promotion
 *   A4    Woman             L1 Sales    L1 Sales
 *   A5    Woman             L2 Eng      L2 Eng
 *   A6    Woman             L2 Eng      L2 Sales     transfer
 *   A7    Woman             L2 Sales    -            exit (vanished)
 *   A8    Woman             L3 Eng      L3 Eng
 *   A9    Woman             -           L1 Eng       hire 2025-05-01
 *   A10   Woman             L1 Eng      L1 Eng       terminated 2025-05-31 (exit)
 *   B1    Man               L1 Eng      L1 Eng
 *   B2    Man               L1 Eng      L2 Eng       promotion
 *   B3    Man               L1 Sales    L2 Sales     promotion
 *   B4    Man               L2 Eng      L2 Eng
 *   B5    Man               L2 Eng      L3 Eng       promotion
 *   B6    Man               L2 Sales    L2 Eng       transfer
 *   B7    Man               L3 Eng      L3 Eng
 *   B8    Man               L3 Sales    L3 Sales
 *   B9    Man               L3 Eng      L2 Eng       demotion
 *   B10   Man               -           L1 Sales     hire 2025-04-15
 *   B11   Man               L2 Eng      -            exit (vanished)
 *   C2    (blank)           L1 Sales    L1 Sales     'Not recorded'
 *   D1    Woman -> Non-binary  L2 Eng   L2 Eng       recorded value changed
 *   C1, C4, C5 (single)     L1 Eng      L1 Eng       'Prefer not to say'
 *   C3 (single)             L2 Eng      L2 Eng       'Prefer not to say'
 *
 * Mentorship in 2025-Q2: formal pairings B7 -> A1 (matched 2025-02-01) and A8 -> A2 (2025-04-10),
 * tripled; B8 -> B1 ended 2025-03-15 (not active); B5a -> C1 has no match date but a session on
 * 2025-06-01; B4a -> B10a matched 2025-07-05 (after). Informal coaching A5 -> A4 (tripled); a peer
 * circle hosted by B4a with A3a gives no role.
 */
export async function loadRepresentation(ws: Workspace): Promise<void> {
  const columns = { person_id: 'Worker', gender: 'Gender Identity', hire_date: 'Start Date', termination_date: 'End Date', level: 'Grade', department: 'Org Unit' };
  await importFixture(ws, representationDir, [
    ...['2025-03-31', '2025-06-30'].map((d) => ({ path: `roster_${d}.csv`, profile: { table: 'people' as const, snapshotDate: d, columns } })),
    { path: 'matches.csv', profile: { table: 'matches', columns: { match_id: 'match', program_id: 'program', mentor_id: 'mentor', mentee_id: 'mentee', matched_date: 'matched', end_date: 'ended' } } },
    { path: 'sessions.csv', profile: { table: 'sessions', columns: { session_id: 'session', date: 'date', layer: 'layer', program_id: 'program', match_id: 'match', host_id: 'host' } } },
    { path: 'attendees.csv', profile: { table: 'session_attendees', columns: { session_id: 'session', person_id: 'person' } } },
  ]);
}
