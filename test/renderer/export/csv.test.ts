import { describe, it, expect } from 'vitest';
import { neutralizeCell, tableToCsv } from '../../../renderer/src/export/csv';
import { rateTableSpec } from '../../../renderer/src/tables/rateTableSpec';
import { participationRows } from '../fixtures/rateRows';
import type { TableSpec } from '../../../renderer/src/tables/tableSpec';

describe('CSV export', () => {
  it('neutralizes text a spreadsheet would take for a formula', () => {
    expect(['=SUM(A1)', '+1', '-2+3', '@cmd', '\tx', '\rx', 'Woman', '0.5'].map(neutralizeCell))
      .toEqual(["'=SUM(A1)", "'+1", "'-2+3", "'@cmd", "'\tx", "'\rx", 'Woman', '0.5']);
  });

  it('writes a rate table with its sections, unrounded figures, the note for a suppressed group\'s counts and nothing for its figures', () => {
    const csv = tableToCsv(rateTableSpec(participationRows, { numeratorLabel: 'Participants', denominatorLabel: 'Eligible' }), 5);
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Slice,Group,Participants,Eligible,Rate,CI lower,CI upper,Impact ratio,p,q,Verdict');
    expect(lines[1]).toBe('All layers,Man,60,100,0.6,0.502,0.691,,,,reference');
    expect(lines[3]).toBe('All layers,Non-binary,fewer than 5,fewer than 5,,,,,,,not shown');
    expect(lines[6]).toBe('Formal programs,Woman,8,80,0.1,0.052,0.185,0.333,0.0008,0.0016,gap');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(participationRows.length + 2);
  });

  it('quotes commas and quotes, and neutralizes a group label that starts with =, while a negative number stays a number', () => {
    type Row = { grp: string; gap: number; suppressed: boolean };
    const spec: TableSpec<Row> = {
      columns: [
        { key: 'grp', label: 'Group', kind: 'text', value: (r) => r.grp },
        { key: 'gap', label: 'Gap, pp', kind: 'figure', value: (r) => r.gap },
      ],
      rows: [{ grp: '=HYPERLINK("x")', gap: -2.5, suppressed: false }, { grp: 'Black, "or" African American', gap: 1, suppressed: false }],
      rowKey: (r) => r.grp, suppressed: (r) => r.suppressed, note: () => 'fewer than 5',
    };
    expect(tableToCsv(spec, 5)).toBe('\uFEFFGroup,"Gap, pp"\r\n"\'=HYPERLINK(""x"")",-2.5\r\n"Black, ""or"" African American",1\r\n');
  });
});
