import { describe, it, expect, afterAll } from 'vitest';
import { join } from 'node:path';
import { cli } from '../helpers/runCli';
import { tempDir } from '../helpers/tempWorkspace';
import { Workspace } from '../../src/workspace/workspace';

// `pathways import` without --mapping on a workbook whose roster is its second sheet: the
// import reads the sheet (and header row) the inspection mapped, not the first sheet.

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const workbook = join(__dirname, '..', 'fixtures', 'ingest', 'corpus', 'roster_two_sheets.xlsx');

describe('pathways import of a workbook', () => {
  it('imports the sheet its columns were mapped from', async () => {
    const ws = join(tmp.dir, 'w.duckdb');
    const r = await cli('import', workbook, '--workspace', ws);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('roster_two_sheets.xlsx: mapped as people');
    const w = await Workspace.open(ws);
    try {
      expect(await w.all('SELECT level_rank, department, gender FROM people ORDER BY level_rank')).toEqual([
        { level_rank: 1, department: 'Finance', gender: 'Woman' }, { level_rank: 2, department: 'Engineering', gender: 'Woman' },
        { level_rank: 3, department: 'Engineering', gender: 'Man' },
      ]);
    } finally { w.close(); }
  });
});
