/** Renders model rows for a terminal or a file. Numbers are shown as computed; nulls as the row's note. */

const cell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toPrecision(6).replace(/\.?0+$/, '');
  return String(v);
};

export function toTextTable(rows: Record<string, unknown>[], columns: string[]): string {
  const body = rows.map((r) => columns.map((c) => (r[c] === null && r.suppressed && c !== 'note' ? String(r.note ?? '') : cell(r[c]))));
  const widths = columns.map((c, i) => Math.max(c.length, ...body.map((b) => b[i].length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(widths[i])).join('  ').trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

/**
 * CSV with spreadsheet formula injection neutralized: a text cell starting with = + - @ (or a
 * tab/CR) gets a leading apostrophe, so Excel shows it as text instead of running it.
 */
export function csvCell(v: unknown): string {
  let s = cell(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: Record<string, unknown>[], columns: string[]): string {
  return [columns.map(csvCell).join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(','))].join('\n') + '\n';
}
