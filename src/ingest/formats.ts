import { openSync, readSync, closeSync, statSync } from 'node:fs';
import { extname, basename } from 'node:path';
import { PathwaysError } from '../errors';

export type FileFormat = 'csv' | 'xlsx' | 'parquet' | 'json';

/** The format from the file's first bytes, falling back to its extension for text formats. */
export function detectFormat(path: string): FileFormat {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new PathwaysError('FILE_UNREADABLE', `${basename(path)} cannot be read: no such file or no permission.`, { file: basename(path) });
  }
  const head = Buffer.alloc(8);
  const fd = openSync(path, 'r');
  try { readSync(fd, head, 0, 8, 0); } finally { closeSync(fd); }
  const ext = extname(path).toLowerCase();
  if (head.subarray(0, 4).toString('latin1') === 'PAR1') return 'parquet';
  if (head[0] === 0x50 && head[1] === 0x4b) {
    if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
    throw new PathwaysError('UNSUPPORTED_FORMAT', `${basename(path)} is a ZIP archive, not a spreadsheet Pathways can read (use .xlsx, .csv, .parquet or .json).`, { file: basename(path) });
  }
  if (ext === '.xlsx' || ext === '.xlsm') {
    throw new PathwaysError('UNSUPPORTED_FORMAT', `${basename(path)} is named .xlsx but is not an Excel workbook.`, { file: basename(path) });
  }
  if (ext === '.xls') throw new PathwaysError('UNSUPPORTED_FORMAT', `${basename(path)} is an old-style .xls workbook: save it as .xlsx or .csv.`, { file: basename(path) });
  if (ext === '.parquet') throw new PathwaysError('UNSUPPORTED_FORMAT', `${basename(path)} is named .parquet but is not a Parquet file.`, { file: basename(path) });
  if (size === 0) throw new PathwaysError('FILE_UNREADABLE', `${basename(path)} is empty.`, { file: basename(path) });
  if (ext === '.json' || ext === '.ndjson' || ext === '.jsonl') return 'json';
  const first = head.toString('utf8').replace(/^\uFEFF/, '').trimStart()[0];
  if (first === '[' || first === '{') return 'json';
  return 'csv';
}
