import { describe, it, expect } from 'vitest';
import { readerFailure } from '../../src/ingest/xlsx';

// Should the XLSX reader exhaust the stack (unpatched, read-excel-file 9.3.17 did on large sheets:
// see xlsxSlowChunks.test.ts), the user gets the way out, not the raw RangeError. Any other
// failure keeps the reader's own words.
describe('readerFailure: what a failed XLSX read tells the user', () => {
  it('sends a stack overflow to the CSV path, and keeps other messages', () => {
    let overflow: unknown;
    const deep = (n: number): number => deep(n + 1) + 1;
    try { deep(0); } catch (e) { overflow = e; }
    expect(readerFailure(overflow, 'roster.xlsx')).toMatchObject({
      code: 'FILE_UNREADABLE',
      message: 'roster.xlsx is too large for the Excel reader (it ran out of stack space parsing the sheet). Save the sheet as CSV and import that instead: CSV has no such limit.',
      where: { file: 'roster.xlsx' },
    });
    expect(readerFailure(new Error('invalid zip data'), 'roster.xlsx')).toMatchObject({
      code: 'FILE_UNREADABLE', message: 'roster.xlsx could not be read as an Excel workbook: invalid zip data',
    });
  });
});
