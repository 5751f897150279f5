import { createReadStream } from 'node:fs';
import { Unzip, UnzipInflate } from 'fflate';
import { PathwaysError } from '../errors';

/**
 * The most a workbook may expand to. The XLSX reader builds every sheet in memory (it has no
 * streaming mode), so a workbook much larger than this would exhaust memory long before it
 * was read; such exports belong in CSV, which DuckDB reads itself at any size.
 */
export const MAX_XLSX_EXPANDED_BYTES = 160 * 2 ** 20;

/** The parts of a workbook that the same pass can tell about, so that nothing inflates it again to learn them. */
export interface ZipSurvey {
  /** The workbook's sheet list and its relationships (xl/workbook.xml, xl/_rels/workbook.xml.rels), kept whole: a few KB. */
  kept: Map<string, Uint8Array>;
  /** The worksheets whose XML holds a formula or an error cell ('<f', 't="e"'): only they need the formula check. */
  withFormulas: Set<string>;
}

const KEPT = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels']);
const MARKERS = ['<f', 't="e"'].map((m) => Buffer.from(m));
/** Longest marker, less one: the bytes of a chunk's end carried over, so that a marker split across two chunks is found. */
const CARRY = Math.max(...MARKERS.map((m) => m.length)) - 1;

/**
 * Inflates the archive once, counting what each entry really expands to (a ZIP's own size
 * fields can lie), and stops at the limit: a ZIP bomb costs a bounded amount of time and no
 * memory beyond one chunk. Runs before the XLSX reader sees the file. On the way it surveys
 * the workbook for the formula check (src/ingest/xlsxFormulas.ts).
 */
export async function checkZipExpansion(path: string, name: string, limit = MAX_XLSX_EXPANDED_BYTES): Promise<ZipSurvey> {
  let total = 0;
  let failure: PathwaysError | null = null;
  const survey: ZipSurvey = { kept: new Map(), withFormulas: new Set() };
  const tooBig = () => new PathwaysError('FILE_UNREADABLE',
    `${name} expands to more than ${Math.round(limit / 2 ** 20)} MB of spreadsheet data, more than Pathways reads from a workbook (it may be a ZIP bomb). Save the sheet as CSV and import that instead.`, { file: name });
  const unzip = new Unzip((file) => {
    const keep = KEPT.has(file.name) ? [] as Uint8Array[] : null;
    const scan = file.name.startsWith('xl/worksheets/') && file.name.endsWith('.xml');
    let carried = Buffer.alloc(0);
    file.ondata = (err, chunk, final) => {
      if (failure) return;
      if (err) { failure = new PathwaysError('FILE_UNREADABLE', `${name} is not a readable Excel workbook: its ZIP archive is damaged (${err.message}).`, { file: name }); return; }
      total += chunk.length;
      if (total > limit) { failure = tooBig(); file.terminate(); return; }
      if (keep) {
        keep.push(chunk.slice());
        if (final) survey.kept.set(file.name, Buffer.concat(keep));
      }
      if (scan && !survey.withFormulas.has(file.name)) {
        const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        const seam = Buffer.concat([carried, bytes.subarray(0, CARRY)]);
        if (MARKERS.some((m) => bytes.includes(m) || seam.includes(m))) survey.withFormulas.add(file.name);
        carried = Buffer.from(bytes.subarray(Math.max(0, bytes.length - CARRY)));
      }
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
  return survey;
}
