import { tableFromIPC, type Table } from 'apache-arrow';
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

/** The named columns of an Arrow table as plain row objects (numbers, strings, booleans, null). */
export function tableRows(table: Table, names: readonly string[]): Record<string, unknown>[] {
  const vectors = names.map((n) => [n, table.getChild(n)] as const);
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < table.numRows; i++) {
    const row: Record<string, unknown> = {};
    for (const [n, vec] of vectors) row[n] = vec ? plain(vec.get(i)) : null;
    rows.push(row);
  }
  return rows;
}
