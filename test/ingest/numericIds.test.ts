import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { importFiles } from '../../src/ingest/importFiles';
import type { Workspace } from '../../src/workspace/workspace';
import { withTempWorkspace } from '../helpers/tempWorkspace';
import { workspaceFingerprint } from './workspaceFingerprint';

/**
 * Ids a Parquet or JSON file stores as floating-point or decimal numbers (pandas writes an id
 * column with a gap as floats: 1001.0) are the same ids as a CSV roster's '1001'; a value that
 * is not a whole number (or too large for the float to hold exactly) is rejected, not guessed.
 */

const sqlPath = (p: string) => `'${p.replace(/'/g, "''")}'`;

/** Writes `select` to a Parquet file with DuckDB itself. */
async function parquet(path: string, select: string): Promise<void> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try { await c.run(`COPY (${select}) TO ${sqlPath(path)} (FORMAT parquet)`); } finally { c.closeSync(); db.closeSync(); }
}

const rosterCsv = 'Employee ID,As Of Date,Job Level\n1001,2026-06-30,1\n1002,2026-06-30,2\n1003,2026-06-30,3\n';
const enrollmentProfile = { table: 'enrollments' as const, columns: { person_id: 'person_id', program_id: 'program_id', role: 'role' } };

async function seed(ws: Workspace, dir: string): Promise<void> {
  writeFileSync(join(dir, 'roster.csv'), rosterCsv);
  writeFileSync(join(dir, 'programs.csv'), 'program_id,name,layer\nP1,Mentoring,formal\n');
  const r = await importFiles(ws, [
    { path: join(dir, 'roster.csv'), profile: { table: 'people', columns: { person_id: 'Employee ID', snapshot_date: 'As Of Date', level: 'Job Level' } } },
    { path: join(dir, 'programs.csv'), profile: { table: 'programs', columns: { program_id: 'program_id', name: 'name', layer: 'layer' } } },
  ]);
  expect(r.ok).toBe(true);
}

/** Enrollments whose person is in the roster (the pseudonymized ids are equal). */
const enrolledInRoster = async (ws: Workspace) => Number((await ws.all<{ n: bigint }>(
  'SELECT count(*) AS n FROM enrollments e WHERE e.person_id IN (SELECT person_id FROM people)'))[0].n);

