import { tableFromIPC } from 'apache-arrow';
import { ApiError } from './apiError';
import { parseModelMeta, type ModelMeta } from '../model/modelMeta';
import { RATE_ROW_KEYS, type RateRow } from '../model/rateRow';

export interface RateResult {
  meta: ModelMeta;
  rows: RateRow[];
}

/** Arrow gives 64-bit integers as bigint; the counts here are small. */
const plain = (v: unknown): unknown => (typeof v === 'bigint' ? Number(v) : v ?? null);

/**
 * A rate model's result from its Arrow IPC stream bytes: plain row objects plus the
 * "pathways" metadata. Only reads Arrow (tableFromIPC); the builders, which compile code at
 * run time, stay out of the bundle.
 */
export function readRateResult(bytes: Uint8Array): RateResult {
  let table;
  try {
    table = tableFromIPC(bytes);
  } catch (err) {
    throw new ApiError({ code: 'INTERNAL', message: `The model result could not be read (${(err as Error).message}).` });
  }
  const raw = table.schema.metadata.get('pathways');
  const meta = parseModelMeta(raw ? JSON.parse(raw) : null);
  if (!meta) throw new ApiError({ code: 'INTERNAL', message: 'The model result has no description; Pathways may need to be updated.' });
  const names = new Set(table.schema.fields.map((f) => f.name));
  const missing = RATE_ROW_KEYS.filter((k) => !names.has(k));
  if (missing.length) throw new ApiError({ code: 'INTERNAL', message: `The model result lacks the columns ${missing.join(', ')}.` });
  const columns = RATE_ROW_KEYS.map((k) => [k, table.getChild(k)!] as const);
  const rows: RateRow[] = [];
  for (let i = 0; i < table.numRows; i++) {
    const row: Record<string, unknown> = {};
    for (const [k, vec] of columns) row[k] = plain(vec.get(i));
    row.is_reference = row.is_reference === true;
    row.suppressed = row.suppressed === true;
    rows.push(row as unknown as RateRow);
  }
  return { meta, rows };
}
