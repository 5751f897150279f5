import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { ModelResult } from '../../src/models/runModel';

/** Opens the app at a view (query string) and waits until every chart of the page has been drawn or replaced by a message. */
export async function openView(page: Page, openUrl: string, query: string): Promise<void> {
  const url = new URL(openUrl);
  url.search = query;
  await page.goto(url.toString());
  await waitReady(page);
}

/** The page announces itself complete (data-view-state="ready") once nothing is pending for the view in the address bar. */
export async function waitReady(page: Page, timeout = 120_000): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.viewState === 'ready', null, { timeout });
}

/** Changes a control (a select, by its name) and waits for the page to be complete again for the new view. */
export async function choose(page: Page, name: string, value: string): Promise<void> {
  const before = await page.evaluate(() => location.search);
  await page.locator(`select[name="${name}"]`).first().selectOption(value);
  await page.waitForFunction((b) => location.search !== b, before);
  await waitReady(page);
}

export interface Cell { text: string; value: string | null; lower: string | null; upper: string | null }

/** Every row of a table (by data-testid) as { rowKey: { col: cell } }, read in one go. */
export async function readTable(page: Page, model: string): Promise<Record<string, Record<string, Cell>>> {
  return page.evaluate((testId) => {
    const out: Record<string, Record<string, { text: string; value: string | null; lower: string | null; upper: string | null }>> = {};
    for (const tr of document.querySelectorAll(`[data-testid="${testId}"] tr[data-testid^="row-"]`)) {
      const row: Record<string, { text: string; value: string | null; lower: string | null; upper: string | null }> = {};
      for (const c of tr.querySelectorAll('[data-col]')) {
        row[c.getAttribute('data-col')!] = { text: c.textContent ?? '', value: c.getAttribute('data-value'), lower: c.getAttribute('data-lower'), upper: c.getAttribute('data-upper') };
      }
      out[tr.getAttribute('data-testid')!.slice(4)] = row;
    }
    return out;
  }, `table-${model}`);
}

/**
 * The table on screen shows exactly the model's rows: for a shown row each listed column's
 * data-value is the model's value; a suppressed row says "fewer than k" in its count columns
 * and carries no number at all (no data-value, no digit but k's).
 */
export function expectTableEqualsModel(
  table: Record<string, Record<string, Cell>>,
  result: ModelResult,
  o: { key: (r: Record<string, unknown>) => string; counts: string[]; figures: string[]; rows?: (r: Record<string, unknown>) => boolean },
): void {
  const rows = result.rows.filter(o.rows ?? (() => true));
  expect(Object.keys(table).sort()).toEqual(rows.map(o.key).sort());
  const k = result.params.k;
  for (const r of rows) {
    const shown = table[o.key(r)];
    if (r.suppressed) {
      for (const col of o.counts) expect(shown[col]?.text, `${o.key(r)} ${col}`).toBe(`fewer than ${k}`);
      for (const [col, c] of Object.entries(shown)) {
        if (col === 'verdict') continue;
        expect(c.lower ?? c.upper ?? (o.counts.includes(col) || o.figures.includes(col) ? c.value : null), `${o.key(r)} ${col}`).toBeNull();
        if (o.counts.includes(col) || o.figures.includes(col)) expect(c.text.replaceAll(`fewer than ${k}`, ''), `${o.key(r)} ${col}`).not.toMatch(/\d/);
      }
      continue;
    }
    for (const col of o.counts) {
      const v = r[col];
      expect(shown[col]?.value ?? null, `${o.key(r)} ${col}`).toBe(v === null || v === undefined ? null : String(Number(v)));
    }
    for (const col of o.figures) {
      const v = r[col];
      const got = shown[col]?.value ?? null;
      if (v === null || v === undefined) expect(got, `${o.key(r)} ${col}`).toBeNull();
      // DuckDB's parallel sums may differ in the last bit between two runs of the same query.
      else expect(Number(got), `${o.key(r)} ${col}`).toBeCloseTo(Number(v), 9);
    }
  }
}

/** The rate columns every rate table carries. */
export const RATE_TABLE = {
  key: (r: Record<string, unknown>) => `${r.slice}-${r.grp}`,
  counts: ['numerator', 'denominator'],
  figures: ['rate', 'impact_ratio', 'p_value', 'q_value'],
};
