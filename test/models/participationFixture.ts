import { join } from 'node:path';
import { importFixture } from '../helpers/importFixture';
import type { Workspace } from '../../src/workspace/workspace';

export const participationDir = join(__dirname, '..', 'fixtures', 'models', 'participation');

/**
 * Q2 2025, headcount on 2025-06-30: 8 women (W9 left on 05-15, H1 hired after), 10 men,
 * 2 non-binary, 1 not recorded. Conversations in [04-01, 07-01): formal match M1-W1 (S1, S2),
 * peer S3 hosted by W2 with W3, W4, M2 (and W9, no longer employed), informal S4 M3 -> W5.
 * S5 (March) and S6 (July 1) fall outside. So: women 5/8, men 3/10, non-binary 0/2, unknown 0/1.
 */
export async function loadParticipation(ws: Workspace): Promise<void> {
  await importFixture(ws, participationDir, [
    { path: 'roster.csv', profile: { table: 'people', columns: { person_id: 'id', snapshot_date: 'snapshot', level: 'level', gender: 'gender', hire_date: 'hire', termination_date: 'term' } } },
    { path: 'matches.csv', profile: { table: 'matches', columns: { match_id: 'match', program_id: 'program', mentor_id: 'mentor', mentee_id: 'mentee', matched_date: 'matched' } } },
    { path: 'sessions.csv', profile: { table: 'sessions', columns: { session_id: 'session', date: 'date', layer: 'layer', program_id: 'program', match_id: 'match', host_id: 'host', duration_minutes: 'minutes' } } },
    { path: 'attendees.csv', profile: { table: 'session_attendees', columns: { session_id: 'session', person_id: 'person' } } },
  ]);
}
