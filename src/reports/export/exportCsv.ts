import { zipSync, strToU8 } from 'fflate';
import type { CellValue, ReviewPack } from '../packSchema';
import { exportTables, type ExportTable } from './exportTables';
import { neutralizeFormula } from './formulaGuard';

/** A CSV field: numbers as computed, text with formulas neutralized, quoted where needed (RFC 4180). */
export function csvField(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const s = neutralizeFormula(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const tableCsv = (t: ExportTable): string =>
  [t.header, ...t.rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';

/** Zip entries get the pack's own time, so the same pack always zips to the same bytes. */
const entryTime = (pack: ReviewPack) => new Date(pack.provenance.generatedAt);

/**
 * The tables as CSV: one zip holding one UTF-8 CSV per table (with a BOM, so that Excel reads
 * the accents right), numbered in the review's order, and contents.csv naming each file.
 */
export function reviewCsvZip(pack: ReviewPack): Uint8Array {
  const tables = exportTables(pack);
  const files: Record<string, Uint8Array> = {};
  const names = tables.map((t, i) => `${String(i + 1).padStart(2, '0')}-${t.name.replace(/[^A-Za-z0-9_-]/g, '_')}.csv`);
  const bom = '\uFEFF';
  files['contents.csv'] = strToU8(bom + tableCsv({ name: 'contents', title: 'Contents', header: ['File', 'Table'], rows: tables.map((t, i) => [names[i], t.title]) }));
  tables.forEach((t, i) => { files[names[i]] = strToU8(bom + tableCsv(t)); });
  return zipSync(files, { level: 6, mtime: entryTime(pack) });
}
