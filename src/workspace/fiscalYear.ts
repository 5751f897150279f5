import type { Workspace } from './workspace';
import { FiscalStartMonthSchema } from '../models/period';
import { perDataVersion } from './perDataVersion';

// The month a workspace's fiscal year starts in (METRICS.md: "a calendar quarter by default
// (fiscal-year start month configurable)"), kept in the workspace's meta table.
const KEY = 'fiscal_start_month';

// Every model run asks for it: read once per data version (setting it is a committed write).
const cached = perDataVersion<number>();

/** The workspace's fiscal-year start month, 1 (January) unless set. */
export function fiscalStartMonth(ws: Workspace): Promise<number> {
  return cached(ws, KEY, () => ws.all<{ value: string }>('SELECT value FROM meta WHERE key = $key', { key: KEY })
    .then((rows) => (rows.length ? FiscalStartMonthSchema.parse(Number(rows[0].value)) : 1)));
}

/**
 * Sets the month. A committed write, so every cached result, answer and derived copy of the
 * workspace is forgotten: each was computed for the quarters of the old year.
 */
export async function setFiscalStartMonth(ws: Workspace, month: number): Promise<void> {
  const m = FiscalStartMonthSchema.parse(month);
  await ws.write(async (c) => {
    await c.run('INSERT INTO meta VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value', { key: KEY, value: String(m) });
  });
}
