import { describe, it, expect, afterAll } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../helpers/runCli';
import { Workspace } from '../../src/workspace/workspace';
import { tempDir } from '../helpers/tempWorkspace';

// `pathways remove-person` on a workspace file: the person's own rows go, a match they shared
// keeps its other side, the id is never printed, and an unknown id changes nothing (exit 1).

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('pathways remove-person', () => {
  it('erases one person and says what it removed, without naming them', async () => {
    const ws = join(tmp.dir, 'w.duckdb');
    const roster = join(tmp.dir, 'roster.csv');
    writeFileSync(roster, 'Employee ID,As Of Date,Job Level,Gender\nE1,2025-03-31,L1,Woman\nE2,2025-03-31,L2,Man\nE1,2025-06-30,L1,Woman\nE2,2025-06-30,L2,Man\n');
    const programs = join(tmp.dir, 'programs.csv');
    writeFileSync(programs, 'Program ID,Program Name,Program Type\nP1,Mentoring,formal\n');
    const matches = join(tmp.dir, 'matches.csv');
    writeFileSync(matches, 'Match ID,Program ID,Mentor Employee ID,Mentee Employee ID,Matched On\nM1,P1,E2,E1,2025-04-01\n');
    const imported = await cli('import', roster, programs, matches, '--workspace', ws);
    expect(imported.code, imported.err).toBe(0);

    const r = await cli('remove-person', 'E1', '--workspace', ws);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe('removed: 2 from people; unlinked from shared rows: 1 in matches.mentee_id\n');
    expect(r.out + r.err).not.toContain('E1');

    const w = await Workspace.open(ws);
    try {
      expect(await w.all('SELECT count(*)::INTEGER AS n FROM people')).toEqual([{ n: 2 }]);
      const m = await w.all<{ mentor_id: string; mentee_id: string }>('SELECT mentor_id, mentee_id FROM matches');
      expect(m).toHaveLength(1);
      const [{ id: e2 }] = await w.all<{ id: string }>("SELECT DISTINCT person_id AS id FROM people");
      expect(m[0].mentor_id).toBe(e2);
      expect(m[0].mentee_id).toMatch(/^removed-[0-9a-f]{20}$/);
    } finally { w.close(); }

    const again = await cli('remove-person', 'E1', '--workspace', ws);
    expect(again.code).toBe(1);
    expect(again.err).toContain('nothing changed');
    expect(again.err).not.toContain('E1');
  });

  it('needs exactly one id', async () => {
    const r = await cli('remove-person', '--workspace', join(tmp.dir, 'x.duckdb'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('name exactly one person id');
  });
});
