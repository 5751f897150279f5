import { createReadStream } from 'node:fs';
import { Unzip, UnzipInflate } from 'fflate';
import { PathwaysError } from '../errors';

/**
 * The most a workbook may expand to. The XLSX reader builds every sheet in memory (it has no
 * streaming mode), so a workbook much larger than this would exhaust memory long before it
 * was read; such exports belong in CSV, which DuckDB reads itself at any size.
 */
export const MAX_XLSX_EXPANDED_BYTES = 160 * 2 ** 20;

/**
 * Inflates the archive once, counting what each entry really expands to (a ZIP's own size
 * fields can lie), and stops at the limit: a ZIP bomb costs a bounded amount of time and no
 * memory beyond one chunk. Runs before the XLSX reader sees the file.
 */
export async function checkZipExpansion(path: string, name: string, limit = MAX_XLSX_EXPANDED_BYTES): Promise<void> {
  let total = 0;
  let failure: PathwaysError | null = null;
  const tooBig = () => new PathwaysError('FILE_UNREADABLE',
    `${name} expands to more than ${Math.round(limit / 2 ** 20)} MB of spreadsheet data, more than Pathways reads from a workbook (it may be a ZIP bomb). Save the sheet as CSV and import that instead.`, { file: name });
  const unzip = new Unzip((file) => {
    file.ondata = (err, chunk) => {
      if (failure) return;
      if (err) { failure = new PathwaysError('FILE_UNREADABLE', `${name} is not a readable Excel workbook: its ZIP archive is damaged (${err.message}).`, { file: name }); return; }
      total += chunk.length;
      if (total > limit) { failure = tooBig(); file.terminate(); }
    };
    if (file.originalSize !== undefined && file.originalSize > limit) { failure = tooBig(); return; }
    file.start();
  });
  unzip.register(UnzipInflate);
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream) {
      unzip.push(chunk as Uint8Array);
      if (failure) break;
    }
    if (!failure) unzip.push(new Uint8Array(0), true);
  } catch (err) {
    if (!failure) failure = new PathwaysError('FILE_UNREADABLE', `${name} is not a readable Excel workbook: ${(err as Error).message}.`, { file: name });
  } finally {
    stream.destroy();
  }
  if (failure) throw failure;
}
