import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { importFiles } from '../../src/ingest/importFiles';
import { removeImport } from '../../src/workspace/settings';
import { removePerson } from '../../src/workspace/removePerson';
import { withTempWorkspace } from '../helpers/tempWorkspace';

const fx = (name: string) => join(__dirname, '..', 'fixtures', 'ingest', 'corpus', name);
const profile = {
  table: 'people' as const,
  columns: { person_id: 'Employee ID', snapshot_date: 'As Of Date', level: 'Job Level', gender: 'Gender' },
};

describe('columns the user keeps on purpose', () => {
  it('are stored apart from the canonical tables, for the valid rows only, and go with their import', async () => {
    await withTempWorkspace(async (ws) => {
      const report = await importFiles(ws, [{ path: fx('workday_roster_bom_crlf.csv'), profile: { ...profile, keep: ['Legal Name'] } }]);
      expect(report.ok).toBe(true);
      expect(await ws.all('SELECT row_number::INTEGER AS r, column_name, value FROM kept_values ORDER BY 1')).toEqual([
        { r: 2, column_name: 'Legal Name', value: 'Ada Brook' }, { r: 3, column_name: 'Legal Name', value: 'Ben Cole' },
        { r: 4, column_name: 'Legal Name', value: 'Cy Dale' }, { r: 5, column_name: 'Legal Name', value: 'Di Eyre' },
        { r: 6, column_name: 'Legal Name', value: 'Ed Fox' },
      ]);
      const canonical = JSON.stringify(await ws.all('SELECT * EXCLUDE (extra_dims) FROM people'), (_k, v) => (typeof v === 'bigint' ? 0 : v));
      expect(canonical).not.toContain('Ada Brook');
      // Never kept unless asked: the e-mail column is nowhere.
      expect(JSON.stringify(await ws.all('SELECT * FROM kept_values'), (_k, v) => (typeof v === 'bigint' ? 0 : v))).not.toContain('@example.com');
      const [{ id }] = await ws.all<{ id: number }>('SELECT import_id AS id FROM imports');
      expect(await removeImport(ws, id)).toEqual({ rowsRemoved: 5 });
      expect(await ws.all('SELECT count(*)::INTEGER AS n FROM kept_values')).toEqual([{ n: 0 }]);
    });
  });

  it('go with the person on a data-subject erasure', async () => {
    await withTempWorkspace(async (ws) => {
      await importFiles(ws, [{ path: fx('workday_roster_bom_crlf.csv'), profile: { ...profile, keep: ['Legal Name'] } }]);
      expect((await removePerson(ws, 'W1001')).deleted.kept_values).toBe(1);
      expect((await ws.all<{ value: string }>('SELECT value FROM kept_values ORDER BY row_number')).map((r) => r.value)).toEqual(['Ben Cole', 'Cy Dale', 'Di Eyre', 'Ed Fox']);
    });
  });

  it('a kept column the file does not have is a mapping error', async () => {
    await withTempWorkspace(async (ws) => {
      await expect(importFiles(ws, [{ path: fx('roster_duplicate_ids.csv'), profile: { ...profile, keep: ['Legal Name'] } }]))
        .rejects.toMatchObject({ code: 'MAPPING_INVALID', where: { column: 'Legal Name' } });
    });
  });
});