describe('numeric ids in Parquet and JSON', () => {
  it('a DOUBLE person_id 1001.0 matches the CSV roster id 1001; fractions, huge floats and infinities are rejected, NaN is a missing value', async () => {
    await withTempWorkspace(async (ws, dir) => {
      await seed(ws, dir);
      const file = join(dir, 'enrollments.parquet');
      await parquet(file, `SELECT * FROM (VALUES
          (1, 1001.0::DOUBLE, 'P1', 'mentee'),
          (2, 1002.0::DOUBLE, 'P1', 'mentor'),
          (3, 1001.5::DOUBLE, 'P1', 'mentee'),
          (4, 1e20::DOUBLE, 'P1', 'mentee'),
          (5, 'nan'::DOUBLE, 'P1', 'mentee'),
          (6, 'inf'::DOUBLE, 'P1', 'mentee'),
          (7, NULL::DOUBLE, 'P1', 'mentee'),
          (8, 1003::DOUBLE, 'P1', 'participant')
        ) v(n, person_id, program_id, role) ORDER BY n`);
      const request = [{ path: file, profile: enrollmentProfile }];

      const before = await workspaceFingerprint(ws);
      const refused = await importFiles(ws, request);
      const fraction = 'not a whole number: the file stores this id column as decimal numbers, and an id has no fraction';
      expect(refused.rejects).toEqual([
        { file: 'enrollments.parquet', row: 3, column: 'person_id', value: null, reason: fraction },
        { file: 'enrollments.parquet', row: 4, column: 'person_id', value: null, reason: "a whole number too large for the file's floating-point column to hold exactly (it may have been rounded): export the ids as text" },
        { file: 'enrollments.parquet', row: 5, column: 'person_id', value: null, reason: 'required value missing' },
        { file: 'enrollments.parquet', row: 6, column: 'person_id', value: null, reason: fraction },
        { file: 'enrollments.parquet', row: 7, column: 'person_id', value: null, reason: 'required value missing' },
      ]);
      expect(await workspaceFingerprint(ws)).toEqual(before);

      const skipped = await importFiles(ws, request, { onInvalid: 'skip' });
      expect(skipped.files[0]).toMatchObject({ status: 'imported', rowsImported: 3, rejected: 5 });
      expect(await enrolledInRoster(ws)).toBe(3);
      expect(await ws.all('SELECT count(*)::INTEGER AS n FROM enrollments')).toEqual([{ n: 3 }]);
    });
  });

  it('a roster Parquet with DOUBLE ids and FLOAT / DECIMAL ids elsewhere give the same people as the CSV ids', async () => {
    await withTempWorkspace(async (ws, dir) => {
      const roster = join(dir, 'roster.parquet');
      await parquet(roster, `SELECT * FROM (VALUES (1001.0::DOUBLE, DATE '2026-06-30', 1), (1002.0::DOUBLE, DATE '2026-06-30', 2)) v("Employee ID", "As Of Date", "Job Level")`);
      writeFileSync(join(dir, 'programs.csv'), 'program_id,name,layer\n7,Mentoring,formal\n');
      const r = await importFiles(ws, [
        { path: roster, profile: { table: 'people', columns: { person_id: 'Employee ID', snapshot_date: 'As Of Date', level: 'Job Level' } } },
        { path: join(dir, 'programs.csv'), profile: { table: 'programs', columns: { program_id: 'program_id', name: 'name', layer: 'layer' } } },
      ]);
      expect(r.ok).toBe(true);

      // The same people from a CSV: the roster rows are refused as already imported for the snapshot.
      writeFileSync(join(dir, 'roster.csv'), 'Employee ID,As Of Date,Job Level\n1001,2026-06-30,1\n1002,2026-06-30,2\n');
      const again = await importFiles(ws, [{ path: join(dir, 'roster.csv'), profile: { table: 'people', columns: { person_id: 'Employee ID', snapshot_date: 'As Of Date', level: 'Job Level' } } }]);
      expect(again.rejects.map((x) => [x.row, x.reason])).toEqual([
        [2, 'already imported for snapshot 2026-06-30 (from roster.parquet)'], [3, 'already imported for snapshot 2026-06-30 (from roster.parquet)'],
      ]);

      // FLOAT person ids and a DECIMAL(10,2) program id (program ids stay readable: '7', not '7.00').
      const enr = join(dir, 'enr.parquet');
      await parquet(enr, `SELECT * FROM (VALUES (1, 1001::FLOAT, 7.00::DECIMAL(10,2), 'mentee'), (2, 1002::FLOAT, 7.50::DECIMAL(10,2), 'mentor')) v(n, person_id, program_id, role) ORDER BY n`);
      const e = await importFiles(ws, [{ path: enr, profile: enrollmentProfile }], { onInvalid: 'skip' });
      expect(e.rejects).toEqual([
        { file: 'enr.parquet', row: 2, column: 'program_id', value: '7.50', reason: 'not a whole number: the file stores this id column as decimal numbers, and an id has no fraction' },
      ]);
      expect(await ws.all('SELECT program_id FROM enrollments')).toEqual([{ program_id: '7' }]);
      expect(await enrolledInRoster(ws)).toBe(1);
    });
  });

  it('a JSON export with ids written as 1001.0 matches too', async () => {
    await withTempWorkspace(async (ws, dir) => {
      await seed(ws, dir);
      const file = join(dir, 'goals.json');
      writeFileSync(file, JSON.stringify([
        { goal_id: 'G1', person_id: 1001.0, set_date: '2026-01-10', status: 'on_track' },
        { goal_id: 'G2', person_id: 1002.5, set_date: '2026-01-10', status: 'on_track' },
      ]).replace('"person_id":1001,', '"person_id":1001.0,'));
      const r = await importFiles(ws, [{ path: file, profile: { table: 'goals', columns: { goal_id: 'goal_id', person_id: 'person_id', set_date: 'set_date', status: 'status' } } }], { onInvalid: 'skip' });
      expect(r.rejects).toEqual([
        { file: 'goals.json', row: 2, column: 'person_id', value: null, reason: 'not a whole number: the file stores this id column as decimal numbers, and an id has no fraction' },
      ]);
      expect(await ws.all('SELECT count(*)::INTEGER AS n FROM goals g JOIN people p ON p.person_id = g.person_id')).toEqual([{ n: 1 }]);
    });
  });
});
