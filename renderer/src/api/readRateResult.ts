import { ApiError } from './apiError';
import { readModelTable, tableRows } from './readArrow';
import type { ModelMeta } from '../model/modelMeta';
import { COMPARISON_KEYS, RATE_ROW_KEYS, type RateRow } from '../model/rateRow';

export interface RateResult {
  meta: ModelMeta;
  rows: RateRow[];
}

/** A rate model's result from its Arrow IPC stream bytes: plain row objects plus the "pathways" metadata. */
export function readRateResult(bytes: Uint8Array): RateResult {
  const { table, meta } = readModelTable(bytes);
  const names = new Set(table.schema.fields.map((f) => f.name));
  const missing = RATE_ROW_KEYS.filter((k) => !names.has(k));
  if (missing.length) throw new ApiError({ code: 'INTERNAL', message: `The model result lacks the columns ${missing.join(', ')}.` });
  const keys = [...RATE_ROW_KEYS, ...COMPARISON_KEYS.filter((k) => names.has(k))];
  const rows = tableRows(table, keys).map((row) => {
    row.is_reference = row.is_reference === true;
    row.suppressed = row.suppressed === true;
    return row as unknown as RateRow;
  });
  return { meta, rows };
}
