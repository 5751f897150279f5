import { describe, it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { tempDir } from '../helpers/tempWorkspace';
import { checkZipExpansion } from '../../src/ingest/zipGuard';

// The expansion check reads the workbook in 1 MiB chunks and notes on the way which sheets
// hold a formula or an error cell, so that the formula check does not inflate them again. A
// marker split between two chunks must still be seen. Stored (level 0) entries make the chunk
// seams fall at known places of the sheet's XML: the file's first 1 MiB ends 30 + name length
// bytes into the entry (its local header comes first).
const SHEET = 'xl/worksheets/sheet1.xml';
const SEAM = 2 ** 20 - (30 + SHEET.length);

function workbook(dir: string, name: string, sheetXml: string): string {
  const path = join(dir, name);
  writeFileSync(path, zipSync({
    [SHEET]: [strToU8(sheetXml), { level: 0 }],
    'xl/workbook.xml': [strToU8('<workbook><sheets><sheet name="Roster" r:id="rId1"/></sheets></workbook>'), { level: 0 }],
  }));
  return path;
}

describe('checkZipExpansion: the survey for the formula check', () => {
  it('finds a formula or an error cell wherever a chunk seam cuts it, and flags no sheet without one', async () => {
    const { dir, cleanup } = tempDir();
    try {
      for (const marker of ['<f>', 't="e"']) {
        for (let at = SEAM - marker.length; at <= SEAM; at++) {
          const xml = 'x'.repeat(at) + marker + 'x'.repeat(1000);
          const survey = await checkZipExpansion(workbook(dir, `m${at}.xlsx`, xml), 'w.xlsx');
          expect([marker, at, survey.withFormulas.has(SHEET)]).toEqual([marker, at, true]);
        }
      }
      const plain = await checkZipExpansion(workbook(dir, 'plain.xlsx', 'x'.repeat(SEAM + 1000)), 'w.xlsx');
      expect(plain.withFormulas.size).toBe(0);
      // The sheet list is kept whole for the formula check to find the sheet by name.
      expect(new TextDecoder().decode(plain.kept.get('xl/workbook.xml'))).toContain('name="Roster"');
    } finally {
      cleanup();
    }
  });
});
