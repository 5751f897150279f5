import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { importFiles } from '../../src/ingest/importFiles';
import { withTempWorkspace } from '../helpers/tempWorkspace';

const fx = (name: string) => join(__dirname, '..', 'fixtures', 'ingest', name);
const rosterProfile = {
  table: 'people' as const,
  columns: {
    person_id: 'Employee ID', snapshot_date: 'As Of Date', level: 'Job Level', gender: 'Gender',
    race_ethnicity: 'Race/Ethnicity', department: 'Department', hire_date: 'Hire Date', termination_date: 'Termination Date',
  },
};

describe('importFiles', () => {
  it('lands a roster with pseudonymized ids, merged labels, ranked levels and no names', async () => {
    await withTempWorkspace(async (ws) => {
      const report = await importFiles(ws, [{ path: fx('roster_small.csv'), profile: rosterProfile }]);
      expect(report.ok).toBe(true);
      expect(report.files[0]).toMatchObject({ status: 'imported', rowsRead: 5, rowsImported: 5, rejected: 0 });
      const rows = await ws.all<Record<string, unknown>>('SELECT person_id, level_rank, level_label, gender, race_ethnicity FROM people ORDER BY level_rank, gender, race_ethnicity');
      expect(rows.map((r) => [r.level_rank, r.level_label, r.gender, r.race_ethnicity])).toEqual([
        [1, 'L1', 'Woman', 'Asian'], [1, 'L1', 'Woman', null], [2, 'L2', 'Man', 'White'], [2, 'L2', 'Woman', 'White'], [3, 'L3', 'Man', 'Black or African American'],
      ]);
      for (const r of rows) expect(String(r.person_id)).toMatch(/^p[0-9a-f]{20}$/);
      const big = (_k: string, v: unknown) => (typeof v === 'bigint' ? String(v) : v);
      const dump = JSON.stringify(await ws.all('SELECT * FROM people'), big) + JSON.stringify(await ws.all('SELECT * FROM imports'), big);
      for (const secret of ['E001', 'Ann A', 'ann@example.com']) expect(dump).not.toContain(secret);
      expect(await ws.all('SELECT label, rank FROM level_order ORDER BY rank')).toEqual([
        { label: 'L1', rank: 1 }, { label: 'L2', rank: 2 }, { label: 'L3', rank: 3 },
      ]);
    });
  });

  it('re-importing the same file changes nothing', async () => {
    await withTempWorkspace(async (ws) => {
      await importFiles(ws, [{ path: fx('roster_small.csv'), profile: rosterProfile }]);
      const again = await importFiles(ws, [{ path: fx('roster_small.csv'), profile: rosterProfile }]);
      expect(again.files[0].status).toBe('unchanged');
      expect(await ws.all('SELECT count(*)::INTEGER AS n FROM people')).toEqual([{ n: 5 }]);
      expect(await ws.all('SELECT count(*)::INTEGER AS n FROM imports')).toEqual([{ n: 1 }]);
    });
  });

  it('reports every bad row with file, row, column, value and reason, and lands nothing by default', async () => {
    await withTempWorkspace(async (ws) => {
      const profile = { table: 'people' as const, columns: { person_id: 'Employee ID', snapshot_date: 'As Of Date', level: 'Job Level', gender: 'Gender', hire_date: 'Hire Date', termination_date: 'Termination Date' } };
      const report = await importFiles(ws, [{ path: fx('roster_bad_rows.csv'), profile }]);
      expect(report.ok).toBe(false);
      expect(report.rejects).toEqual([
        { file: 'roster_bad_rows.csv', row: 3, column: 'Employee ID', value: null, reason: 'required value missing' },
        { file: 'roster_bad_rows.csv', row: 4, column: 'As Of Date', value: 'not a date', reason: 'not a date (expected e.g. 2025-03-31)' },
        { file: 'roster_bad_rows.csv', row: 4, column: 'As Of Date', value: 'not a date', reason: 'required value missing' },
        { file: 'roster_bad_rows.csv', row: 5, column: 'Termination Date', value: '2016-01-01', reason: 'termination_date is before hire_date (2017-02-01)' },
        { file: 'roster_bad_rows.csv', row: 6, column: 'Employee ID', value: null, reason: 'duplicate of row 2' },
      ].filter((r) => !(r.row === 4 && r.reason === 'required value missing')));
      expect(await ws.all('SELECT count(*)::INTEGER AS n FROM people')).toEqual([{ n: 0 }]);
      expect(await ws.all('SELECT count(*)::INTEGER AS n FROM imports')).toEqual([{ n: 0 }]);
      expect(await ws.all('SELECT count(*)::INTEGER AS n FROM level_order')).toEqual([{ n: 0 }]);
    });
  });

  it("with onInvalid 'skip' lands the valid rows and writes the rejects as CSV", async () => {
    await withTempWorkspace(async (ws, dir) => {
      const profile = { table: 'people' as const, columns: { person_id: 'Employee ID', snapshot_date: 'As Of Date', level: 'Job Level', gender: 'Gender', hire_date: 'Hire Date', termination_date: 'Termination Date' } };
      const rejectsPath = join(dir, 'rejects.csv');
      const report = await importFiles(ws, [{ path: fx('roster_bad_rows.csv'), profile }], { onInvalid: 'skip', rejectsPath });
      expect(report.files[0]).toMatchObject({ status: 'imported', rowsImported: 1, rejected: 4 });
      expect(await ws.all('SELECT count(*)::INTEGER AS n FROM people')).toEqual([{ n: 1 }]);
      const csv = readFileSync(rejectsPath, 'utf8').trim().split('\n');
      expect(csv[0]).toBe('file,row,column,value,reason');
      expect(csv).toHaveLength(5);
      expect(csv[4]).toBe('roster_bad_rows.csv,6,Employee ID,,duplicate of row 2');
    });
  });

  it('names a mapped column the file does not have, and leaves the workspace unchanged', async () => {
    await withTempWorkspace(async (ws) => {
      await expect(importFiles(ws, [{ path: fx('roster_small.csv'), profile: { ...rosterProfile, columns: { ...rosterProfile.columns, level: 'Grade' } } }]))
        .rejects.toMatchObject({ code: 'MAPPING_INVALID', where: { file: 'roster_small.csv', column: 'Grade' } });
      expect(await ws.all('SELECT count(*)::INTEGER AS n FROM imports')).toEqual([{ n: 0 }]);
    });
  });
});
