import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { startDemoServer } from './demoServer';
import { runModel } from '../../src/models/runModel';
import { expectTableEqualsModel, openView, readTable, RATE_TABLE, choose, waitReady } from './dashboardPage';

let demo: Awaited<ReturnType<typeof startDemoServer>>;
let browser: Browser;
let page: Page;
const errors: Error[] = [];

beforeAll(async () => {
  demo = await startDemoServer();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => errors.push(e));
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

describe('participation page in Chromium (browser mode)', () => {
  it('shows, for the period picked, the same numbers as the model, and no figure for a suppressed group', async () => {
    await openView(page, demo.server.openUrl, '?page=participation');
    const periods = await page.getByLabel('Review period').locator('option').allTextContents();
    expect(periods.length).toBeGreaterThanOrEqual(8);
    await choose(page, 'period', '2026-Q1');
    expect(new URL(page.url()).searchParams.get('period')).toBe('2026-Q1');

    for (const model of ['participation_rate', 'active_participation', 'mentor_participation', 'participation_by_program']) {
      const result = await runModel(demo.ws, model, { period: '2026-Q1' });
      expect(result.rows.some((r) => r.suppressed), `${model} has a suppressed group at k = 5`).toBe(true);
      expectTableEqualsModel(await readTable(page, model), result, RATE_TABLE);
    }
  });

  it('follows the dimension, the intersection of two and k, and draws every chart with an accessible name', async () => {
    await choose(page, 'dimension', 'race_ethnicity');
    let result = await runModel(demo.ws, 'participation_rate', { period: '2026-Q1', dimension: 'race_ethnicity' });
    expectTableEqualsModel(await readTable(page, 'participation_rate'), result, RATE_TABLE);

    await choose(page, 'dimension2', 'gender');
    result = await runModel(demo.ws, 'participation_rate', { period: '2026-Q1', dimension: 'race_ethnicity', dimension2: 'gender' });
    expect(result.rows.some((r) => String(r.grp).includes(' × '))).toBe(true);
    expectTableEqualsModel(await readTable(page, 'participation_rate'), result, RATE_TABLE);

    const k = page.locator('input[name="k"]');
    await k.fill('10');
    await page.waitForURL(/k=10/);
    await waitReady(page);
    result = await runModel(demo.ws, 'participation_rate', { period: '2026-Q1', dimension: 'race_ethnicity', dimension2: 'gender', k: 10 });
    expectTableEqualsModel(await readTable(page, 'participation_rate'), result, RATE_TABLE);

    const figure = page.getByRole('figure', { name: 'Participation rate by race/ethnicity × gender, 2026-Q1' });
    await expect.poll(() => figure.locator('svg').count()).toBe(1);
    expect(await figure.locator('svg').getAttribute('aria-label')).toBe('Participation rate by race/ethnicity × gender, 2026-Q1');
    const svgText = await figure.locator('svg').textContent();
    expect(svgText).toContain('fewer than 10');
    expect(errors).toEqual([]);
  });

  it('reopens a bookmarked view as it was', async () => {
    const bookmark = new URL(page.url()).search;
    const other = await browser.newPage();
    await openView(other, demo.server.openUrl, bookmark);
    expect(await other.locator('select[name="dimension"]').inputValue()).toBe('race_ethnicity');
    expect(await other.locator('select[name="dimension2"]').inputValue()).toBe('gender');
    expect(await other.locator('input[name="k"]').inputValue()).toBe('10');
    expect(await other.locator('nav a[aria-current="page"]').textContent()).toBe('Participation');
    await other.close();
  });
});
