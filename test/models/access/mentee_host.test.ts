import { describe, it, expect } from 'vitest';
import { withTempWorkspace } from '../../helpers/tempWorkspace';
import type { Workspace } from '../../../src/workspace/workspace';
import { importFixture } from '../../helpers/importFixture';
import { dir, FILES, runRows, pick } from './fixture';
import { execute } from '../../../src/models/runModel';
import { getModel } from '../../../src/models/registry';
import { ModelParamsSchema } from '../../../src/api/contract';
import { periodFromLabel } from '../../../src/models/period';

/**
 * The access fixture with hosts on formal sessions (sessions_mentee_hosts.csv): the mentee W5
 * hosts the three meetings of her match A6 (W8 -> W5), the mentee W6 the one of A7 (W9 -> W6),
 * and the mentor M7 one of A1 (M7 -> W1). A mentee who books the meeting with her mentor is
 * still the mentee: W5 and W6 (level 2, eligible to mentor) must not turn into mentors, and
 * every mentoring figure must read as with the host-less sessions.
 *
 * By hand (2025-Q2, k = 3): mentors W7 (informal coach), W8 W9 W10 (matches): women 4 of the
 * 7 eligible (W4..W10), 3 of them formal; men M6 (enrollment) M7..M10: 5 of 8; 11 mentors in all.
 */
async function load(ws: Workspace, sessions: string): Promise<void> {
  await importFixture(ws, dir, Object.values({ ...FILES, sessions: { ...FILES.sessions, path: sessions } }));
}

const MODELS = ['mentor_pool_representation', 'mentor_participation', 'mentor_load'];

describe('a mentee hosting a meeting of their own match is not a mentor', () => {
  it('mentor pool, mentor participation and mentor load read as without the hosts', async () => {
    const run = (sessions: string) => withTempWorkspace(async (ws) => {
      await load(ws, sessions);
      const out: Record<string, Record<string, unknown>[]> = {};
      for (const m of MODELS) out[m] = (await runRows(ws, m, { k: 3 })).rows;
      // The formal slice as the SQL aggregates it: the shown output hides it as a complement
      // across the overlapping layer slices.
      out.raw = await execute(ws, getModel('mentor_participation'), ModelParamsSchema.parse({ period: '2025-Q2', k: 3 }), periodFromLabel('2025-Q2'));
      return out;
    });
    const hosted = await run('sessions_mentee_hosts.csv');
    const plain = await run('sessions.csv');

    const women = hosted.mentor_pool_representation.find((r) => r.grp === 'Woman')!;
    expect(women).toMatchObject({ mentors: 4, eligible: 7 });
    expect(women.share_mentors).toBeCloseTo(4 / 11, 12);
    expect(pick(hosted.mentor_participation, 'all', 'Woman')).toMatchObject({ numerator: 4, denominator: 7 });
    expect(hosted.raw.find((r) => r.slice === 'formal' && r.grp === 'Woman')).toMatchObject({ numerator: 3n, denominator: 7n });
    expect(pick(hosted.mentor_participation, 'all', 'Man')).toMatchObject({ numerator: 5, denominator: 8 });
    expect(hosted.mentor_load.find((r) => r.grp === 'Woman')).toMatchObject({ mentors: 4 });
    for (const m of MODELS) expect(hosted[m], m).toEqual(plain[m]);
  });
});
