import type { TableSpec } from '../tables/tableSpec';

/**
 * A spreadsheet reads a cell that starts with = + - @ (or a tab or carriage return) as a
 * formula; such a text cell gets a leading apostrophe (OWASP, "CSV injection"). Numbers the
 * table itself holds are written as numbers: "-2.5" from a number column is a value, not a
 * formula, and stays one.
 */
export function neutralizeCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function cell(v: string | number | boolean | null): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return quote(neutralizeCell(v));
}

/**
 * The table as CSV (RFC 4180, CRLF, UTF-8 with a BOM so that Excel reads accents): the same
 * rows and columns as on screen, values unrounded. A suppressed row carries its note in the
 * count columns and nothing in the figure columns, exactly as the screen does.
 */
export function tableToCsv<Row>(spec: TableSpec<Row>, k: number): string {
  const header: string[] = [];
  if (spec.section) header.push(spec.sectionHeading ?? 'Section');
  for (const c of spec.columns) {
    if (c.csv) header.push(...c.csv.map((x) => x.label));
    else header.push(c.label);
  }
  const lines = [header.map((h) => quote(neutralizeCell(h))).join(',')];
  for (const row of spec.rows) {
    const hidden = spec.suppressed(row);
    const out: string[] = [];
    if (spec.section) {
      const s = spec.section(row);
      out.push(cell(spec.sectionLabel ? spec.sectionLabel(s) : s));
    }
    for (const c of spec.columns) {
      const values = c.csv ? c.csv.map((x) => x.value(row)) : [c.value(row)];
      for (const v of values) {
        if (hidden && c.kind === 'count') out.push(cell(spec.note(row, k)));
        else if (hidden && c.kind === 'figure') out.push('');
        else out.push(cell(v));
      }
    }
    lines.push(out.join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
