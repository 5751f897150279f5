import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { withTempWorkspace } from '../helpers/tempWorkspace';
import { importFiles } from '../../src/ingest/importFiles';
import { inspectFile } from '../../src/ingest/inspectFile';

// A workbook written by a script: Gender (D2) and Department (E2) of its first row are formulas
// with no saved result, which the XLSX reader returns as empty cells. Mapped, they would land as
// "Not recorded" and no department without a word; the import refuses and says what to do.
// Unmapped, they are never read and the file imports.
const workbook = join(__dirname, '..', 'fixtures', 'ingest', 'xlsx', 'formulas_not_computed.xlsx');
const columns = { person_id: 'Employee ID', snapshot_date: 'As Of Date', level: 'Job Level' };

describe('XLSX formulas without a saved result', () => {
  it('refuse the import when a mapped column holds them, and only then', async () => {
    await withTempWorkspace(async (ws) => {
      const inspection = await inspectFile(workbook);
      expect(inspection.columns).toEqual(['Employee ID', 'As Of Date', 'Job Level', 'Gender', 'Department']);
      const refused = await importFiles(ws, [{ path: workbook, profile: { table: 'people', columns: { ...columns, gender: 'Gender', department: 'Department' } } }]).catch((e: Error) => e);
      expect(refused).toMatchObject({
        code: 'FILE_UNREADABLE',
        message: 'formulas_not_computed.xlsx, sheet "Roster": cells D2, E2 hold a formula with no saved result (the workbook was written by a program that does not compute formulas). Open it in Excel or LibreOffice, save it, and import it again.',
      });
      expect(await ws.all('SELECT count(*)::INTEGER AS n FROM people')).toEqual([{ n: 0 }]);

      const report = await importFiles(ws, [{ path: workbook, profile: { table: 'people', columns } }]);
      expect(report.ok).toBe(true);
      expect(await ws.all('SELECT count(*)::INTEGER AS n FROM people')).toEqual([{ n: 2 }]);
    });
  });
});
