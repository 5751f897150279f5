import { basename, join } from 'node:path';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { PathwaysError } from '../errors';
import { detectFormat } from './formats';
import { checkJsonDepth } from './jsonDepth';
import { openCsv } from './readSource';
import { readWorkbook, previewSheets, guessHeaderRow, xlsxSheetToCsv, type SheetPreview } from './xlsx';
import { suggestMapping, type ColumnSample } from './suggestMapping';
import type { FileInspection } from './importReport';
import { normalizeHeader } from './aliases';
import type { Workspace } from '../workspace/workspace';
import { MappingProfileSchema, type MappingProfile } from './mappingProfile';
import { readErrorReason } from './readError';

export type { FileInspection } from './importReport';

const PREVIEW_ROWS = 20;
/** A Windows-1252 file is previewed from a UTF-8 copy of its head only. */
const PREVIEW_BYTES = 8 * 2 ** 20;

/** sha256 of the normalized, ordered header: the key under which mapping profiles are saved. */
export const headerSignature = (columns: string[]): string =>
  createHash('sha256').update(columns.map(normalizeHeader).join('\u001f')).digest('hex');

/**
 * Reads only the head of a file (DuckDB stops early under LIMIT) to show a preview and
 * suggest a mapping. Nothing is written to the workspace.
 */
export async function inspectFile(path: string, opts: { ws?: Workspace; name?: string; sheet?: string | null; headerRow?: number | null; delimiter?: string | null; encoding?: 'utf-8' | 'latin-1' | 'utf-16' | null } = {}): Promise<FileInspection> {
  const file = opts.name ?? basename(path);
  const format = detectFormat(path, file);
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  let tmp: string | undefined;
  const tmpDir = () => (tmp ??= mkdtempSync(join(tmpdir(), 'pathways-inspect-')));
  try {
    let sheets: SheetPreview[] | null = null;
    let sheet: string | null = null;
    let headerRow: number | null = null;
    let csvPath = path;
    if (format === 'json') await checkJsonDepth(path, file);
    if (format === 'xlsx') {
      // Read once: the preview and the sheet's conversion share it (a large sheet takes seconds).
      const workbook = await readWorkbook(path);
      sheets = previewSheets(workbook);
      // Without a choice, the sheet that looks most like one of the canonical tables (a
      // workbook often opens on a summary sheet).
      const chosen = opts.sheet ? sheets.find((s) => s.sheet === opts.sheet) : bestSheet(sheets);
      if (!chosen) throw new PathwaysError('MAPPING_INVALID', `${file} has no sheet named "${opts.sheet}".`, { file });
      sheet = chosen.sheet;
      headerRow = opts.headerRow ?? guessHeaderRow(chosen.rows);
      csvPath = join(tmpDir(), 'sheet.csv');
      // Nothing is read from the cells yet: the import checks the formulas of the columns it maps.
      await xlsxSheetToCsv(workbook, sheet, headerRow, csvPath, []);
    }
    let dialect: FileInspection['dialect'] = null;
    let rows: Record<string, unknown>[];
    let columns: string[];
    if (format === 'csv' || format === 'xlsx') {
      // Read as the import reads it (encoding, byte-order mark, quoting, line size), so the
      // preview and the mapping name the columns the import will find.
      const reading = await openCsv(c, csvPath, file, format === 'xlsx'
        ? { generated: true, tmpDir }
        : { delimiter: opts.delimiter, encoding: opts.encoding, tmpDir, prefixBytes: PREVIEW_BYTES });
      const reader = await c.runAndReadAll(`SELECT * FROM read_csv($path, ${reading.options.join(', ')}) LIMIT ${PREVIEW_ROWS}`, reading.params)
        .catch((e) => { throw readError(file, format, e); });
      rows = reader.getRowObjectsJS() as Record<string, unknown>[];
      columns = reader.columnNames();
      if (format === 'csv') dialect = { delimiter: reading.delimiter, header: reading.hasHeader, encoding: reading.encoding };
    } else {
      const fn = format === 'parquet' ? 'read_parquet($path)' : "read_json($path, format = 'auto', union_by_name = true)";
      const reader = await c.runAndReadAll(`SELECT COLUMNS(*)::VARCHAR FROM ${fn} LIMIT ${PREVIEW_ROWS}`, { path }).catch((e) => { throw readError(file, format, e); });
      rows = reader.getRowObjectsJS() as Record<string, unknown>[];
      columns = reader.columnNames();
    }
    const preview = rows.map((r) => columns.map((col) => (r[col] === null || r[col] === undefined ? '' : String(r[col]))));
    const samples: ColumnSample[] = columns.map((name, i) => ({ name, samples: preview.map((r) => r[i]).filter((v) => v.trim() !== '').slice(0, 12) }));
    const signature = headerSignature(columns);
    const savedProfile = opts.ws ? await findSavedProfile(opts.ws, signature, columns) : null;
    return { file, format, dialect, sheets, sheet, headerRow, columns, preview, headerSignature: signature, suggestion: suggestMapping(samples), savedProfile };
  } finally {
    c.closeSync();
    db.closeSync();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

function bestSheet(sheets: SheetPreview[]): SheetPreview | undefined {
  let best: { sheet: SheetPreview; score: number } | undefined;
  for (const sheet of sheets) {
    const h = guessHeaderRow(sheet.rows);
    const header = sheet.rows[h - 1] ?? [];
    const body = sheet.rows.slice(h);
    const samples = header.map((name, i) => ({ name, samples: body.map((r) => r[i] ?? '').filter((v) => v.trim() !== '') }));
    const s = suggestMapping(samples.filter((c) => c.name.trim() !== ''));
    const score = s.table ? s.confidence : -1;
    if (!best || score > best.score) best = { sheet, score };
  }
  return best?.sheet;
}

/**
 * The profile saved for this header. The signature matches headers that differ only in case,
 * spacing or punctuation (one export says "Employee ID", the next employee_id), so the profile
 * is pointed at this file's own names for the same columns.
 */
async function findSavedProfile(ws: Workspace, signature: string, columns: string[]): Promise<MappingProfile | null> {
  const rows = await ws.all<{ profile: string }>('SELECT profile::VARCHAR AS profile FROM mapping_profiles WHERE header_signature = $s', { s: signature });
  if (!rows.length) return null;
  const parsed = MappingProfileSchema.safeParse(JSON.parse(rows[0].profile));
  if (!parsed.success) return null;
  const byForm = new Map(columns.map((c) => [normalizeHeader(c), c]));
  const here = (col: string) => byForm.get(normalizeHeader(col)) ?? col;
  const p = parsed.data;
  return {
    ...p,
    columns: Object.fromEntries(Object.entries(p.columns).map(([field, col]) => [field, here(col)])),
    extraDimensions: Object.fromEntries(Object.entries(p.extraDimensions).map(([dim, col]) => [dim, here(col)])),
    keep: p.keep.map(here),
  };
}

function readError(file: string, format: string, err: unknown): PathwaysError {
  return new PathwaysError('FILE_UNREADABLE', `${file} could not be read as ${format.toUpperCase()}: ${readErrorReason(String((err as Error).message))}`, { file });
}

export type { DuckDBConnection };
