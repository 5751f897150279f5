import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { importFiles } from '../../src/ingest/importFiles';
import { inspectFile } from '../../src/ingest/inspectFile';
import { duckdbNames } from '../../src/ingest/readSource';
import { withTempWorkspace } from '../helpers/tempWorkspace';
import writeXlsxFile from 'write-excel-file/node';

// A mapped column whose name the header has twice: the import would silently read the first.

const profile = { table: 'people' as const, columns: { person_id: 'Employee ID', snapshot_date: 'As Of Date', level: 'Job Level', gender: 'Gender' } };

describe('a header with the same column twice', () => {
  it('refuses a mapped one, naming the column and both positions, and lands nothing', async () => {
    await withTempWorkspace(async (ws, dir) => {
      const path = join(dir, 'dupheader.csv');
      writeFileSync(path, 'Employee ID,As Of Date,Job Level,Gender,Gender\nE010,2026-06-30,1,Female,Male\n');
      const inspection = await inspectFile(path);
      expect(inspection.columns).toEqual(['Employee ID', 'As Of Date', 'Job Level', 'Gender', 'Gender_1']);
      await expect(importFiles(ws, [{ path, profile }])).rejects.toMatchObject({
        code: 'MAPPING_INVALID',
        message: 'dupheader.csv: the header has the column "Gender" twice, as columns 4 (D) and 5 (E); it is not clear which one to import. Rename or remove the others and import again.',
        where: { file: 'dupheader.csv', column: 'Gender' },
      });
      // Mapping the second copy by the name the reader gives it is refused the same way.
      await expect(importFiles(ws, [{ path, profile: { ...profile, columns: { ...profile.columns, gender: 'Gender_1' } } }])).rejects.toThrow(/"Gender" twice/);
      expect(await ws.all('SELECT count(*)::INTEGER AS n FROM people')).toEqual([{ n: 0 }]);
    });
  });

  it('compares names as the reader does (trimmed, any case), in Excel files too', async () => {
    await withTempWorkspace(async (ws, dir) => {
      const path = join(dir, 'cased.csv');
      writeFileSync(path, 'Employee ID,gender,As Of Date,Job Level, Gender \nE010,Female,2026-06-30,1,Male\n');
      await expect(importFiles(ws, [{ path, profile: { ...profile, columns: { ...profile.columns, gender: 'gender' } } }]))
        .rejects.toThrow('cased.csv: the header has the column "gender" twice, as columns 2 (B) and 5 (E)');
      const xlsx = join(dir, 'dup.xlsx');
      const cells = (r: string[]) => r.map((value) => ({ value }));
      writeFileSync(xlsx, await writeXlsxFile([cells(['Employee ID', 'As Of Date', 'Job Level', 'Gender', 'Gender']), cells(['E010', '2026-06-30', '1', 'Female', 'Male'])]).toBuffer());
      await expect(importFiles(ws, [{ path: xlsx, profile }])).rejects.toThrow('dup.xlsx: the header has the column "Gender" twice, as columns 4 (D) and 5 (E)');
    });
  });

  it('lets a file through whose repeated column is not imported', async () => {
    await withTempWorkspace(async (ws, dir) => {
      const path = join(dir, 'unmapped_dup.csv');
      writeFileSync(path, 'Employee ID,As Of Date,Job Level,Gender,Note,Note\nE010,2026-06-30,1,Female,a,b\n');
      const report = await importFiles(ws, [{ path, profile }]);
      expect(report.ok).toBe(true);
      expect(await ws.all('SELECT gender FROM people')).toEqual([{ gender: 'Woman' }]);
    });
  });

  it('names columns as DuckDB does', () => {
    expect(duckdbNames(['A', 'a', 'A', 'A_1', ' B ', ''])).toEqual(['A', 'a_1', 'A_2', 'A_1_1', 'B', 'column5']);
    expect(duckdbNames(['x', ...Array(11).fill('')])[11]).toBe('column11');
    expect(duckdbNames(['x', ...Array(11).fill('')])[1]).toBe('column01');
  });
});
