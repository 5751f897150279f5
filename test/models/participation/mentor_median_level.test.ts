import { describe, it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withTempWorkspace } from '../../helpers/tempWorkspace';
import type { Workspace } from '../../../src/workspace/workspace';
import { importFixture } from '../../helpers/importFixture';
import { runRows, pick } from './fixture';

/**
 * Six women on the 2025-06-30 roster, exactly half at L1 and half at L2, so the median level is
 * L1: the lowest level at which half the workforce is at or below it. A midpoint of the two
 * (1.5) would have shut L1 out and left three women eligible. Eligible: all 6. Mentors in
 * 2025-Q2: A (L1) and D, E (L2) host a peer session each: 3 of 6 (with the midpoint, 2 of 3).
 */
async function load(ws: Workspace, dir: string): Promise<void> {
  const ids = ['A', 'B', 'C', 'D', 'E', 'F'];
  writeFileSync(join(dir, 'roster.csv'), ['id,snapshot,level,gender,hire',
    ...ids.map((id, i) => `${id},2025-06-30,L${i < 3 ? 1 : 2},Woman,2020-01-01`)].join('\n'));
  writeFileSync(join(dir, 'sessions.csv'), ['session,date,layer,host',
    'S1,2025-05-01,peer,A', 'S2,2025-05-02,peer,D', 'S3,2025-05-03,peer,E'].join('\n'));
  await importFixture(ws, dir, [
    { path: 'roster.csv', profile: { table: 'people', columns: { person_id: 'id', snapshot_date: 'snapshot', level: 'level', gender: 'gender', hire_date: 'hire' } } },
    { path: 'sessions.csv', profile: { table: 'sessions', columns: { session_id: 'session', date: 'date', layer: 'layer', host_id: 'host' } } },
  ]);
}

describe('the median level eligible to mentor', () => {
  it('is a level of the workforce, the lower one when exactly half are at or below it', async () => {
    await withTempWorkspace(async (ws, dir) => {
      await load(ws, dir);
      const { rows } = await runRows(ws, 'mentor_participation', { k: 3 });
      expect(pick(rows, 'all', 'Woman')).toMatchObject({ numerator: 3, denominator: 6, suppressed: false });
      expect(pick(rows, 'peer', 'Woman')).toMatchObject({ numerator: 3, denominator: 6 });
    });
  });
});
