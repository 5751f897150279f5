import { describe, it, expect } from 'vitest';
import { rowsToArrowIPC, arrowIPCToRows, type ColumnSpec } from '../../src/arrow/toArrow';

const columns: ColumnSpec[] = [
  { name: 's', type: 'utf8' }, { name: 'f', type: 'float64' }, { name: 'i', type: 'int32' }, { name: 'b', type: 'bool' },
];

describe('rowsToArrowIPC', () => {
  it('normalizes what DuckDB and the post-processors hand over, keeping nulls and absent keys null', () => {
    const rows: Record<string, unknown>[] = [
      { s: 'é × ✓', f: 1.5, i: 3n, b: true },
      { s: new Date('2026-03-04T00:00:00Z'), f: 2n, i: 'x', b: 0 },     // a non-number in an int32 column is null
      { s: '', f: Number.NaN, i: -2, b: 'yes' },
      { f: null, i: undefined },                                         // rows of another shape: absent keys
      { s: 7, f: Infinity, i: 12.9, b: false, extra: 'not a column' },
      { s: 'é × ✓', toString: 'x', f: 0, i: 0, b: false },                // a repeated label (encoded once), a key named like a prototype's
    ];
    const out = arrowIPCToRows(rowsToArrowIPC(rows, columns, { model: 'm' }));
    expect(out.meta).toEqual({ model: 'm' });
    expect(out.columns).toEqual(['s', 'f', 'i', 'b']);
    expect(out.rows).toEqual([
      { s: 'é × ✓', f: 1.5, i: 3, b: true },
      { s: '2026-03-04', f: 2, i: null, b: false },
      { s: '', f: Number.NaN, i: -2, b: true },
      { s: null, f: null, i: null, b: null },
      { s: '7', f: Infinity, i: 12, b: false },
      { s: 'é × ✓', f: 0, i: 0, b: false },
    ]);
  });

  it('writes an empty table with its typed columns', () => {
    const out = arrowIPCToRows(rowsToArrowIPC([], columns, null));
    expect(out).toEqual({ rows: [], meta: null, columns: ['s', 'f', 'i', 'b'] });
  });
});
