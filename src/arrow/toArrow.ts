import {
  Bool, Float64, Int32, Utf8, Table, Schema, Field, RecordBatch, Struct, makeData, vectorFromArray,
  tableToIPC, tableFromIPC, type DataType,
} from 'apache-arrow';

/** The column types model outputs use; explicit so that an all-null column is still typed. */
export type ColumnType = 'utf8' | 'float64' | 'int32' | 'bool';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
}

const arrowType = (t: ColumnType): DataType => {
  switch (t) {
    case 'utf8': return new Utf8();
    case 'float64': return new Float64();
    case 'int32': return new Int32();
    case 'bool': return new Bool();
  }
};

/** Normalizes what DuckDB hands back (bigint counts, Date objects) to the declared type. */
function coerce(value: unknown, type: ColumnType): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'int32':
    case 'float64': {
      const n = typeof value === 'bigint' ? Number(value) : Number(value);
      return Number.isNaN(n) && type === 'int32' ? null : n;
    }
    case 'bool': return Boolean(value);
    case 'utf8': return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  }
}

/**
 * Builds an Arrow table from small, aggregated rows (never person-level data) and serializes
 * it as an Arrow IPC stream. `meta` travels in the schema's metadata under "pathways".
 */
export function rowsToArrowIPC(rows: Record<string, unknown>[], columns: ColumnSpec[], meta: unknown): Uint8Array {
  const fields = columns.map((c) => new Field(c.name, arrowType(c.type), true));
  const children = columns.map((c) =>
    vectorFromArray(rows.map((r) => coerce(r[c.name], c.type)) as never, arrowType(c.type)).data[0],
  );
  const schema = new Schema(fields, new Map([['pathways', JSON.stringify(meta)]]));
  const data = makeData({ type: new Struct(fields), length: rows.length, nullCount: 0, children });
  const table = new Table(schema, rows.length ? [new RecordBatch(schema, data)] : []);
  return tableToIPC(table, 'stream');
}

/** The inverse, for tests, the CLI and the renderer: rows as plain objects plus the metadata. */
export function arrowIPCToRows(bytes: Uint8Array): { rows: Record<string, unknown>[]; meta: unknown; columns: string[] } {
  const table = tableFromIPC(bytes);
  const raw = table.schema.metadata.get('pathways');
  const columns = table.schema.fields.map((f) => f.name);
  const rows = table.toArray().map((r) => {
    const o: Record<string, unknown> = {};
    for (const c of columns) o[c] = (r as Record<string, unknown>)[c];
    return o;
  });
  return { rows, meta: raw ? JSON.parse(raw) : null, columns };
}
