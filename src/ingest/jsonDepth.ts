import { createReadStream } from 'node:fs';
import { PathwaysError } from '../errors';

/** Canonical records are flat; vendor exports nest a few levels at most. */
export const MAX_JSON_DEPTH = 64;

/**
 * DuckDB's JSON reader recurses into nested values on the native stack, and a file nested
 * deeply enough (100,000 brackets) crashes the process. One streaming pass over the bytes,
 * tracking strings and brackets, refuses such a file first. It reads bytes, not records:
 * the rows are still parsed by DuckDB.
 */
export async function checkJsonDepth(path: string, name: string, limit = MAX_JSON_DEPTH): Promise<void> {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let offset = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const bytes = chunk as Buffer;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (inString) {
        if (escaped) escaped = false;
        else if (b === 0x5c) escaped = true;
        else if (b === 0x22) inString = false;
      } else if (b === 0x22) inString = true;
      else if (b === 0x5b || b === 0x7b) {
        if (++depth > limit) {
          throw new PathwaysError('FILE_UNREADABLE', `${name} nests values more than ${limit} levels deep (at byte ${offset + i + 1}); an export of records is never nested like that.`, { file: name });
        }
      } else if ((b === 0x5d || b === 0x7d) && depth > 0) depth--;
    }
    offset += bytes.length;
  }
}
