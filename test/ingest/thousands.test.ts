import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { importFiles } from '../../src/ingest/importFiles';
import { withTempWorkspace } from '../helpers/tempWorkspace';
import type { Workspace } from '../../src/workspace/workspace';

// A comma is a thousands separator in 1,200 and a decimal mark in 3,5; a value the column
// leaves ambiguous is rejected with row, column and reason, never guessed.

const profile = {
  table: 'sessions' as const,
  columns: { session_id: 'Session ID', date: 'Session Date', layer: 'Layer', duration_minutes: 'Duration (min)' },
};

async function importSessions(ws: Workspace, dir: string, name: string, lines: string[], onInvalid: 'fail' | 'skip' = 'fail') {
  const path = join(dir, name);
  writeFileSync(path, ['Session ID,Session Date,Layer,Duration (min)', ...lines].join('\n') + '\n');
  return importFiles(ws, [{ path, profile }], { onInvalid });
}

const minutes = async (ws: Workspace) => (await ws.all<{ d: number }>('SELECT duration_minutes AS d FROM sessions ORDER BY date')).map((r) => r.d);

describe('numbers with separators', () => {
  it('reads 1,200 as twelve hundred, not 1.2', async () => {
    await withTempWorkspace(async (ws, dir) => {
      const report = await importSessions(ws, dir, 'thousands.csv', ['S1,2026-05-01,formal,"1,200"']);
      expect(report.ok).toBe(true);
      expect(report.rejects).toEqual([]);
      expect(await minutes(ws)).toEqual([1200]);
    });
  });

  it('reads thousands commas and decimal points together, and a decimal comma where it cannot be grouping', async () => {
    await withTempWorkspace(async (ws, dir) => {
      const report = await importSessions(ws, dir, 'mixed.csv', [
        'S1,2026-05-01,formal,"1,200"', 'S2,2026-05-02,formal,"1,234.5"', 'S3,2026-05-03,peer,45', 'S4,2026-05-04,peer,0.5',
      ]);
      expect(report.rejects).toEqual([]);
      expect(await minutes(ws)).toEqual([1200, 1234.5, 45, 0.5]);
    });
    await withTempWorkspace(async (ws, dir) => {
      const report = await importSessions(ws, dir, 'decimal_commas.csv', [
        'S1,2026-05-01,formal,"3,5"', 'S2,2026-05-02,formal,"12,75"', 'S3,2026-05-03,peer,"1.234,5"', 'S4,2026-05-04,peer,"0,125"', 'S5,2026-05-05,peer,30',
      ]);
      expect(report.rejects).toEqual([]);
      expect(await minutes(ws)).toEqual([3.5, 12.75, 1234.5, 0.125, 30]);
    });
  });

  it('rejects 1,200 in a column whose other values use decimal commas, with row, column and reason', async () => {
    await withTempWorkspace(async (ws, dir) => {
      const lines = ['S1,2026-05-01,formal,"1,5"', 'S2,2026-05-02,formal,"1,200"', 'S3,2026-05-03,peer,"2,5"', 'S4,2026-05-04,peer,"1.500"'];
      const failed = await importSessions(ws, dir, 'ambiguous.csv', lines);
      expect(failed.ok).toBe(false);
      expect(failed.rejects).toEqual([
        { file: 'ambiguous.csv', row: 3, column: 'Duration (min)', value: '1,200', reason: expect.stringMatching(/^ambiguous number: other values in this column have a decimal comma \(such as 1,5\), so the comma here may be a decimal comma or a thousands separator/) },
        { file: 'ambiguous.csv', row: 5, column: 'Duration (min)', value: '1.500', reason: expect.stringMatching(/^ambiguous number: .*the dot here may be a thousands separator or a decimal point/) },
      ]);
      expect(await ws.all('SELECT count(*)::INTEGER AS n FROM sessions')).toEqual([{ n: 0 }]);
      const skipped = await importSessions(ws, dir, 'ambiguous.csv', lines, 'skip');
      expect(skipped.files[0]).toMatchObject({ rowsImported: 2, rejected: 2 });
      expect(await minutes(ws)).toEqual([1.5, 2.5]);
    });
  });

  it('rejects 1,200 and 1.200 in one column when no value says which mark is the decimal one', async () => {
    await withTempWorkspace(async (ws, dir) => {
      const report = await importSessions(ws, dir, 'both.csv', ['S1,2026-05-01,formal,"1,200"', 'S2,2026-05-02,formal,1.200', 'S3,2026-05-03,peer,30']);
      const why = expect.stringMatching(/^ambiguous number: the column has values like 1,200 and like 1\.200/);
      expect(report.rejects.map((r) => [r.row, r.value, r.reason])).toEqual([[2, '1,200', why], [3, '1.200', why]]);
      // One value with a decimal point settles it: 1,200 is twelve hundred, 1.200 is 1.2.
      const settled = await importSessions(ws, dir, 'settled.csv', ['S1,2026-05-01,formal,"1,200"', 'S2,2026-05-02,formal,1.200', 'S3,2026-05-03,peer,2.5']);
      expect(settled.rejects).toEqual([]);
      expect(await minutes(ws)).toEqual([1200, 1.2, 2.5]);
    });
  });

  it('rejects what is not a number at all, nan and inf included', async () => {
    await withTempWorkspace(async (ws, dir) => {
      const report = await importSessions(ws, dir, 'odd.csv', ['S1,2026-05-01,formal,"1,2,3"', 'S2,2026-05-02,formal,45 min', 'S3,2026-05-03,peer,nan', 'S4,2026-05-04,peer,1e2']);
      expect(report.rejects.map((r) => [r.row, r.reason])).toEqual([[2, 'not a number'], [3, 'not a number'], [4, 'not a number']]);
    });
  });
});
