import { join } from 'node:path';
import { mkdtempSync, rmSync, openSync, readSync, closeSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { tmpdir } from 'node:os';
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { PathwaysError } from '../errors';
import type { FileFormat } from './formats';
import type { MappingProfile } from './mappingProfile';
import { xlsxSheetToCsv } from './xlsx';
import { bomEncoding } from './formats';
import { checkJsonDepth } from './jsonDepth';
import { checkLineLengths, MAX_LINE_BYTES } from './lineLength';

export interface Source {
  /** The file's columns, in file order. */
  columns: string[];
  /** A FROM-clause table function over the file, every column as text; bind `params` with it. */
  from: string;
  params: Record<string, DuckDBValue>;
  /** Add to a 0-based record index to get the row number a person sees (header = row 1). */
  rowOffset: number;
  /** CSV: whether the scan records malformed lines in the temp table raw_rejects. */
  recordsMalformed: boolean;
  notes: string[];
  cleanup(): void;
}

const isEncodingError = (msg: string) => /unicode|UTF-8|utf8|byte sequence/i.test(msg);
const firstLine = (s: string) => s.split('\n')[0].slice(0, 300);

/**
 * A CSV the reader gave up on, said plainly. Only DuckDB's first line is kept: the lines after
 * it quote the offending record, which holds people's data.
 */
function csvUnreadable(file: string, msg: string): PathwaysError {
  const line = /CSV Error on Line: (\d+)/.exec(msg)?.[1];
  if (/Maximum line size/i.test(msg)) {
    return new PathwaysError('FILE_UNREADABLE', `${file} has a line longer than ${MAX_LINE_BYTES / 2 ** 20} MB${line ? ` (record ${line})` : ''}: no export of records has lines that long; the file may not be a CSV, or a quote may never be closed.`, { file, ...(line ? { row: Number(line) + 1 } : {}) });
  }
  return new PathwaysError('FILE_UNREADABLE', `${file} could not be read as CSV: ${firstLine(msg)}`, { file });
}

/**
 * Describes a file for DuckDB to read itself: its columns and the table function that reads
 * it with every column as text (typing and checking happen afterwards in SQL, where a bad
 * value becomes a reported reject instead of an error that stops the file). Paths and options
 * are bound parameters. XLSX is first re-encoded as CSV by the JS reader.
 */
export async function openSource(c: DuckDBConnection, path: string, file: string, format: FileFormat, profile: MappingProfile): Promise<Source> {
  const notes: string[] = [];
  let tmp: string | undefined;
  const cleanup = () => { if (tmp) rmSync(tmp, { recursive: true, force: true }); };
  try {
    let csvPath = path;
    let rowOffset = 2;
    if (format === 'xlsx') {
      tmp = mkdtempSync(join(tmpdir(), 'pathways-xlsx-'));
      csvPath = join(tmp, 'sheet.csv');
      const { sheet, headerRow } = await xlsxSheetToCsv(path, profile.sheet, profile.headerRow, csvPath);
      notes.push(`read sheet "${sheet}" with its header on row ${headerRow}`);
      rowOffset = headerRow + 1;
    }
    let from: string;
    const params: Record<string, DuckDBValue> = { path: csvPath };
    if (format === 'csv') await checkLineLengths(path, file);
    if (format === 'csv' || format === 'xlsx') {
      // No null_padding: a line with fewer fields than the header (a truncated export, a
      // stray line break) is malformed and reported, not silently filled with empty cells.
      // A line may be up to 16 MB (DuckDB's default is 2 MB); a longer one is never a record.
      const opts = ['all_varchar = true', 'header = true', 'ignore_errors = true', 'store_rejects = true', `max_line_size = ${MAX_LINE_BYTES}`,
        "rejects_table = 'raw_rejects'", "rejects_scan = 'raw_rejects_scan'"];
      if (format === 'xlsx') opts.push("delim = ','", "quote = '\"'");
      if (format === 'csv' && profile.delimiter) { opts.push('delim = $delim'); params.delim = profile.delimiter; }
      // Not UTF-8: Windows exports are usually Windows-1252, which Latin-1 reads for every
      // letter. Told by the user, or seen in the file's first bytes.
      const encoding = profile.encoding ?? (format === 'csv' ? bomEncoding(path) ?? (startsAsUtf8(path) ? null : 'latin-1') : null);
      if (encoding) { opts.push('encoding = $encoding'); params.encoding = encoding; }
      if (encoding === 'latin-1' && !profile.encoding) notes.push('the file is not UTF-8; read it as Latin-1 (Windows-1252)');
      from = `read_csv($path, ${opts.join(', ')})`;
      try {
        return { columns: await describe(c, from, params), from, params, rowOffset, recordsMalformed: true, notes, cleanup };
      } catch (err) {
        if (err instanceof PathwaysError) throw err; // a cancel, not a bad file
        const msg = (err as Error).message;
        if (format !== 'csv' || profile.encoding || params.encoding || !isEncodingError(msg)) throw csvUnreadable(file, msg);
        // Not UTF-8: Windows exports are usually Windows-1252, which Latin-1 reads for every letter.
        params.encoding = 'latin-1';
        from = from.replace('ignore_errors = true', 'ignore_errors = true, encoding = $encoding');
        notes.push('the file is not UTF-8; read it as Latin-1 (Windows-1252)');
        return { columns: await describe(c, from, params), from, params, rowOffset, recordsMalformed: true, notes, cleanup };
      }
    }
    if (format === 'json') await checkJsonDepth(path, file);
    from = format === 'parquet' ? 'read_parquet($path)' : "read_json($path, format = 'auto', union_by_name = true, sample_size = -1)";
    try {
      return { columns: await describe(c, from, params), from, params, rowOffset: 1, recordsMalformed: false, notes, cleanup };
    } catch (err) {
      if (err instanceof PathwaysError) throw err;
      throw new PathwaysError('FILE_UNREADABLE', `${file} could not be read as ${format === 'parquet' ? 'Parquet' : 'JSON'}: ${firstLine((err as Error).message)}`, { file });
    }
  } catch (err) {
    cleanup();
    throw err;
  }
}

/**
 * Whether the file's first 64 KB are valid UTF-8 (a multi-byte letter cut at the end of the
 * sample does not count against it). Later non-UTF-8 bytes still surface as malformed lines.
 */
export function startsAsUtf8(path: string): boolean {
  const buf = Buffer.alloc(64 * 1024);
  const fd = openSync(path, 'r');
  let n: number;
  try { n = readSync(fd, buf, 0, buf.length, 0); } finally { closeSync(fd); }
  let end = n;
  // Back off from a cut multi-byte sequence: continuation bytes are 10xxxxxx.
  if (n === buf.length) { let k = 0; while (k < 3 && end > 0 && (buf[end - 1] & 0xc0) === 0x80) { end--; k++; } if (end > 0 && buf[end - 1] >= 0xc0) end--; }
  return isUtf8(buf.subarray(0, end));
}

async function describe(c: DuckDBConnection, from: string, params: Record<string, DuckDBValue>): Promise<string[]> {
  const rows = (await c.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`, params)).getRowObjectsJS();
  return rows.map((r) => String(r.column_name));
}

/** Malformed CSV lines the scan set aside (wrong number of fields, bad quoting), with reasons. */
export async function malformedLines(c: DuckDBConnection, source: Source): Promise<{ row: number; reason: string }[]> {
  if (!source.recordsMalformed) return [];
  // One line can be set aside for several reasons (one per column): report it once.
  const rej = (await c.runAndReadAll('SELECT line, first(error_type ORDER BY column_idx) AS error_type, first(error_message ORDER BY column_idx) AS error_message FROM raw_rejects GROUP BY line ORDER BY line')).getRowObjectsJS();
  await c.run('DROP TABLE IF EXISTS raw_rejects; DROP TABLE IF EXISTS raw_rejects_scan;');
  return rej.map((r) => ({ row: Number(r.line) + (source.rowOffset - 2), reason: describeCsvError(String(r.error_type), String(r.error_message)) }));
}

function describeCsvError(rawType: string, message: string): string {
  // DuckDB names the types with spaces ("MISSING COLUMNS"), older versions with underscores.
  switch (rawType.toUpperCase().replace(/\s+/g, '_')) {
    case 'MISSING_COLUMNS':
    case 'TOO_FEW_COLUMNS': return 'the line has fewer fields than the header (cut off?)';
    case 'TOO_MANY_COLUMNS': return 'the line has more fields than the header';
    case 'UNQUOTED_VALUE': return 'a quote inside a value is not escaped';
    case 'UNTERMINATED_QUOTE':
    case 'UNTERMINATED_QUOTES': return 'a quoted value is never closed';
    case 'INVALID_UNICODE': return 'the line has bytes that are not valid text in this encoding';
    case 'LINE_SIZE_OVER_MAXIMUM':
    case 'LINE_SIZE_OVER_MAX': return 'the line is longer than the reader accepts';
    default: return firstLine(message);
  }
}
