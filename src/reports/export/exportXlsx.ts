import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import type { CellValue, ReviewPack } from '../packSchema';
import { exportTables } from './exportTables';
import { neutralizeFormula } from './formulaGuard';

/** Excel's sheet names: at most 31 characters, none of []:*?/\ and unique. */
const sheetName = (i: number, name: string) => `${String(i).padStart(2, '0')} ${name}`.replace(/[[\]:*?/\\]/g, '_').slice(0, 31);

function cell(v: CellValue): SheetData[number][number] {
  if (v === null) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? { value: v, type: Number } : null;
  if (typeof v === 'boolean') return { value: v, type: Boolean };
  // Typed as text, so never a formula; neutralized anyway, for whoever saves it as CSV later.
  return { value: neutralizeFormula(v), type: String };
}

/** The tables as one XLSX workbook: a Contents sheet, then one sheet per table with a bold, frozen header. */
export async function reviewXlsx(pack: ReviewPack): Promise<Uint8Array> {
  const tables = exportTables(pack);
  const names = tables.map((t, i) => sheetName(i + 1, t.name));
  const header = (labels: string[]) => labels.map((l) => ({ value: neutralizeFormula(l), type: String, fontWeight: 'bold' as const }));
  const sheets = [
    { sheet: 'Contents', data: [header(['Sheet', 'Table']), ...tables.map((t, i) => [cell(names[i]), cell(t.title)])] as SheetData, columns: [{ width: 34 }, { width: 90 }], stickyRowsCount: 1 },
    ...tables.map((t, i) => ({ sheet: names[i], data: [header(t.header), ...t.rows.map((r) => r.map(cell))] as SheetData, stickyRowsCount: 1 })),
  ];
  const buffer = await writeXlsxFile(sheets).toBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
