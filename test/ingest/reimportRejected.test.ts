import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { importFiles } from '../../src/ingest/importFiles';
import { removeImport } from '../../src/workspace/settings';
import { cli } from '../helpers/runCli';
import { Workspace } from '../../src/workspace/workspace';
import { withTempWorkspace, tempDir } from '../helpers/tempWorkspace';
import { workspaceFingerprint } from './workspaceFingerprint';

/**
 * A file imported with rejected rows, imported again once those rows would pass: the content
 * hash still makes it a no-op (nothing counted twice), and the report says how many rows the
 * earlier import rejected and how to bring them in: remove that import, then import again.
 */

const rosterProfile = { table: 'people' as const, columns: { person_id: 'Employee ID', snapshot_date: 'As Of Date', level: 'Job Level' } };
const goalsProfile = { table: 'goals' as const, columns: { goal_id: 'goal_id', person_id: 'person_id', set_date: 'set_date', status: 'status' } };
const GOALS = 'goal_id,person_id,set_date,status\nG1,E001,2026-01-10,on_track\nG2,E004,2026-01-11,at_risk\nG3,E005,2026-01-12,at_risk\n';

const note = (id: number, n: number) => `this exact file was imported before (import ${id}): nothing changed. That import rejected ${n} row${n > 1 ? 's' : ''}; to bring in those that are valid now, remove import ${id} (in the app: Data page, "Imports in this workspace", Remove; "pathways serve" opens the app) and import the file again`;

const run = (args: string[]) => cli(...args);

const goals = async (ws: Workspace) => Number((await ws.all<{ n: bigint }>('SELECT count(*) AS n FROM goals'))[0].n);

describe('importing again a file whose earlier import rejected rows', () => {
  it('changes nothing, says how many rows were rejected and how to bring them in; removing the import and importing again lands them once', async () => {
    await withTempWorkspace(async (ws, dir) => {
      writeFileSync(join(dir, 'roster.csv'), 'Employee ID,As Of Date,Job Level\nE001,2026-06-30,1\nE002,2026-06-30,2\nE003,2026-06-30,3\n');
      expect((await importFiles(ws, [{ path: join(dir, 'roster.csv'), profile: rosterProfile }])).ok).toBe(true);
      const file = join(dir, 'goals.csv');
      writeFileSync(file, GOALS);
      const first = await importFiles(ws, [{ path: file, profile: goalsProfile }], { onInvalid: 'skip' });
      expect(first.files[0]).toMatchObject({ status: 'imported', rowsImported: 1, rejected: 2 });
      const id = first.files[0].importId!;

      // The roster gains E004 (E005 stays unknown).
      writeFileSync(join(dir, 'roster_q3.csv'), 'Employee ID,As Of Date,Job Level\nE001,2026-09-30,1\nE004,2026-09-30,1\n');
      expect((await importFiles(ws, [{ path: join(dir, 'roster_q3.csv'), profile: rosterProfile }])).ok).toBe(true);

      const before = await workspaceFingerprint(ws);
      for (const onInvalid of ['fail', 'skip'] as const) {
        const again = await importFiles(ws, [{ path: file, profile: goalsProfile }], { onInvalid });
        expect(again.ok).toBe(true);
        expect(again.files[0]).toMatchObject({ status: 'unchanged', rowsImported: 0, importId: id, notes: [note(id, 2)] });
        expect(await workspaceFingerprint(ws)).toEqual(before);
      }

      // What the note says to do: remove that import, import the file again.
      expect(await removeImport(ws, id)).toEqual({ rowsRemoved: 1 });
      const redo = await importFiles(ws, [{ path: file, profile: goalsProfile }], { onInvalid: 'skip' });
      expect(redo.files[0]).toMatchObject({ status: 'imported', rowsImported: 2, rejected: 1 });
      expect(redo.rejects.map((r) => [r.row, r.column, r.reason])).toEqual([[4, 'person_id', 'unknown person: not in any roster snapshot']]);
      expect(await goals(ws)).toBe(2);
      expect(await ws.all('SELECT count(*)::INTEGER AS n FROM imports WHERE table_name = \'goals\'')).toEqual([{ n: 1 }]);
      const newId = redo.files[0].importId!;
      expect((await importFiles(ws, [{ path: file, profile: goalsProfile }], { onInvalid: 'skip' })).files[0].notes).toEqual([note(newId, 1)]);
      expect(await goals(ws)).toBe(2);
    });
  });

  it('a file imported before without rejects keeps the plain message', async () => {
    await withTempWorkspace(async (ws, dir) => {
      writeFileSync(join(dir, 'roster.csv'), 'Employee ID,As Of Date,Job Level\nE001,2026-06-30,1\n');
      await importFiles(ws, [{ path: join(dir, 'roster.csv'), profile: rosterProfile }]);
      const again = await importFiles(ws, [{ path: join(dir, 'roster.csv'), profile: rosterProfile }]);
      expect(again.files[0]).toMatchObject({ status: 'unchanged', notes: ['this exact file was imported before: nothing changed'] });
    });
  });

  it('the command line prints the note', async () => {
    const t = tempDir();
    try {
      const wsPath = join(t.dir, 'w.duckdb');
      const profiles = { roster: join(t.dir, 'roster.json'), goals: join(t.dir, 'goals.json') };
      writeFileSync(profiles.roster, JSON.stringify(rosterProfile));
      writeFileSync(profiles.goals, JSON.stringify(goalsProfile));
      writeFileSync(join(t.dir, 'roster.csv'), 'Employee ID,As Of Date,Job Level\nE001,2026-06-30,1\n');
      writeFileSync(join(t.dir, 'goals.csv'), GOALS);
      expect((await run(['import', join(t.dir, 'roster.csv'), '--workspace', wsPath, '--mapping', profiles.roster])).code).toBe(0);
      expect((await run(['import', join(t.dir, 'goals.csv'), '--workspace', wsPath, '--mapping', profiles.goals, '--skip-invalid'])).code).toBe(3);
      const again = await run(['import', join(t.dir, 'goals.csv'), '--workspace', wsPath, '--mapping', profiles.goals]);
      expect(again.code).toBe(0);
      expect(again.out).toBe(`goals.csv: unchanged, 0 rows into goals\n  note: ${note(2, 2)}\n`);
      expect(again.out + again.err).not.toMatch(/E00[45]/);
    } finally { t.cleanup(); }
  });
});
