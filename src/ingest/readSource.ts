import { basename, join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { DuckDBConnection } from '@duckdb/node-api';
import { PathwaysError } from '../errors';
import type { FileFormat } from './formats';
import type { MappingProfile } from './mappingProfile';
import { xlsxSheetToCsv } from './xlsx';

export interface RawSource {
  /** All source columns as VARCHAR, in file order. */
  columns: string[];
  rows: number;
  /** Add to a raw rowid to get the row number a person sees in the file (header = row 1). */
  rowOffset: number;
  /** Lines DuckDB's CSV reader could not parse at all (wrong number of fields, bad quoting). */
  malformed: { row: number; reason: string }[];
  notes: string[];
  cleanup(): void;
}

const isEncodingError = (msg: string) => /unicode|UTF-8|utf8|byte sequence/i.test(msg);

/**
 * Loads one file into the temp table `raw`, every column as text: the typing and checking
 * happen afterwards in SQL, where a bad value becomes a reported reject instead of an error
 * that stops the whole file. DuckDB reads the file itself; paths and options are bound.
 */
export async function loadRaw(c: DuckDBConnection, path: string, format: FileFormat, profile: MappingProfile): Promise<RawSource> {
  const file = basename(path);
  const notes: string[] = [];
  let tmp: string | undefined;
  const cleanup = () => { if (tmp) rmSync(tmp, { recursive: true, force: true }); };
  let rowOffset = 2;
  let csvPath = path;
  try {
    if (format === 'xlsx') {
      tmp = mkdtempSync(join(tmpdir(), 'pathways-xlsx-'));
      csvPath = join(tmp, 'sheet.csv');
      const { sheet, headerRow } = await xlsxSheetToCsv(path, profile.sheet, profile.headerRow, csvPath);
      notes.push(`read sheet "${sheet}" with its header on row ${headerRow}`);
      rowOffset = headerRow + 1;
    }
    const malformed: { row: number; reason: string }[] = [];
    if (format === 'csv' || format === 'xlsx') {
      const opts = ['all_varchar = true', 'header = true', 'null_padding = true', 'ignore_errors = true', 'store_rejects = true', "rejects_table = 'raw_rejects'", "rejects_scan = 'raw_rejects_scan'"];
      const params: Record<string, string> = { path: csvPath };
      if (format === 'xlsx') opts.push("delim = ','", "quote = '\"'", "encoding = 'utf-8'");
      if (format === 'csv' && profile.delimiter) { opts.push('delim = $delim'); params.delim = profile.delimiter; }
      if (format === 'csv' && profile.encoding) { opts.push('encoding = $encoding'); params.encoding = profile.encoding; }
      const sql = `CREATE OR REPLACE TEMP TABLE raw AS SELECT * FROM read_csv($path, ${opts.join(', ')})`;
      try {
        await c.run(sql, params);
      } catch (err) {
        const msg = (err as Error).message;
        if (format === 'csv' && !profile.encoding && isEncodingError(msg)) {
          // Not UTF-8: Windows exports are usually Windows-1252, which Latin-1 reads for every letter.
          params.encoding = 'latin-1';
          await c.run(sql.replace('ignore_errors = true', 'ignore_errors = true, encoding = $encoding'), params);
          notes.push('the file is not UTF-8; read it as Latin-1 (Windows-1252)');
        } else {
          throw new PathwaysError('FILE_UNREADABLE', `${file} could not be read as CSV: ${firstLine(msg)}`, { file });
        }
      }
      const rej = (await c.runAndReadAll('SELECT line, error_type, error_message FROM raw_rejects ORDER BY line')).getRowObjectsJS();
      for (const r of rej) {
        malformed.push({ row: Number(r.line) + (rowOffset - 2), reason: describeCsvError(String(r.error_type), String(r.error_message)) });
      }
      await c.run('DROP TABLE IF EXISTS raw_rejects; DROP TABLE IF EXISTS raw_rejects_scan;');
    } else if (format === 'parquet') {
      rowOffset = 1;
      await c.run('CREATE OR REPLACE TEMP TABLE raw AS SELECT COLUMNS(*)::VARCHAR FROM read_parquet($path)', { path }).catch((err) => {
        throw new PathwaysError('FILE_UNREADABLE', `${file} could not be read as Parquet: ${firstLine((err as Error).message)}`, { file });
      });
    } else {
      rowOffset = 1;
      await c.run("CREATE OR REPLACE TEMP TABLE raw AS SELECT COLUMNS(*)::VARCHAR FROM read_json($path, format = 'auto', union_by_name = true, sample_size = -1)", { path }).catch((err) => {
        throw new PathwaysError('FILE_UNREADABLE', `${file} could not be read as JSON: ${firstLine((err as Error).message)}`, { file });
      });
    }
    const desc = (await c.runAndReadAll("SELECT column_name FROM (DESCRIBE raw)")).getRowObjectsJS();
    const count = (await c.runAndReadAll('SELECT count(*) AS n FROM raw')).getRowObjectsJS()[0].n as bigint;
    return { columns: desc.map((d) => String(d.column_name)), rows: Number(count), rowOffset, malformed, notes, cleanup };
  } catch (err) {
    cleanup();
    throw err;
  }
}

const firstLine = (s: string) => s.split('\n')[0].slice(0, 300);

function describeCsvError(type: string, message: string): string {
  switch (type) {
    case 'TOO_MANY_COLUMNS': return 'the line has more fields than the header';
    case 'TOO_FEW_COLUMNS': return 'the line has fewer fields than the header';
    case 'UNQUOTED_VALUE': return 'a quote inside a value is not escaped';
    case 'INVALID_UNICODE': return 'the line has bytes that are not valid text in this encoding';
    case 'LINE_SIZE_OVER_MAX': return 'the line is longer than the reader accepts';
    default: return firstLine(message);
  }
}
