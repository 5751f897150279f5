import { tableFromIPC, Type, type Data, type Table } from 'apache-arrow';
import { ApiError } from './apiError';
import { parseModelMeta, type ModelMeta } from '../model/modelMeta';

/** Arrow gives 64-bit integers as bigint; the counts here are small. */
export const plain = (v: unknown): unknown => (typeof v === 'bigint' ? Number(v) : v ?? null);

/**
 * A model result's Arrow table and its "pathways" metadata. Only reads Arrow (tableFromIPC);
 * the builders, which compile code at run time, stay out of the bundle.
 */
export function readModelTable(bytes: Uint8Array): { table: Table; meta: ModelMeta } {
  let table: Table;
  try {
    table = tableFromIPC(bytes);
  } catch (err) {
    throw new ApiError({ code: 'INTERNAL', message: `The model result could not be read (${(err as Error).message}).` });
  }
  const raw = table.schema.metadata.get('pathways');
  const meta = parseModelMeta(raw ? JSON.parse(raw) : null);
  if (!meta) throw new ApiError({ code: 'INTERNAL', message: 'The model result has no description; Pathways may need to be updated.' });
  return { table, meta };
}

/**
 * The named columns of an Arrow table as plain row objects (numbers, strings, booleans, null).
 * The model results' own column types (Utf8, Float64, Int32, Bool) are read straight from
 * each batch's buffers: Arrow's per-cell get() and iterators cost about 200 ns a cell, 80 ms
 * for a survival curve's 15,000 points. Any other type goes through the vector's iterator.
 */
export function tableRows(table: Table, names: readonly string[]): Record<string, unknown>[] {
  const n = table.numRows;
  const columns = names.map((name) => {
    const vec = table.getChild(name);
    const values: unknown[] = new Array(n).fill(null);
    if (!vec) return values;
    let at = 0;
    for (const data of vec.data) {
      if (!readBuffers(data, values, at)) {
        let i = at;
        for (const v of vec.slice(at, at + data.length)) values[i++] = plain(v);
      }
      at += data.length;
    }
    return values;
  });
  const rows: Record<string, unknown>[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row: Record<string, unknown> = {};
    for (let c = 0; c < names.length; c++) row[names[c]] = columns[c][i];
    rows[i] = row;
  }
  return rows;
}

const utf8 = new TextDecoder();

/**
 * Fills values[at..] from one batch's buffers; false for a type read otherwise. Indexes as
 * Arrow's own getters do: a slice's value and offset buffers start at its first row, its
 * validity bits and boolean bits at `offset`.
 */
function readBuffers(data: Data, values: unknown[], at: number): boolean {
  const { length, offset, nullBitmap } = data;
  const all = !nullBitmap || data.nullCount === 0;
  const present = (i: number) => all || ((nullBitmap[(offset + i) >> 3] >> ((offset + i) & 7)) & 1) === 1;
  switch (data.typeId) {
    case Type.Float:
    case Type.Int: {
      const v = data.values as Float64Array | Int32Array;
      if (!(v instanceof Float64Array || v instanceof Int32Array)) return false;
      for (let i = 0; i < length; i++) values[at + i] = present(i) ? v[i] : null;
      return true;
    }
    case Type.Bool: {
      const v = data.values as Uint8Array;
      for (let i = 0; i < length; i++) values[at + i] = present(i) ? ((v[(offset + i) >> 3] >> ((offset + i) & 7)) & 1) === 1 : null;
      return true;
    }
    case Type.Utf8: {
      const bytes = data.values as Uint8Array;
      const ends = data.valueOffsets as Int32Array;
      // Labels repeat on every row ('all', 'point', a group): short ASCII ones are built from
      // their bytes, other short ones decoded once per batch (TextDecoder costs per call).
      const seen = new Map<string, string>();
      for (let i = 0; i < length; i++) {
        if (!present(i)) continue;
        const start = ends[i];
        const end = ends[i + 1];
        values[at + i] = end - start <= 64 ? shortString(bytes, start, end, seen) : utf8.decode(bytes.subarray(start, end));
      }
      return true;
    }
    default:
      return false;
  }
}

/** A short string: ASCII built from its bytes; anything else decoded as UTF-8, kept by its bytes. */
function shortString(bytes: Uint8Array, start: number, end: number, seen: Map<string, string>): string {
  let key = '';
  let ascii = true;
  for (let j = start; j < end; j++) {
    const b = bytes[j];
    if (b >= 0x80) ascii = false;
    key += String.fromCharCode(b);
  }
  if (ascii) return key;
  let s = seen.get(key);
  if (s === undefined) seen.set(key, (s = utf8.decode(bytes.subarray(start, end))));
  return s;
}
