import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { importFiles } from '../../src/ingest/importFiles';
import { inspectFile } from '../../src/ingest/inspectFile';
import { withTempWorkspace } from '../helpers/tempWorkspace';

// Inspection reads a file with the import's options (encoding from the byte-order mark, line
// size, quoting), so what the preview and the suggested mapping see is what the import reads.

describe('inspection reads a file as the import does', () => {
  it('a UTF-16 tab-delimited file with a BOM (Excel "Unicode text")', async () => {
    await withTempWorkspace(async (ws, dir) => {
      const path = join(dir, 'unicode.txt');
      const text = 'Employee ID\tAs Of Date\tJob Level\tDepartment\tGender\r\nE1\t2026-06-30\t1\tRecherche & Développement\tFemale\r\nE2\t2026-06-30\t2\tSão Paulo\tMale\r\n';
      writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
      const inspection = await inspectFile(path);
      expect(inspection.dialect).toEqual({ delimiter: '\t', header: true, encoding: 'utf-16' });
      expect(inspection.columns).toEqual(['Employee ID', 'As Of Date', 'Job Level', 'Department', 'Gender']);
      expect(inspection.preview[0]).toEqual(['E1', '2026-06-30', '1', 'Recherche & Développement', 'Female']);
      expect(inspection.suggestion.table).toBe('people');
      const report = await importFiles(ws, [{ path, profile: { table: 'people', columns: inspection.suggestion.columns } }]);
      expect(report.ok).toBe(true);
      expect(await ws.all('SELECT department FROM people ORDER BY 1')).toEqual([{ department: 'Recherche & Développement' }, { department: 'São Paulo' }]);
    });
  });

  it('a row holding a 3 MB value', async () => {
    await withTempWorkspace(async (ws, dir) => {
      const path = join(dir, 'long.csv');
      writeFileSync(path, `Employee ID,As Of Date,Job Level,Department,Gender\nE1,2026-06-30,1,${'d'.repeat(3 * 2 ** 20)},Female\nE2,2026-06-30,1,Sales,Male\n`);
      const inspection = await inspectFile(path);
      expect(inspection.columns).toEqual(['Employee ID', 'As Of Date', 'Job Level', 'Department', 'Gender']);
      expect(inspection.preview.map((r) => [r[0], r[3].length])).toEqual([['E1', 3 * 2 ** 20], ['E2', 5]]);
      const report = await importFiles(ws, [{ path, profile: { table: 'people', columns: inspection.suggestion.columns } }]);
      expect(report.files[0].rowsImported).toBe(2);
    });
  });

  it('a semicolon file with quoted semicolons and a broken quote: the same columns either way', async () => {
    await withTempWorkspace(async (ws, dir) => {
      const path = join(dir, 'semi.csv');
      const rows = Array.from({ length: 30 }, (_, i) => `E${100 + i};2026-06-30;1;"Eng; Ops";Female`);
      writeFileSync(path, ['Employee ID;As Of Date;Job Level;Department;Gender', ...rows, 'E99;2026-06-30;1;"Eng;Female'].join('\n') + '\n');
      const inspection = await inspectFile(path);
      expect(inspection.dialect?.delimiter).toBe(';');
      expect(inspection.columns).toEqual(['Employee ID', 'As Of Date', 'Job Level', 'Department', 'Gender']);
      const report = await importFiles(ws, [{ path, profile: { table: 'people', columns: inspection.suggestion.columns } }], { onInvalid: 'skip' });
      expect(report.files[0]).toMatchObject({ rowsImported: 30, rejected: 1 });
      expect(report.rejects[0]).toMatchObject({ row: 32, reason: 'a quoted value is never closed' });
    });
  });
});
