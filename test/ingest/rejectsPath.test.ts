import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { writeFileSync, readFileSync, symlinkSync, linkSync, mkdirSync, existsSync } from 'node:fs';
import { cli } from '../helpers/runCli';
import { importFiles } from '../../src/ingest/importFiles';
import { Workspace } from '../../src/workspace/workspace';
import { tempDir, withTempWorkspace } from '../helpers/tempWorkspace';
import { workspaceFingerprint } from './workspaceFingerprint';

/**
 * --rejects names a new file: never one of the files being imported (under any name), never a
 * file that exists already; refused before anything is read into or written to the workspace.
 */

// Row 3 repeats row 2's person and snapshot: one reject.
const EXPORT = 'Employee ID,As Of Date,Job Level,Gender\nE010,2026-06-30,1,Female\nE010,2026-06-30,2,Male\nE011,2026-06-30,2,Male\n';
const PROFILE = { table: 'people' as const, columns: { person_id: 'Employee ID', snapshot_date: 'As Of Date', level: 'Job Level', gender: 'Gender' } };

const run = (args: string[]) => cli(...args);

/** Import records and roster rows in the workspace file. */
const landed = async (path: string) => {
  const ws = await Workspace.open(path);
  try { return Number((await ws.all<{ n: bigint }>('SELECT (SELECT count(*) FROM imports) + (SELECT count(*) FROM people) AS n'))[0].n); } finally { ws.close(); }
};

describe('import --rejects', () => {
  it('refuses a rejects path that is one of the input files (as given, through a symlink, a hard link or a detour), and leaves the file and the workspace alone', async () => {
    const t = tempDir();
    try {
      const ws = join(t.dir, 'w.duckdb');
      const victim = join(t.dir, 'victim.csv');
      const other = join(t.dir, 'other.csv');
      writeFileSync(victim, EXPORT);
      writeFileSync(other, EXPORT.replace(/E01/g, 'E02'));
      symlinkSync(victim, join(t.dir, 'link.csv'));
      linkSync(victim, join(t.dir, 'hard.csv'));
      mkdirSync(join(t.dir, 'sub'));
      const profile = join(t.dir, 'p.json');
      writeFileSync(profile, JSON.stringify(PROFILE));
      for (const rejects of [victim, join(t.dir, 'link.csv'), join(t.dir, 'hard.csv'), `${t.dir}/sub/../victim.csv`]) {
        for (const files of [[victim], [other, victim]]) {
          const r = await run(['import', ...files, '--workspace', ws, '--mapping', profile, '--skip-invalid', '--rejects', rejects]);
          expect(r.code, rejects).toBe(2);
          expect(r.err, rejects).toMatch(/^pathways import: cannot write the rejects to .*: it is victim\.csv, one of the files being imported; give the rejects list a new file name\. Nothing was imported\./);
          expect(readFileSync(victim, 'utf8')).toBe(EXPORT);
        }
      }
      expect(await landed(ws)).toBe(0);
    } finally { t.cleanup(); }
  });

  it('refuses an existing file, a folder, a missing folder, a dangling symlink; writes a new file', async () => {
    const t = tempDir();
    try {
      const ws = join(t.dir, 'w.duckdb');
      const file = join(t.dir, 'export.csv');
      writeFileSync(file, EXPORT);
      const profile = join(t.dir, 'p.json');
      writeFileSync(profile, JSON.stringify(PROFILE));
      const old = join(t.dir, 'old-rejects.csv');
      writeFileSync(old, 'the list of last week\n');
      symlinkSync(join(t.dir, 'nowhere.csv'), join(t.dir, 'dangling.csv'));
      const refused: [string, RegExp][] = [
        [old, /the file exists already and is not overwritten; give the rejects list a new file name \(or remove the old list\)\. Nothing was imported\./],
        [ws, /the file exists already and is not overwritten/],
        [join(t.dir, 'dangling.csv'), /the file exists already and is not overwritten/],
        [t.dir, /it is a folder; give a file name for the rejects list\. Nothing was imported\./],
        [join(t.dir, 'missing', 'r.csv'), /the folder .*missing does not exist\. Nothing was imported\./],
      ];
      // The workspace must exist for it to be refused as an existing file.
      const w = await Workspace.open(ws);
      w.close();
      for (const [rejects, why] of refused) {
        const r = await run(['import', file, '--workspace', ws, '--mapping', profile, '--skip-invalid', '--rejects', rejects]);
        expect(r.code, rejects).toBe(2);
        expect(r.err, rejects).toMatch(why);
        expect(r.out, rejects).toBe('');
      }
      expect(readFileSync(old, 'utf8')).toBe('the list of last week\n');
      expect(existsSync(join(t.dir, 'nowhere.csv'))).toBe(false);
      expect(await landed(ws)).toBe(0);

      const fresh = join(t.dir, 'rejects.csv');
      const ok = await run(['import', file, '--workspace', ws, '--mapping', profile, '--skip-invalid', '--rejects', fresh]);
      expect(ok.code).toBe(3);
      expect(ok.out).toContain('export.csv: imported, 2 rows into people, 1 rejected');
      expect(readFileSync(fresh, 'utf8').trim().split('\n')).toEqual(['file,row,column,value,reason', 'export.csv,3,Employee ID,,duplicate of row 2']);
    } finally { t.cleanup(); }
  });

  it('importFiles itself refuses, before it opens a transaction (not only the command line)', async () => {
    await withTempWorkspace(async (ws, dir) => {
      const file = join(dir, 'export.csv');
      writeFileSync(file, EXPORT);
      const before = await workspaceFingerprint(ws);
      await expect(importFiles(ws, [{ path: file, profile: PROFILE }], { onInvalid: 'skip', rejectsPath: file }))
        .rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('it is export.csv, one of the files being imported') });
      expect(readFileSync(file, 'utf8')).toBe(EXPORT);
      expect(await workspaceFingerprint(ws)).toEqual(before);
    });
  });
});
