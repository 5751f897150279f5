import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { withTempWorkspace } from '../helpers/tempWorkspace';
import { loadMentoring, runRows, pick } from '../models/participation/fixture';
import { removePerson } from '../../src/workspace/removePerson';
import type { Workspace } from '../../src/workspace/workspace';

const TABLES = ['people', 'job_events', 'programs', 'enrollments', 'matches', 'sessions', 'session_attendees', 'feedback', 'goals'];

/** Every table of the workspace as one string, to search for an id anywhere. */
async function dump(ws: Workspace): Promise<string> {
  const parts: string[] = [];
  for (const t of TABLES) parts.push(JSON.stringify(await ws.all(`SELECT * FROM ${t}`), (_k, v) => (typeof v === 'bigint' ? String(v) : v)));
  return parts.join('\n');
}

describe('removePerson (data-subject erasure)', () => {
  it('deletes W1 everywhere, keeps the other side of shared records, and leaves no trace of the id', async () => {
    await withTempWorkspace(async (ws) => {
      await loadMentoring(ws);
      // The stored id, computed independently of the import code: 'p' + 20 hex of sha256(salt || id).
      const stored = `p${createHash('sha256').update(ws.salt + 'W1').digest('hex').slice(0, 20)}`;
      expect(await dump(ws)).toContain(stored);
      const before = (await runRows(ws, 'participation_rate', { k: 3 })).rows;

      const r = await removePerson(ws, ' W1 ');

      // From the fixture: W1 has one roster row, goal G1, two ratings (S1, S2), is the mentee
      // of X1 and hosted the peer sessions S13 and S14.
      expect(r.found).toBe(true);
      expect(r.deleted).toEqual({ people: 1, job_events: 0, enrollments: 0, session_attendees: 0, goals: 1, feedback: 2 });
      expect(r.unlinked).toEqual({ 'matches.mentor_id': 0, 'matches.mentee_id': 1, 'sessions.host_id': 2, 'people.manager_id': 0 });
      expect(await dump(ws)).not.toContain(stored);
      expect(await ws.all("SELECT match_id FROM matches WHERE mentee_id LIKE 'removed-%'")).toHaveLength(1);

      // W1's mentor M1 still took part through X1; the women's headcount lost W1.
      const after = (await runRows(ws, 'participation_rate', { k: 3 })).rows;
      expect(pick(after, 'all', 'Man').numerator).toBe(pick(before, 'all', 'Man').numerator);
      expect(pick(after, 'all', 'Woman').denominator).toBe(Number(pick(before, 'all', 'Woman').denominator) - 1);
      expect(pick(after, 'all', 'Woman').numerator).toBe(Number(pick(before, 'all', 'Woman').numerator) - 1);
    });
  });

  it('reports an unknown id as not found and changes nothing', async () => {
    await withTempWorkspace(async (ws) => {
      await loadMentoring(ws);
      const before = await dump(ws);
      const r = await removePerson(ws, 'NOBODY-42');
      expect(r.found).toBe(false);
      expect(Object.values(r.deleted).every((n) => n === 0)).toBe(true);
      expect(await dump(ws)).toBe(before);
    });
  });

  it('refuses an empty id', async () => {
    await withTempWorkspace(async (ws) => {
      await expect(removePerson(ws, '  ')).rejects.toThrow(/give the id/);
    });
  });
});
