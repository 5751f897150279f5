import type { ColumnSpec } from '../arrow/toArrow';
import type { CellValue } from './packSchema';

/**
 * A model's rows as JSON cells of their declared column types: DuckDB hands back bigint
 * counts and Date objects, which JSON (and a sealed review) cannot hold as they are.
 * Columns a row carries beyond the declared ones are dropped, so nothing undeclared leaks.
 */
export function jsonRows(rows: readonly Record<string, unknown>[], columns: readonly ColumnSpec[]): Record<string, CellValue>[] {
  return rows.map((r) => {
    const out: Record<string, CellValue> = {};
    for (const c of columns) out[c.name] = cell(r[c.name], c.type);
    return out;
  });
}

function cell(v: unknown, type: ColumnSpec['type']): CellValue {
  if (v === null || v === undefined) return null;
  switch (type) {
    case 'int32':
    case 'float64': {
      const n = Number(v);
      return Number.isFinite(n) ? n : null;
    }
    case 'bool': return Boolean(v);
    case 'utf8': return v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  }
}
