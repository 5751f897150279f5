import { join } from 'node:path';
import { mkdtempSync, rmSync, openSync, readSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { structValue, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { PathwaysError } from '../errors';
import type { FileFormat } from './formats';
import type { MappingProfile } from './mappingProfile';
import { xlsxSheetToCsv } from './xlsx';
import { bomEncoding } from './formats';
import { checkJsonDepth } from './jsonDepth';
import { checkLineLengths, MAX_LINE_BYTES } from './lineLength';
import { readErrorReason } from './readError';
import { checkTextFile, startsAsUtf8, windows1252ToUtf8, type TextEncoding } from './textEncoding';

export interface Source {
  /** The file's columns, in file order. */
  columns: string[];
  /** Parquet and JSON: each column's type as the file stores it (CSV and Excel read as text). */
  types?: Record<string, string>;
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

const isEncodingError = (msg: string) => /unicode|UTF-8|utf8|byte sequence|not latin-1 encoded/i.test(msg);
const firstLine = readErrorReason;

/** The note of a file read as Windows-1252 (of which Latin-1 is the part without ’, € and the like). */
export const WINDOWS_1252_NOTE = 'the file is not UTF-8; read it as Latin-1 (Windows-1252)';

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
  const tmpDir = () => (tmp ??= mkdtempSync(join(tmpdir(), 'pathways-read-')));
  const cleanup = () => { if (tmp) rmSync(tmp, { recursive: true, force: true }); };
  try {
    let csvPath = path;
    let rowOffset = 2;
    if (format === 'xlsx') {
      csvPath = join(tmpDir(), 'sheet.csv');
      const { sheet, headerRow, notes: sheetNotes } = await xlsxSheetToCsv(path, profile.sheet, profile.headerRow, csvPath,
        [...Object.values(profile.columns), ...Object.values(profile.extraDimensions), ...profile.keep].map((c) => c.trim()));
      notes.push(`read sheet "${sheet}" with its header on row ${headerRow}`, ...sheetNotes);
      rowOffset = headerRow + 1;
    }
    if (format === 'csv' || format === 'xlsx') {
      const reading = await openCsv(c, csvPath, file, format === 'xlsx'
        ? { generated: true, tmpDir }
        : { delimiter: profile.delimiter, encoding: profile.encoding, tmpDir });
      notes.push(...reading.notes);
      checkRepeatedColumns(file, reading, [...Object.values(profile.columns), ...Object.values(profile.extraDimensions), ...profile.keep]);
      // No null_padding: a line with fewer fields than the header (a truncated export, a
      // stray line break) is malformed and reported, not silently filled with empty cells.
      const from = `read_csv($path, ${[...reading.options, 'store_rejects = true', "rejects_table = 'raw_rejects'", "rejects_scan = 'raw_rejects_scan'"].join(', ')})`;
      return { columns: reading.columns, from, params: reading.params, rowOffset, recordsMalformed: true, notes, cleanup };
    }
    if (format === 'json') await checkJsonDepth(path, file);
    const params: Record<string, DuckDBValue> = { path: csvPath };
    const from = format === 'parquet' ? 'read_parquet($path)' : "read_json($path, format = 'auto', union_by_name = true, sample_size = -1)";
    try {
      const types = await describe(c, from, params);
      return { columns: Object.keys(types), types, from, params, rowOffset: 1, recordsMalformed: false, notes, cleanup };
    } catch (err) {
      if (err instanceof PathwaysError) throw err;
      throw new PathwaysError('FILE_UNREADABLE', `${file} could not be read as ${format === 'parquet' ? 'Parquet' : 'JSON'}: ${firstLine((err as Error).message)}`, { file });
    }
  } catch (err) {
    cleanup();
    throw err;
  }
}

export type { TextEncoding } from './textEncoding';

/** How DuckDB reads one CSV file: the same for inspection and import, so both see the same columns. */
export interface CsvReading {
  /** read_csv options after the path ($path and the others bound in `params`). */
  options: string[];
  params: Record<string, DuckDBValue>;
  /** The file's columns as DuckDB names them (trimmed; blanks named column<i>; repeats numbered). */
  columns: string[];
  /** The header's names as the file writes them, one per column; null when they could not be told apart. */
  header: string[] | null;
  delimiter: string;
  hasHeader: boolean;
  /** The file's encoding ('latin-1' means Windows-1252: such a file is read from a UTF-8 copy). */
  encoding: TextEncoding;
  notes: string[];
}

const DELIMITERS = [',', ';', '\t', '|'];

/**
 * Works out how to read a CSV: encoding, delimiter and header. Quoting is always the standard
 * one (quote and escape '"'): left to itself, DuckDB's sniffer turns quoting off when one value
 * has a stray quote, and then every quoted comma in the file splits a value in two. When the
 * sniffer cannot make sense of a file with quoting on (that stray quote again), the delimiter
 * and the header are read from the file's first lines and every option is given explicitly,
 * so the good lines load and the broken one is reported. A Windows-1252 file is read from a
 * UTF-8 copy (DuckDB's own Latin-1 refuses ’, € and the other Windows letters); `prefixBytes`
 * limits that copy to the file's head (a preview needs no more). `tmpDir` makes (once) a folder
 * the caller removes. `generated`: a CSV this program wrote (a sheet of a workbook).
 */
export async function openCsv(c: DuckDBConnection, path: string, file: string, opts: {
  delimiter?: string | null; encoding?: TextEncoding | null; generated?: boolean; prefixBytes?: number; tmpDir: () => string;
}): Promise<CsvReading> {
  const notes: string[] = [];
  if (!opts.generated) {
    await checkLineLengths(path, file);
    checkTextFile(path, file, opts.encoding ?? bomEncoding(path));
  }
  let encoding: TextEncoding = opts.generated ? 'utf-8' : opts.encoding ?? bomEncoding(path) ?? (startsAsUtf8(path) ? 'utf-8' : 'latin-1');
  const params: Record<string, DuckDBValue> = { path };
  const delimiter = opts.generated ? ',' : opts.delimiter ?? null;
  const asWindows1252 = async () => {
    const copy = join(opts.tmpDir(), 'utf8.csv');
    await windows1252ToUtf8(path, copy, opts.prefixBytes);
    params.path = copy;
    if (!opts.encoding) notes.push(WINDOWS_1252_NOTE);
  };
  if (encoding === 'latin-1') await asWindows1252();
  const options = ['all_varchar = true', 'header = true', 'ignore_errors = true', `max_line_size = ${MAX_LINE_BYTES}`, "quote = '\"'", "escape = '\"'"];
  if (delimiter) { options.push('delim = $delim'); params.delim = delimiter; }
  if (encoding === 'utf-16') options.push("encoding = 'utf-16'");

  let failure = '';
  const sniff = async (): Promise<{ delimiter: string; skip: number; hasHeader: boolean } | null> => {
    try {
      const r = (await c.runAndReadAll(`SELECT Delimiter, SkipRows, HasHeader FROM sniff_csv($path, ${options.join(', ')})`, params)).getRowObjectsJS()[0];
      return { delimiter: String(r.Delimiter), skip: Number(r.SkipRows), hasHeader: Boolean(r.HasHeader) };
    } catch (err) {
      if (err instanceof PathwaysError) throw err; // a cancel, not a bad file
      failure = (err as Error).message;
      return null;
    }
  };
  let found = await sniff();
  // Not UTF-8 after all (past the first 64 KB): Windows exports are usually Windows-1252.
  if (!found && isEncodingError(failure) && encoding === 'utf-8' && !opts.encoding && !opts.generated) {
    encoding = 'latin-1';
    await asWindows1252();
    found = await sniff();
  }
  const sample = readSample(String(params.path), encoding);
  let columns: string[] | null = null;
  let header: string[] | null = null;
  let delim = delimiter ?? ',';
  let hasHeader = true;
  if (found) {
    try {
      columns = Object.keys(await describe(c, `read_csv($path, ${options.join(', ')})`, params));
    } catch (err) {
      if (err instanceof PathwaysError) throw err;
      failure = (err as Error).message;
    }
    delim = delimiter ?? found.delimiter;
    hasHeader = found.hasHeader;
    header = firstRecord(skipLines(sample, found.skip), delim);
    // One column while the first line splits in several on a usual delimiter: the sniffer gave
    // up on the delimiter because some line's quoting did not add up.
    if (columns?.length === 1 && !delimiter && found.skip === 0) {
      const guess = guessDelimiter(sample);
      if (guess && (firstRecord(sample, guess)?.length ?? 0) > 1) columns = null;
    }
  }
  if (!columns) {
    // Every option given: the delimiter from the first lines, the header as the first record.
    delim = delimiter ?? guessDelimiter(sample) ?? ',';
    header = firstRecord(sample, delim);
    if (!header || (header.length === 1 && header[0].trim() === '')) throw csvUnreadable(file, failure || 'the header row could not be read');
    columns = duckdbNames(header);
    hasHeader = true;
    if (!delimiter) { options.push('delim = $delim'); params.delim = delim; }
    options.push('auto_detect = false', 'columns = $columns');
    params.columns = structValue(Object.fromEntries(columns.map((n) => [n, 'VARCHAR'])));
    try {
      columns = Object.keys(await describe(c, `read_csv($path, ${options.join(', ')})`, params));
    } catch (err) {
      if (err instanceof PathwaysError) throw err;
      throw csvUnreadable(file, (err as Error).message);
    }
  }
  if (header && header.length !== columns.length) header = null;
  return { options, params, columns, header, delimiter: delim, hasHeader, encoding, notes };
}

/**
 * A column the mapping reads whose name the header has more than once: DuckDB numbers the
 * repeats (Gender, Gender_1) and the mapping would silently read the first. Refused with both
 * positions; the user renames one.
 */
export function checkRepeatedColumns(file: string, reading: Pick<CsvReading, 'columns' | 'header'>, mapped: string[]): void {
  const { header, columns } = reading;
  if (!header) return;
  const used = new Set(mapped);
  const groups = new Map<string, number[]>();
  header.forEach((h, i) => {
    const k = h.trim().toLowerCase();
    if (k) groups.set(k, [...(groups.get(k) ?? []), i]);
  });
  for (const at of groups.values()) {
    if (at.length < 2 || !at.some((i) => used.has(columns[i]))) continue;
    const name = header[at[0]].trim();
    const places = at.map((i) => `${i + 1} (${columnLetter(i)})`);
    const list = `${places.slice(0, -1).join(', ')} and ${places[places.length - 1]}`;
    throw new PathwaysError('MAPPING_INVALID',
      `${file}: the header has the column "${name}" ${at.length === 2 ? 'twice' : `${at.length} times`}, as columns ${list}; it is not clear which one to import. Rename or remove the others and import again.`,
      { file, column: name });
  }
}

const columnLetter = (i: number): string => (i < 26 ? '' : columnLetter(Math.floor(i / 26) - 1)) + String.fromCharCode(65 + (i % 26));

/** The names DuckDB gives a header: trimmed, a blank one column<i>, a repeat (in any case) <name>_<k>. */
export function duckdbNames(header: string[]): string[] {
  const width = String(Math.max(0, header.length - 1)).length;
  const taken = new Set<string>();
  const counts = new Map<string, number>();
  return header.map((raw, i) => {
    let name = raw.trim() || `column${String(i).padStart(width, '0')}`;
    const base = name;
    while (taken.has(name.toLowerCase())) {
      const k = (counts.get(base.toLowerCase()) ?? 0) + 1;
      counts.set(base.toLowerCase(), k);
      name = `${base}_${k}`;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}

/**
 * The first bytes of a file as text (the last, possibly cut, line dropped when the file goes
 * on), for the header and the delimiter: a few lines, never the data as a whole.
 */
function readSample(path: string, encoding: TextEncoding, bytes = 256 * 1024): string {
  const buf = Buffer.alloc(bytes);
  const fd = openSync(path, 'r');
  let n: number;
  try { n = readSync(fd, buf, 0, bytes, 0); } finally { closeSync(fd); }
  let b = buf.subarray(0, n);
  let text: string;
  if (encoding === 'utf-16') {
    const bigEndian = b[0] === 0xfe && b[1] === 0xff;
    b = b.subarray(0, b.length - (b.length % 2));
    text = (bigEndian ? Buffer.from(b).swap16() : b).toString('utf16le');
  } else {
    text = b.toString('utf8');
  }
  text = text.replace(/^\uFEFF/, '');
  if (n === bytes) { const nl = text.lastIndexOf('\n'); if (nl > 0) text = text.slice(0, nl + 1); }
  return text;
}

const skipLines = (text: string, n: number): string => {
  let at = 0;
  for (let i = 0; i < n && at >= 0; i++) { const nl = text.indexOf('\n', at); at = nl < 0 ? -1 : nl + 1; }
  return at < 0 ? '' : text.slice(at);
};

/**
 * The records of a CSV text with standard quoting (a value that starts with '"' runs to the
 * next lone '"'; '""' inside it is one quote), up to `max`; a record still open at the end of
 * the text is left out. Only for the first lines of a file.
 */
function records(text: string, delim: string, max: number): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let atStart = true;
  while (i < text.length && out.length < max) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
        quoted = false;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && atStart) { quoted = true; atStart = false; i++; continue; }
    if (text.startsWith(delim, i)) { row.push(field); field = ''; atStart = true; i += delim.length; continue; }
    if (ch === '\n' || ch === '\r') {
      row.push(field);
      out.push(row);
      row = []; field = ''; atStart = true;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += ch;
    atStart = false;
    i++;
  }
  if (!quoted && out.length < max && (field !== '' || row.length)) { row.push(field); out.push(row); }
  return out;
}

const firstRecord = (text: string, delim: string): string[] | null => records(text, delim, 1)[0] ?? null;

/**
 * The delimiter that splits the header into several fields and the most following lines into
 * as many; null when none splits the header.
 */
function guessDelimiter(text: string): string | null {
  let best: { d: string; score: number } | null = null;
  for (const d of DELIMITERS) {
    const rs = records(text, d, 200);
    const width = rs[0]?.length ?? 0;
    if (width < 2) continue;
    const score = rs.slice(1).filter((r) => r.length === width).length * 1000 + width;
    if (!best || score > best.score) best = { d, score };
  }
  return best?.d ?? null;
}

/** Column names to types, in file order. */
async function describe(c: DuckDBConnection, from: string, params: Record<string, DuckDBValue>): Promise<Record<string, string>> {
  const rows = (await c.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`, params)).getRowObjectsJS();
  return Object.fromEntries(rows.map((r) => [String(r.column_name), String(r.column_type)]));
}

/** Malformed CSV lines the scan set aside (wrong number of fields, bad quoting), with reasons. */
export async function malformedLines(c: DuckDBConnection, source: Source): Promise<{ row: number; reason: string }[]> {
  if (!source.recordsMalformed) return [];
  // One line can be set aside for several reasons (one per column): report it once, a quoting
  // problem first (it causes the others). A quote never closed swallows the lines after it up
  // to the next quote: only how many is read from the record's text, never the text itself.
  const rej = (await c.runAndReadAll(`SELECT line,
      first(error_type ORDER BY contains(upper(error_type), 'QUOTE') DESC, column_idx) AS error_type,
      first(error_message ORDER BY contains(upper(error_type), 'QUOTE') DESC, column_idx) AS error_message,
      max(length(rtrim(csv_line, chr(13) || chr(10))) - length(replace(rtrim(csv_line, chr(13) || chr(10)), chr(10), ''))) AS breaks,
      max(length(csv_line) - length(replace(csv_line, '"', ''))) % 2 = 1 AS open_quote
    FROM raw_rejects GROUP BY line ORDER BY line`)).getRowObjectsJS();
  await c.run('DROP TABLE IF EXISTS raw_rejects; DROP TABLE IF EXISTS raw_rejects_scan;');
  return rej.map((r) => {
    const row = Number(r.line) + (source.rowOffset - 2);
    return { row, reason: describeCsvError(String(r.error_type), String(r.error_message), row, Number(r.breaks ?? 0), r.open_quote === true) };
  });
}

function describeCsvError(rawType: string, message: string, row: number, breaks: number, openQuote: boolean): string {
  const swallowed = breaks > 0
    ? `a quoted value is never closed: the ${breaks === 1 ? `next line (row ${row + 1}) was` : `next ${breaks} lines (rows ${row + 1} to ${row + breaks}) were`} read into it and not imported; close the quote and import again`
    : openQuote ? 'a quoted value is never closed' : null;
  // DuckDB names the types with spaces ("MISSING COLUMNS"), older versions with underscores.
  switch (rawType.toUpperCase().replace(/\s+/g, '_')) {
    case 'MISSING_COLUMNS':
    case 'TOO_FEW_COLUMNS': return 'the line has fewer fields than the header (cut off?)';
    case 'TOO_MANY_COLUMNS': return 'the line has more fields than the header';
    case 'UNQUOTED_VALUE': return swallowed ?? 'a quote inside a quoted value is not escaped (it is written twice: "")';
    case 'UNTERMINATED_QUOTE':
    case 'UNTERMINATED_QUOTES': return swallowed ?? 'a quoted value is never closed';
    case 'INVALID_UNICODE':
    case 'INVALID_ENCODING': return 'the line has bytes that are not valid text in this encoding';
    case 'LINE_SIZE_OVER_MAXIMUM':
    case 'LINE_SIZE_OVER_MAX': return 'the line is longer than the reader accepts';
    default: return firstLine(message);
  }
}
