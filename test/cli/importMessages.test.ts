import { describe, it, expect, afterAll } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../helpers/runCli';
import { tempDir } from '../helpers/tempWorkspace';

// `pathways import` without --mapping on files it cannot map: the message names the closest
// table, what it found and which required fields it did not find, or the file's columns.
const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('pathways import of a file it cannot map', () => {
  it('says what it found and what is missing', async () => {
    const ws = join(tmp.dir, 'w.duckdb');
    const noLevel = join(tmp.dir, 'no_level.csv');
    writeFileSync(noLevel, 'Employee ID,As Of Date,Gender\nE010,2026-06-30,Female\n');
    const r = await cli('import', noLevel, '--workspace', ws);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('cannot tell how to map no_level.csv (closest to people, found Employee ID -> person_id, As Of Date -> snapshot_date, Gender -> gender; required fields not found: level)');

    const nothing = join(tmp.dir, 'nothing.csv');
    writeFileSync(nothing, 'Colour,Shape\nred,round\n');
    const n = await cli('import', nothing, '--workspace', ws);
    expect(n.err).toContain('cannot tell how to map nothing.csv (no column name matches a field of any table; its columns are: Colour, Shape)');
  });
});
