import { readModelTable, tableRows } from './readArrow';
import type { ModelMeta } from '../model/modelMeta';

/** A result column as the schema gives it: its name and whether it holds text, numbers or flags. */
export interface ResultColumn {
  name: string;
  type: 'text' | 'number' | 'bool';
}

/** A table model's rows (model-specific columns plus suppressed and note), its columns and its description. */
export interface TableResult<Row = Record<string, unknown>> {
  meta: ModelMeta;
  columns: ResultColumn[];
  rows: (Row & { suppressed: boolean; note: string | null })[];
}

const columnType = (typeName: string): ResultColumn['type'] => {
  const t = typeName.toLowerCase();
  if (t === 'bool') return 'bool';
  if (t.startsWith('int') || t.startsWith('uint') || t.startsWith('float') || t.startsWith('decimal')) return 'number';
  return 'text';
};

/**
 * Any model's result as rows: the generic reader for table-kind models (matrices, survival
 * curves, pipelines...), beside readRateResult for rate models. Every column of the Arrow
 * schema is read; `suppressed` is always a boolean.
 */
export function readTableResult<Row = Record<string, unknown>>(bytes: Uint8Array): TableResult<Row> {
  const { table, meta } = readModelTable(bytes);
  const columns = table.schema.fields.map((f) => ({ name: f.name, type: columnType(String(f.type)) }));
  const rows = tableRows(table, columns.map((c) => c.name)).map((row) => {
    row.suppressed = row.suppressed === true;
    row.note = typeof row.note === 'string' ? row.note : null;
    return row as Row & { suppressed: boolean; note: string | null };
  });
  return { meta, columns, rows };
}
