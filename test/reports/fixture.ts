import { join } from 'node:path';
import { importFixture } from '../helpers/importFixture';
import type { ImportRequest } from '../../src/ingest/importFiles';
import type { Workspace } from '../../src/workspace/workspace';

export const dir = join(__dirname, '..', 'fixtures', 'reports');

/**
 * The reports fixture, review period 2025-Q2 (the only period with data; the quarters before
 * run on the same roster and have no conversations).
 *
 * Roster on 2025-06-30: 30 women W01..W30 and 30 men M01..M30, all level 1 in Sales, hired
 * 2020. Race/ethnicity: W01..W15 and M01..M15 are "Alpha", the others "Beta".
 * sessions.csv: one informal conversation on 2025-05-15 hosted by each of W01..W10 and
 * M01..M20, so in 2025-Q2 Woman 10 of 30, Man 20 of 30; Alpha 25 of 30 (W01..W10, M01..M15),
 * Beta 5 of 30 (M16..M20).
 * sessions_more.csv (the "new import"): conversations on 2025-06-02 hosted by W11..W25, after
 * which Woman 25 of 30, Man 20 of 30; Alpha 30 of 30, Beta 15 of 30.
 */
export const FILES: Record<'people' | 'sessions' | 'more', ImportRequest> = {
  people: {
    path: 'roster.csv',
    profile: { table: 'people', columns: { person_id: 'id', snapshot_date: 'snapshot', level: 'level', gender: 'gender', race_ethnicity: 'race', department: 'dept', hire_date: 'hire', termination_date: 'term' } },
  },
  sessions: { path: 'sessions.csv', profile: { table: 'sessions', columns: { session_id: 'session', date: 'date', layer: 'layer', host_id: 'host', duration_minutes: 'minutes' } } },
  more: { path: 'sessions_more.csv', profile: { table: 'sessions', columns: { session_id: 'session', date: 'date', layer: 'layer', host_id: 'host', duration_minutes: 'minutes' } } },
};

export async function loadReports(ws: Workspace, which: (keyof typeof FILES)[] = ['people', 'sessions']): Promise<void> {
  await importFixture(ws, dir, which.map((w) => FILES[w]));
}

export const PERIOD = '2025-Q2';
