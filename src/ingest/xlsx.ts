import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { basename } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { PathwaysError } from '../errors';
import { checkZipExpansion, type ZipSurvey } from './zipGuard';
import { unreadableCells } from './xlsxFormulas';

export interface SheetPreview {
  sheet: string;
  rows: string[][];
}

const cellText = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    // Excel stores dates as serial days; the reader hands them over as UTC midnight.
    return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  }
  return String(v);
};

/** A workbook read once: every sheet's cells, and what the expansion check saw inside the ZIP. */
export interface Workbook {
  path: string;
  sheets: { sheet: string; data: unknown[][] }[];
  survey: ZipSurvey;
}

export async function readWorkbook(path: string): Promise<Workbook> {
  const survey = await checkZipExpansion(path, basename(path));
  try {
    return { path, sheets: (await readXlsxFile(path)) as unknown as Workbook['sheets'], survey };
  } catch (err) {
    throw readerFailure(err, basename(path));
  }
}

/**
 * What the XLSX reader's failure tells the user. Unpatched, read-excel-file 9.3.17 exhausted the
 * stack on large sheets (patches/read-excel-file+9.3.17.patch mends that); should the reader run
 * out of stack another way, its message would not explain it: the way out is the CSV path.
 */
export function readerFailure(err: unknown, file: string): PathwaysError {
  if (err instanceof RangeError && /call stack/i.test(err.message)) {
    return new PathwaysError('FILE_UNREADABLE', `${file} is too large for the Excel reader (it ran out of stack space parsing the sheet). Save the sheet as CSV and import that instead: CSV has no such limit.`, { file });
  }
  return new PathwaysError('FILE_UNREADABLE', `${file} could not be read as an Excel workbook: ${(err as Error).message}`, { file });
}

/** Sheet names with their first rows, so that the user can pick the sheet and the header row. */
export function previewSheets({ sheets }: Workbook, rows = 12): SheetPreview[] {
  return sheets.map((s) => ({ sheet: s.sheet, rows: s.data.slice(0, rows).map((r) => r.map(cellText)) }));
}

/** The first row that looks like a header: the first with at least half of the widest row's cells filled with text. */
export function guessHeaderRow(rows: string[][]): number {
  const width = Math.max(0, ...rows.map((r) => r.filter((c) => c !== '').length));
  const i = rows.findIndex((r) => {
    const filled = r.filter((c) => c !== '');
    return filled.length >= Math.max(1, Math.ceil(width / 2)) && filled.every((c) => Number.isNaN(Number(c)));
  });
  return i < 0 ? 1 : i + 1;
}

const csvField = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * Writes one sheet, from its header row down, as a CSV file that DuckDB then reads like any
 * other export. The reader has no streaming mode, so this is the one place a JS loop touches
 * rows; it only re-encodes cells and never validates them. Cells of the `mapped` columns (all
 * columns when not given) that hold a formula with no saved result refuse the file; formula
 * errors there are read as empty, with a note.
 */
export async function xlsxSheetToCsv(workbook: string | Workbook, sheet: string | null, headerRow: number | null, outPath: string, mapped?: string[]): Promise<{ sheet: string; headerRow: number; notes: string[] }> {
  const { path, sheets, survey } = typeof workbook === 'string' ? await readWorkbook(workbook) : workbook;
  const chosen = sheet === null ? sheets[0] : sheets.find((s) => s.sheet === sheet);
  if (!chosen) {
    throw new PathwaysError('MAPPING_INVALID', `${basename(path)} has no sheet named "${sheet}" (sheets: ${sheets.map((s) => s.sheet).join(', ')}).`, { file: basename(path) });
  }
  const rows = chosen.data.map((r) => r.map(cellText));
  const header = headerRow ?? guessHeaderRow(rows.slice(0, 50));
  const found = unreadableCells(path, chosen.sheet, header, survey);
  // Only the columns an import reads matter: an unmapped column of formulas is never read.
  const names = rows[header - 1] ?? [];
  const columnOf = (ref: string) => names[[...ref.replace(/\d+$/, '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1] ?? '';
  const read = (ref: string) => !mapped || mapped.includes(columnOf(ref).trim());
  const uncomputed = found.uncomputed.filter(read);
  const errors = found.errors.filter(read);
  const cells = (refs: string[]) => `${refs.slice(0, 5).join(', ')}${refs.length > 5 ? ` and ${refs.length - 5} more` : ''}`;
  if (uncomputed.length) {
    throw new PathwaysError('FILE_UNREADABLE', `${basename(path)}, sheet "${chosen.sheet}": cell${uncomputed.length > 1 ? 's' : ''} ${cells(uncomputed)} hold${uncomputed.length > 1 ? '' : 's'} a formula with no saved result (the workbook was written by a program that does not compute formulas). Open it in Excel or LibreOffice, save it, and import it again.`, { file: basename(path) });
  }
  const notes = errors.length ? [`sheet "${chosen.sheet}": cell${errors.length > 1 ? 's' : ''} ${cells(errors)} hold${errors.length > 1 ? '' : 's'} a formula error (such as #N/A) and ${errors.length > 1 ? 'were' : 'was'} read as empty`] : [];
  const out = createWriteStream(outPath, { encoding: 'utf8' });
  for (const r of rows.slice(header - 1)) {
    if (!out.write(r.map(csvField).join(',') + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { sheet: chosen.sheet, headerRow: header, notes };
}
