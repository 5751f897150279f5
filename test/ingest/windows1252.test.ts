import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { importFiles } from '../../src/ingest/importFiles';
import { inspectFile } from '../../src/ingest/inspectFile';
import { decodeWindows1252 } from '../../src/ingest/textEncoding';
import { withTempWorkspace } from '../helpers/tempWorkspace';

// Windows-1252 exports (’ “ ” – € in 0x80-0x9F, which DuckDB's Latin-1 refuses) are read from
// a UTF-8 copy; a file that is not text at all is refused as such.

const profile = {
  table: 'people' as const,
  columns: { person_id: 'Employee ID', snapshot_date: 'As Of Date', level: 'Job Level', department: 'Department', gender: 'Gender' },
};
const cp1252 = (s: string) => Buffer.from([...s].map((ch) => ({ '’': 0x92, '€': 0x80, '“': 0x93, '”': 0x94, '–': 0x96, 'é': 0xe9 } as Record<string, number>)[ch] ?? ch.charCodeAt(0)));

describe('Windows-1252 files', () => {
  it('imports curly apostrophes, euro signs and accents intact, and says how the file was read', async () => {
    await withTempWorkspace(async (ws, dir) => {
      const path = join(dir, 'roster_cp1252.csv');
      writeFileSync(path, cp1252('Employee ID,As Of Date,Job Level,Department,Gender\nE1,2026-06-30,1,R’D,Female\nE2,2026-06-30,2,Finance € – “EMEA”,Male\nE3,2026-06-30,1,Ingénierie,Female\n'));
      const inspection = await inspectFile(path);
      expect(inspection.dialect).toMatchObject({ delimiter: ',', encoding: 'latin-1' });
      expect(inspection.preview.map((r) => r[3])).toEqual(['R’D', 'Finance € – “EMEA”', 'Ingénierie']);
      const report = await importFiles(ws, [{ path, profile }]);
      expect(report.ok).toBe(true);
      expect(report.files[0].notes).toContain('the file is not UTF-8; read it as Latin-1 (Windows-1252)');
      expect(await ws.all('SELECT department FROM people ORDER BY department')).toEqual([
        { department: 'Finance € – “EMEA”' }, { department: 'Ingénierie' }, { department: 'R’D' },
      ]);
    });
  });

  it('reads a file the user says is Latin-1 the same way', async () => {
    await withTempWorkspace(async (ws, dir) => {
      const path = join(dir, 'told.csv');
      writeFileSync(path, cp1252('Employee ID,As Of Date,Job Level,Department,Gender\nE1,2026-06-30,1,R’D,Female\n'));
      const report = await importFiles(ws, [{ path, profile: { ...profile, encoding: 'latin-1' } }]);
      expect(report.ok).toBe(true);
      expect(await ws.all('SELECT department FROM people')).toEqual([{ department: 'R’D' }]);
    });
  });

  it('maps every byte 0x80-0x9F as Windows does (the five unused ones unchanged)', () => {
    const high = decodeWindows1252(Buffer.from(Array.from({ length: 32 }, (_, i) => 0x80 + i)));
    expect([...high].map((c) => c.codePointAt(0)!.toString(16))).toEqual([
      '20ac', '81', '201a', '192', '201e', '2026', '2020', '2021', '2c6', '2030', '160', '2039', '152', '8d', '17d', '8f',
      '90', '2018', '2019', '201c', '201d', '2022', '2013', '2014', '2dc', '2122', '161', '203a', '153', '9d', '17e', '178',
    ]);
    expect(decodeWindows1252(Buffer.from([0x41, 0xe9, 0xff]))).toBe('Aéÿ');
  });
});

describe('files that are not text', () => {
  const cases: [string, Buffer, RegExp][] = [
    ['gzipped.csv', gzipSync(Buffer.from('Employee ID,As Of Date,Job Level\nE1,2026-06-30,1\n')), /gzipped\.csv is not a text file \(it looks binary\): it is a gzip archive/],
    ['program.csv', Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4000, 0)]), /program\.csv is not a text file \(it looks binary\): it is a program/],
    // A stray NUL or two is read as text (test/hardening/hostileFiles.ts, nul-bytes.csv); a run of them is not.
    ['nul.csv', Buffer.from(`Employee ID,As Of Date,Job Level,Gender\nE060,2026-06-30,1,Fe${'\u0000'.repeat(100)}male\n`), /nul\.csv is not a text file \(it looks binary\): it has NUL bytes/],
    ['controls.csv', Buffer.from(Array.from({ length: 3000 }, (_, i) => [0x41, 0x11, 0x2c, 0x03][i % 4])), /controls\.csv is not a text file \(it looks binary\)/],
  ];
  for (const [name, bytes, message] of cases) {
    it(`${name}: refused by inspection and import with what is wrong, the workspace untouched`, async () => {
      await withTempWorkspace(async (ws, dir) => {
        const path = join(dir, name);
        writeFileSync(path, bytes);
        await expect(inspectFile(path)).rejects.toThrow(message);
        await expect(importFiles(ws, [{ path, profile }])).rejects.toMatchObject({ code: 'FILE_UNREADABLE', message: expect.stringMatching(message) });
        expect(await ws.all('SELECT count(*)::INTEGER AS n FROM imports')).toEqual([{ n: 0 }]);
      });
    });
  }

  it('a few terminal escape characters in a text file are still text', async () => {
    await withTempWorkspace(async (ws, dir) => {
      const path = join(dir, 'ansi.csv');
      writeFileSync(path, 'Employee ID,As Of Date,Job Level,Department,Gender\nE1,2026-06-30,1,\u001b[31mSales\u001b[0m,Female\n');
      expect((await importFiles(ws, [{ path, profile }])).files[0].rowsImported).toBe(1);
    });
  });
});
