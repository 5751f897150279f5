import {
  Bool, Float64, Int32, Utf8, Table, Schema, Field, RecordBatch, Struct, makeData, type Data,
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

const utf8 = new TextEncoder();

const absent = (v: unknown) => v === null || v === undefined;
// An int32 column cannot hold NaN: a value that is no number at all is null there.
const absentInt = (v: unknown) => absent(v) || Number.isNaN(Number(v));

/** A validity bitmap (bit set = value present) and its null count; no bitmap when none is null. */
function validity(values: unknown[], isNull: (v: unknown) => boolean): { nullBitmap: Uint8Array | undefined; nullCount: number } {
  let nullCount = 0;
  const bitmap = new Uint8Array((values.length + 7) >> 3);
  for (let i = 0; i < values.length; i++) {
    if (isNull(values[i])) nullCount++;
    else bitmap[i >> 3] |= 1 << (i & 7);
  }
  return { nullBitmap: nullCount ? bitmap : undefined, nullCount };
}

/**
 * One column's Arrow data, written straight into typed arrays: the generic builder
 * (vectorFromArray) costs microseconds a value, which a curve of 15,000 points feels. Values
 * are normalized as DuckDB hands them back (bigint counts, Date objects) to the declared type.
 */
function columnData(values: unknown[], c: ColumnSpec) {
  const n = values.length;
  const { nullBitmap, nullCount } = validity(values, c.type === 'int32' ? absentInt : absent);
  switch (c.type) {
    case 'float64':
    case 'int32': {
      const data = c.type === 'int32' ? new Int32Array(n) : new Float64Array(n);
      for (let i = 0; i < n; i++) { const v = values[i]; if (!absent(v)) data[i] = Number(v); }
      const type = c.type === 'int32' ? new Int32() : new Float64();
      return makeData({ type, length: n, nullCount, nullBitmap, data } as never) as Data;
    }
    case 'bool': {
      const data = new Uint8Array((n + 7) >> 3);
      for (let i = 0; i < n; i++) if (values[i]) data[i >> 3] |= 1 << (i & 7);
      return makeData({ type: new Bool(), length: n, nullCount, nullBitmap, data });
    }
    case 'utf8': {
      const parts: Uint8Array[] = [];
      const valueOffsets = new Int32Array(n + 1);
      // Model outputs repeat a few labels (slice, group, row type) on every row: each is encoded once.
      const encoded = new Map<string, Uint8Array>();
      let size = 0;
      for (let i = 0; i < n; i++) {
        const v = values[i];
        if (!absent(v)) {
          const text = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
          let bytes = encoded.get(text);
          if (!bytes) encoded.set(text, (bytes = utf8.encode(text)));
          parts.push(bytes);
          size += bytes.length;
        }
        valueOffsets[i + 1] = size;
      }
      const data = new Uint8Array(size);
      let at = 0;
      for (const b of parts) { data.set(b, at); at += b.length; }
      return makeData({ type: new Utf8(), length: n, nullCount, nullBitmap, valueOffsets, data });
    }
  }
}

/**
 * The rows' values column by column, in one pass over each row's own keys: rows of several
 * shapes (a summary row, then curve points) make reading absent keys by name slow.
 */
function columnValues(rows: Record<string, unknown>[], columns: ColumnSpec[]): unknown[][] {
  // A prototype-less object and for...in: half the time of a Map over Object.keys here.
  const index: Record<string, number> = Object.create(null);
  columns.forEach((c, j) => { index[c.name] = j; });
  const values = columns.map(() => new Array<unknown>(rows.length).fill(undefined));
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    for (const key in r) {
      const j = index[key];
      if (j !== undefined) values[j][i] = r[key];
    }
  }
  return values;
}

/**
 * Builds an Arrow table from small, aggregated rows (never person-level data) and serializes
 * it as an Arrow IPC stream. `meta` travels in the schema's metadata under "pathways".
 */
export function rowsToArrowIPC(rows: Record<string, unknown>[], columns: ColumnSpec[], meta: unknown): Uint8Array {
  const fields = columns.map((c) => new Field(c.name, arrowType(c.type), true));
  const children = columnValues(rows, columns).map((values, j) => columnData(values, columns[j]));
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
