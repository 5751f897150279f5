import { openSync, readSync, closeSync, statSync } from 'node:fs';
import { extname, basename } from 'node:path';
import { PathwaysError } from '../errors';

export type FileFormat = 'csv' | 'xlsx' | 'parquet' | 'json';

/** The format from the file's first bytes, falling back to its extension for text formats. */
export function detectFormat(path: string, name = basename(path)): FileFormat {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new PathwaysError('FILE_UNREADABLE', `${name} cannot be read: no such file or no permission.`, { file: name });
  }
  const head = Buffer.alloc(8);
  const fd = openSync(path, 'r');
  try { readSync(fd, head, 0, 8, 0); } finally { closeSync(fd); }
  const ext = extname(name).toLowerCase();
  if (head.subarray(0, 4).toString('latin1') === 'PAR1') return 'parquet';
  if (head[0] === 0x50 && head[1] === 0x4b) {
    if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
    throw new PathwaysError('UNSUPPORTED_FORMAT', `${name} is a ZIP archive, not a spreadsheet Pathways can read (use .xlsx, .csv, .parquet or .json).`, { file: name });
  }
  if (ext === '.xlsx' || ext === '.xlsm') {
    throw new PathwaysError('UNSUPPORTED_FORMAT', `${name} is named .xlsx but is not an Excel workbook.`, { file: name });
  }
  if (ext === '.xls') throw new PathwaysError('UNSUPPORTED_FORMAT', `${name} is an old-style .xls workbook: save it as .xlsx or .csv.`, { file: name });
  if (ext === '.parquet') throw new PathwaysError('UNSUPPORTED_FORMAT', `${name} is named .parquet but is not a Parquet file.`, { file: name });
  if (size === 0) throw new PathwaysError('FILE_UNREADABLE', `${name} is empty.`, { file: name });
  if (ext === '.json' || ext === '.ndjson' || ext === '.jsonl') return 'json';
  const first = head.toString('utf8').replace(/^\uFEFF/, '').trimStart()[0];
  if (first === '[' || first === '{') return 'json';
  return 'csv';
}
