import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { importFiles } from '../../src/ingest/importFiles';
import { inspectFile } from '../../src/ingest/inspectFile';
import { withTempWorkspace } from '../helpers/tempWorkspace';

// One stray quote must not turn quoting off for the whole file: the good rows keep their
// quoted commas and load, the broken row is reported with its row number.

const profile = {
  table: 'people' as const,
  columns: { person_id: 'Employee ID', snapshot_date: 'As Of Date', level: 'Job Level', department: 'Department', gender: 'Gender' },
};
const HEADER = 'Employee ID,As Of Date,Job Level,Department,Gender';
const good = (n: number, from = 100) => Array.from({ length: n }, (_, i) => `E${from + i},2026-06-30,1,"Eng, Ops",${i % 2 ? 'Male' : 'Female'}`);

describe('a value whose quote is never closed', () => {
  it('rejects that row (row 52) and lands the 50 good rows above it with their quoted commas', async () => {
    await withTempWorkspace(async (ws, dir) => {
      const path = join(dir, 'unclosed.csv');
      writeFileSync(path, [HEADER, ...good(50), 'E071,2026-06-30,1,"Eng,Female'].join('\n') + '\n');
      const inspection = await inspectFile(path);
      expect(inspection.columns).toEqual(HEADER.split(','));
      expect(inspection.preview[0]).toEqual(['E100', '2026-06-30', '1', 'Eng, Ops', 'Female']);
      expect(inspection.suggestion.table).toBe('people');

      const failed = await importFiles(ws, [{ path, profile }]);
      expect(failed.rejects).toEqual([{ file: 'unclosed.csv', row: 52, column: '(line)', value: null, reason: 'a quoted value is never closed' }]);
      expect(await ws.all('SELECT count(*)::INTEGER AS n FROM people')).toEqual([{ n: 0 }]);

      const report = await importFiles(ws, [{ path, profile }], { onInvalid: 'skip' });
      expect(report.files[0]).toMatchObject({ status: 'imported', rowsImported: 50, rejected: 1 });
      expect(await ws.all('SELECT department, count(*)::INTEGER AS n FROM people GROUP BY 1')).toEqual([{ department: 'Eng, Ops', n: 50 }]);
    });
  });

  it('says which following lines the open quote swallowed; the rows after the next quote land', async () => {
    await withTempWorkspace(async (ws, dir) => {
      const path = join(dir, 'swallowed.csv');
      // Row 5 opens a quote that the quote on row 7 closes: rows 6 and 7 are read into row 5.
      writeFileSync(path, [HEADER, ...good(3), 'E071,2026-06-30,1,"Eng,Female', 'E072,2026-06-30,1,Eng,Male', 'E073,2026-06-30,1,"Eng, Ops",Male', ...good(2, 200)].join('\n') + '\n');
      const report = await importFiles(ws, [{ path, profile }], { onInvalid: 'skip' });
      expect(report.rejects).toEqual([{
        file: 'swallowed.csv', row: 5, column: '(line)', value: null,
        reason: 'a quoted value is never closed: the next 2 lines (rows 6 to 7) were read into it and not imported; close the quote and import again',
      }]);
      expect(report.files[0]).toMatchObject({ rowsImported: 5, rejected: 1 });
      expect(await ws.all('SELECT DISTINCT department FROM people')).toEqual([{ department: 'Eng, Ops' }]);
      expect(JSON.stringify(report)).not.toMatch(/E07\d/);
    });
  });

  it('a quote in the middle of a value that does not start with one is kept as written', async () => {
    await withTempWorkspace(async (ws, dir) => {
      const path = join(dir, 'inner.csv');
      writeFileSync(path, [HEADER, 'E1,2026-06-30,1,Eng "Ops" team,Female', 'E2,2026-06-30,1,"Sales, ""EMEA""",Male'].join('\n') + '\n');
      const report = await importFiles(ws, [{ path, profile }]);
      expect(report.rejects).toEqual([]);
      expect(await ws.all('SELECT department FROM people ORDER BY 1')).toEqual([{ department: 'Eng "Ops" team' }, { department: 'Sales, "EMEA"' }]);
    });
  });
});

describe('a quote inside a quoted value that is not doubled', () => {
  it('is reported as such, and the other rows land', async () => {
    await withTempWorkspace(async (ws, dir) => {
      const path = join(dir, 'unescaped.csv');
      writeFileSync(path, [HEADER, ...good(3), 'E071,2026-06-30,1,"Eng "Ops"",Female', ...good(2, 200)].join('\n') + '\n');
      const report = await importFiles(ws, [{ path, profile }], { onInvalid: 'skip' });
      expect(report.rejects).toEqual([{ file: 'unescaped.csv', row: 5, column: '(line)', value: null, reason: 'a quote inside a quoted value is not escaped (it is written twice: "")' }]);
      expect(report.files[0]).toMatchObject({ rowsImported: 5, rejected: 1 });
    });
  });
});
