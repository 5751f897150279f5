import { createReadStream } from 'node:fs';
import { PathwaysError } from '../errors';

/** The longest line a CSV export may have (DuckDB's reader is told the same). */
export const MAX_LINE_BYTES = 16 * 2 ** 20;

/**
 * Refuses a text file with a line longer than the limit before DuckDB's sniffer sees it: the
 * sniffer spends minutes on a gigabyte-long line before it gives up. One streaming pass with
 * the native newline search; quoted line breaks only make lines shorter, so they cannot hide one.
 */
export async function checkLineLengths(path: string, name: string, limit = MAX_LINE_BYTES): Promise<void> {
  let run = 0;
  let line = 1;
  for await (const chunk of createReadStream(path, { highWaterMark: 4 << 20 })) {
    const bytes = chunk as Buffer;
    let from = 0;
    for (;;) {
      const nl = bytes.indexOf(10, from);
      const len = (nl < 0 ? bytes.length : nl) - from;
      if (run + len > limit) {
        throw new PathwaysError('FILE_UNREADABLE', `${name} has a line longer than ${limit / 2 ** 20} MB (line ${line}): no export of records has lines that long; the file may not be a CSV, or a quote may never be closed.`, { file: name, row: line });
      }
      if (nl < 0) { run += len; break; }
      run = 0;
      line++;
      from = nl + 1;
    }
  }
}
