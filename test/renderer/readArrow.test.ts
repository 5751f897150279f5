import { describe, it, expect } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { rowsToArrowIPC, type ColumnSpec } from '../../src/arrow/toArrow';
import { tableRows } from '../../renderer/src/api/readArrow';

const columns: ColumnSpec[] = [
  { name: 'grp', type: 'utf8' }, { name: 'n', type: 'int32' }, { name: 'rate', type: 'float64' }, { name: 'suppressed', type: 'bool' },
];

describe('the renderer reads a model result', () => {
  it('as plain rows over several record batches, with nulls, repeated labels, counts and columns it lacks', () => {
    const first = [{ grp: 'Woman', n: 5, rate: 0.625, suppressed: false }, { grp: 'Man', n: null, rate: null, suppressed: true }];
    const second = [{ grp: 'Woman', n: 3, rate: 0.3, suppressed: false }, { grp: null, n: 123456, rate: 1, suppressed: false }, { grp: 'Man', n: 0, rate: 0, suppressed: false }];
    const table = tableFromIPC(rowsToArrowIPC(first, columns, {})).concat(tableFromIPC(rowsToArrowIPC(second, columns, {})));
    expect(table.batches).toHaveLength(2);
    expect(tableRows(table, ['grp', 'n', 'rate', 'suppressed', 'missing'])).toEqual([...first, ...second].map((r) => ({ ...r, missing: null })));
    expect(tableRows(table.slice(0, 0), ['grp'])).toEqual([]);
    // A slice starts inside a batch's buffers (and its validity bits).
    expect(tableRows(table.slice(1, 4), ['grp', 'n', 'suppressed'])).toEqual([...first, ...second].slice(1, 4).map(({ grp, n, suppressed }) => ({ grp, n, suppressed })));
  });

  it('with labels in any script, repeated, and long free text', () => {
    const long = `${'Ngā kaimahi o te rōpū '.repeat(6)}end`;
    const rows = [{ grp: 'Māori', n: 1, rate: 0.5, suppressed: false }, { grp: 'Māori', n: 2, rate: 0.25, suppressed: false }, { grp: long, n: 3, rate: 0, suppressed: false }, { grp: '', n: 4, rate: 1, suppressed: false }, { grp: '黒人', n: 5, rate: 1, suppressed: false }];
    expect(tableRows(tableFromIPC(rowsToArrowIPC(rows, columns, {})), ['grp', 'n', 'rate', 'suppressed'])).toEqual(rows);
  });
});
