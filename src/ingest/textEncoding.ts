import { openSync, readSync, closeSync, createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { isUtf8 } from 'node:buffer';
import { PathwaysError } from '../errors';

// What a text export's bytes are before DuckDB reads them: text at all, UTF-8, or Windows-1252
// to be copied as UTF-8 (DuckDB's Latin-1 reader refuses the bytes Windows puts its quotes in).

export type TextEncoding = 'utf-8' | 'latin-1' | 'utf-16';

/**
 * Refuses a file that is not text before DuckDB tries to read it: more than a few NUL bytes
 * (never in a text export, except UTF-16) or many control characters in the first 64 KB. A gzip or ZIP archive,
 * an executable, a database file all say so here instead of failing as a "not latin-1" CSV.
 */
export function checkTextFile(path: string, file: string, encoding: TextEncoding | null): void {
  if (encoding === 'utf-16') return;
  const buf = Buffer.alloc(64 * 1024);
  const fd = openSync(path, 'r');
  let n: number;
  try { n = readSync(fd, buf, 0, buf.length, 0); } finally { closeSync(fd); }
  const b = buf.subarray(0, n);
  let nul = 0;
  let oddNul = 0;
  let control = 0;
  for (let i = 0; i < b.length; i++) {
    const x = b[i];
    if (x === 0) { nul++; if (i % 2) oddNul++; } else if ((x < 0x20 && x !== 9 && x !== 10 && x !== 12 && x !== 13 && x !== 0x1a) || x === 0x7f) control++;
  }
  // A stray NUL or two in a damaged export of text is read as text, as DuckDB reads it; archives,
  // programs and database files hold them by the thousand.
  if (nul <= Math.max(4, b.length / 1000) && control <= Math.max(8, b.length / 100)) return;
  // ASCII text as UTF-16 without its byte-order mark: every other byte is NUL.
  if (nul > b.length / 4 && (oddNul > nul * 0.95 || oddNul < nul * 0.05)) {
    throw new PathwaysError('FILE_UNREADABLE', `${file} is not a text file Pathways can read: it looks like UTF-16 text without a byte-order mark. Save it as CSV UTF-8 and import that.`, { file });
  }
  const exportAs = 'Export the data as CSV, Excel (.xlsx), Parquet or JSON and import that.';
  const why = b[0] === 0x1f && b[1] === 0x8b ? 'it is a gzip archive: unpack it and import the file inside.'
    : b.subarray(0, 4).toString('latin1') === '\x7fELF' ? `it is a program. ${exportAs}`
      : b.subarray(0, 16).toString('latin1').startsWith('SQLite format 3') ? `it is a SQLite database. ${exportAs}`
        : nul ? `it has NUL bytes, which text never has. ${exportAs}` : `it has many control characters. ${exportAs}`;
  throw new PathwaysError('FILE_UNREADABLE', `${file} is not a text file (it looks binary): ${why}`, { file });
}

/** Windows-1252's letters for the bytes 0x80-0x9F (Latin-1 has control codes there); the five unused bytes stay as they are. */
const CP1252_HIGH = '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F'
  + '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/** One chunk of Windows-1252 bytes as text (a one-byte encoding: chunks may be cut anywhere). */
export function decodeWindows1252(bytes: Buffer): string {
  const s = bytes.toString('latin1');
  return /[\x80-\x9f]/.test(s) ? s.replace(/[\x80-\x9f]/g, (ch) => CP1252_HIGH[ch.charCodeAt(0) - 0x80]) : s;
}

/**
 * Copies a Windows-1252 file as UTF-8, streaming, for DuckDB to read (its Latin-1 reader
 * refuses 0x80-0x9F, where Windows puts ’ “ ” – — € and others). Node's TextDecoder is not
 * used: some Node versions decode 'windows-1252' as plain Latin-1. With `limit`, only the
 * file's head up to its last whole line within the limit is copied.
 */
export async function windows1252ToUtf8(src: string, dest: string, limit?: number): Promise<void> {
  const out = createWriteStream(dest);
  let left = limit ?? Infinity;
  try {
    for await (const chunk of createReadStream(src, { highWaterMark: 4 << 20 })) {
      let bytes = chunk as Buffer;
      if (bytes.length >= left) {
        bytes = bytes.subarray(0, left);
        const nl = bytes.lastIndexOf(10);
        if (nl >= 0) bytes = bytes.subarray(0, nl + 1);
        left = 0;
      } else left -= bytes.length;
      if (!out.write(Buffer.from(decodeWindows1252(bytes), 'utf8'))) await once(out, 'drain');
      if (left <= 0) break;
    }
  } finally {
    out.end();
    await once(out, 'close');
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
