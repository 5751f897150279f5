/** Quarter arithmetic on labels ("2026-Q3"), as src/models/period.ts does it, without its zod import. */
export function shiftPeriod(label: string, quarters: number): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(label);
  if (!m) return label;
  const idx = Number(m[1]) * 4 + Number(m[2]) - 1 + quarters;
  return `${Math.floor(idx / 4)}-Q${(idx % 4) + 1}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The month names, for the fiscal-year setting. */
export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * The months a period covers, "Apr–Jun 2025", for a fiscal year starting in month
 * fiscalStartMonth (as src/models/period.ts: the fiscal year is named after the calendar year in
 * which it ends).
 */
export function periodMonths(label: string, fiscalStartMonth = 1): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(label);
  if (!m) return label;
  const startYear = fiscalStartMonth === 1 ? Number(m[1]) : Number(m[1]) - 1;
  const first = fiscalStartMonth - 1 + (Number(m[2]) - 1) * 3;
  const at = (i: number) => ({ month: MONTHS[((i % 12) + 12) % 12], year: startYear + Math.floor(i / 12) });
  const a = at(first);
  const b = at(first + 2);
  return a.year === b.year ? `${a.month}–${b.month} ${b.year}` : `${a.month} ${a.year}–${b.month} ${b.year}`;
}
