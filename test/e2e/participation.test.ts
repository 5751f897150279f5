import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { startDemoServer } from './demoServer';
import { runModel } from '../../src/models/runModel';

let demo: Awaited<ReturnType<typeof startDemoServer>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  demo = await startDemoServer();
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('pageerror', (e) => { throw e; });
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

describe('participation dashboard in Chromium (browser mode)', () => {
  it('shows, for the period picked, the same numbers as the model', async () => {
    await page.goto(demo.server.openUrl);
    await page.getByTestId('participation-table').waitFor();
    const periods = await page.getByLabel('Review period').locator('option').allTextContents();
    expect(periods.length).toBeGreaterThanOrEqual(8);
    const pick = periods.find((p) => p.includes('2026-Q1')) ?? periods[1];
    await page.getByLabel('Review period').selectOption({ label: pick });
    await page.waitForURL(/period=2026-Q1/);
    await page.getByTestId('participation-table').waitFor();

    const model = await runModel(demo.ws, 'participation_rate', { period: '2026-Q1' });
    const shown = model.rows.filter((r) => r.slice === 'all');
    expect(shown.length).toBeGreaterThan(2);
    for (const r of shown) {
      const row = page.getByTestId(`row-all-${r.grp}`);
      await expect.poll(() => row.locator('[data-col="denominator"]').textContent()).toBe(r.suppressed ? 'fewer than 5' : String(r.denominator));
      const cells = await row.locator('[data-col]').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-col'), e.textContent])));
      if (r.suppressed) {
        expect(cells.numerator).toBe('fewer than 5');
        expect(cells.rate).not.toMatch(/\d/);
      } else {
        expect(cells.numerator).toBe(String(r.numerator));
        expect(cells.rate).toBe(pct(r.rate as number));
      }
    }
  });

  it('draws the chart with an accessible name and labels suppressed groups instead of drawing them', async () => {
    const figure = page.getByRole('figure', { name: /participation/i });
    await expect.poll(() => figure.locator('svg').count()).toBeGreaterThan(0);
    const text = await figure.textContent();
    expect(text).toMatch(/All layers/);
  });
});
