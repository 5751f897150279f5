/** Quarter arithmetic on labels ("2026-Q3"), as src/models/period.ts does it, without its zod import. */
export function shiftPeriod(label: string, quarters: number): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(label);
  if (!m) return label;
  const idx = Number(m[1]) * 4 + Number(m[2]) - 1 + quarters;
  return `${Math.floor(idx / 4)}-Q${(idx % 4) + 1}`;
}
