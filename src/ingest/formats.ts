import { openSync, readSync, closeSync, statSync } from 'node:fs';
import { extname, basename } from 'node:path';
import { PathwaysError } from '../errors';

export type FileFormat = 'csv' | 'xlsx' | 'parquet' | 'json';

/** The format from the file's first bytes, falling back to its extension for text formats. */
export function detectFormat(path: string, name = basename(path)): FileFormat {
  let size: number;
  try {
    const st = statSync(path);
    // A folder, a device (/dev/zero is endless) or a pipe is never an export file.
    if (!st.isFile()) throw new PathwaysError('FILE_UNREADABLE', `${name} is not a file (it is a folder, a device or a pipe).`, { file: name });
    size = st.size;
  } catch (err) {
    if (err instanceof PathwaysError) throw err;
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

/** The encoding a byte-order mark declares: Excel's "Unicode text" export is UTF-16 with a BOM. */
export function bomEncoding(path: string): 'utf-16' | null {
  const head = Buffer.alloc(2);
  const fd = openSync(path, 'r');
  try { readSync(fd, head, 0, 2, 0); } finally { closeSync(fd); }
  return (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff) ? 'utf-16' : null;
}
