import type { ColumnSpec } from '../arrow/toArrow';
import { suppressTableRows } from '../disclosure/suppressTable';
import type { ModelHeader } from './modelHeader';

function columnType(sqlType: string): ColumnSpec['type'] {
  if (sqlType === 'VARCHAR' || sqlType === 'DATE') return 'utf8';
  if (sqlType === 'BOOLEAN') return 'bool';
  if (sqlType === 'BIGINT' || sqlType === 'INTEGER') return 'int32';
  return 'float64';
}

/** A table model's output columns as its header declares them, with the disclosure columns. */
export function tableColumns(header: ModelHeader): ColumnSpec[] {
  return [...header.output.map((o) => ({ name: o.name, type: columnType(o.type) })), { name: 'suppressed', type: 'bool' }, { name: 'note', type: 'utf8' }];
}

/** Table disclosure control with the rules the header declares (group_size, counts, blocks). */
export function suppressByHeader(rows: Record<string, unknown>[], header: ModelHeader & { groupSize: string }, k: number): Record<string, unknown>[] {
  const keys = header.output.filter((o) => o.type === 'VARCHAR').map((o) => o.name);
  return suppressTableRows(rows, {
    groupSize: header.groupSize, counts: header.counts, block: header.block, crossBlock: header.crossBlock, totalBlock: header.totalBlock, keys,
  }, k);
}
