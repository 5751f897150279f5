import { describe, it, expect, vi, afterEach } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import writeXlsxFile from 'write-excel-file/node';
import { importFiles } from '../../src/ingest/importFiles';
import { withTempWorkspace } from '../helpers/tempWorkspace';

// read-excel-file 9.3.17 parses a sheet's XML in chunks and halves the chunk whenever one took
// over 7 ms. On a large sheet in a busy process every chunk is slow, the chunk shrinks below one
// character, nothing is consumed, and its recursive loop overflows the stack (seen at 30,000
// rows through the CLI). patches/read-excel-file+9.3.17.patch keeps the chunk at 64 KB or more
// and loops instead of recursing. A clock that moves 10 ms on every reading makes every chunk
// "slow" here, so the unpatched reader fails on a sheet of a few hundred KB, deterministically.

const ROWS = 6000;

afterEach(() => vi.restoreAllMocks());

describe('an XLSX sheet whose chunks all parse slowly', () => {
  it('imports every row, with nothing lost or repeated', async () => {
    await withTempWorkspace(async (ws, dir) => {
      const path = join(dir, 'roster.xlsx');
      const cells = (r: string[]) => r.map((value) => ({ value }));
      const rows = [cells(['Employee ID', 'As Of Date', 'Job Level', 'Gender'])];
      for (let i = 0; i < ROWS; i++) rows.push(cells([`E${String(i).padStart(5, '0')}`, '2026-06-30', String(1 + (i % 5)), i % 2 ? 'Male' : 'Female']));
      writeFileSync(path, await writeXlsxFile(rows).toBuffer());

      let t = Date.now();
      vi.spyOn(Date, 'now').mockImplementation(() => (t += 10));
      const report = await importFiles(ws, [{ path, profile: { table: 'people', columns: { person_id: 'Employee ID', snapshot_date: 'As Of Date', level: 'Job Level', gender: 'Gender' } } }]);
      vi.restoreAllMocks();

      expect(report.ok).toBe(true);
      // Levels cycle 1..5 and genders alternate, so each level holds 1,200 rows, 600 of them women.
      expect(await ws.all(`SELECT level_rank::INTEGER AS lvl, count(*)::INTEGER AS n, count(DISTINCT person_id)::INTEGER AS ids,
          count(*) FILTER (WHERE gender = 'Woman')::INTEGER AS women FROM people GROUP BY ALL ORDER BY 1`))
        .toEqual([1, 2, 3, 4, 5].map((lvl) => ({ lvl, n: 1200, ids: 1200, women: 600 })));
    });
  });
});
