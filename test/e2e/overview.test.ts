import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { startDemoServer } from './demoServer';
import { runModel } from '../../src/models/runModel';
import { createModelCache } from '../../src/api/core';
import { ModelParamsSchema } from '../../src/api/contract';
import { openView, waitReady } from './dashboardPage';

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

// The demo's race/ethnicity in 2026-Q2 has findings (mentor participation); gender has none.
const VIEW = { period: '2026-Q2', dimension: 'race_ethnicity' };

describe('overview in Chromium', () => {
  it('opens on the Overview by default, with each headline rate and its changes as the model gives them', async () => {
    await openView(page, demo.server.openUrl, '');
    expect(new URL(page.url()).searchParams.get('page')).toBe('overview');
    await openView(page, demo.server.openUrl, `?page=overview&period=${VIEW.period}&dimension=${VIEW.dimension}`);
    for (const model of ['participation_rate', 'active_participation', 'application_to_match', 'sponsorship_access', 'promotion_rate', 'attrition_12m']) {
      const result = await runModel(demo.ws, model, VIEW);
      const tile = page.getByTestId(`headline-${model}`);
      const shown = await tile.locator('tr[data-testid^="headline-row-"]').evaluateAll((trs) => trs.map((tr) => ({
        grp: tr.getAttribute('data-testid')!.slice('headline-row-'.length),
        text: tr.textContent ?? '',
        cells: Object.fromEntries([...tr.querySelectorAll('[data-col]')].map((c) => [c.getAttribute('data-col'), c.getAttribute('data-value')])),
      })));
      const all = result.rows.filter((r) => r.slice === 'all');
      expect(shown.map((s) => s.grp)).toEqual(all.map((r) => r.grp));
      for (const r of all) {
        const s = shown.find((x) => x.grp === r.grp)!;
        if (r.suppressed) {
          expect(s.text).toContain('fewer than 5');
          expect(s.text.replace('fewer than 5', '')).not.toMatch(/\d/);
          expect(Object.values(s.cells).filter((v) => v !== null)).toEqual([]);
          continue;
        }
        expect(Number(s.cells.rate)).toBeCloseTo(r.rate as number, 12);
        for (const col of ['delta_compare_pp', 'delta_year_pp']) {
          if (r[col] === null) expect(s.cells[col]).toBeNull();
          else expect(Number(s.cells[col])).toBeCloseTo(r[col] as number, 9);
        }
      }
    }
  });

  it('lists the core\'s findings in rank order, each a link to its chart on its page', async () => {
    const expected = await createModelCache(demo.ws).findings(ModelParamsSchema.parse(VIEW));
    expect(expected.length).toBeGreaterThan(0);
    const shown = await page.getByTestId('finding').evaluateAll((lis) => lis.map((li) => ({ model: li.getAttribute('data-model'), text: li.querySelector('.finding-text')?.textContent })));
    expect(shown).toEqual(expected.slice(0, 12).map((f) => ({ model: f.model, text: f.sentence })));

    const first = expected[0];
    await page.getByTestId('finding').first().getByRole('button').click();
    await page.waitForURL((u) => u.searchParams.get('page') === 'participation' && u.hash === `#chart-${first.model}`);
    await waitReady(page);
    const target = page.locator(`#chart-${first.model}`);
    await expect.poll(() => target.evaluate((el) => el.classList.contains('panel-target'))).toBe(true);
    await expect.poll(() => target.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top < window.innerHeight && r.bottom > 0; })).toBe(true);
    // The view (period, dimension) travels with the link.
    expect(new URL(page.url()).searchParams.get('dimension')).toBe(VIEW.dimension);
    expect(errors).toEqual([]);
  });

  it('moves between pages with the navigation, keeping the controls, and Back returns to the previous page', async () => {
    await page.locator('nav a[data-page="representation"]').click();
    await page.waitForURL((u) => u.searchParams.get('page') === 'representation');
    await waitReady(page);
    expect(await page.locator('h1.page-title').textContent()).toBe('Representation');
    expect(new URL(page.url()).searchParams.get('period')).toBe(VIEW.period);
    await page.goBack();
    await page.waitForURL((u) => u.searchParams.get('page') === 'participation');
    expect(await page.locator('nav a[aria-current="page"]').textContent()).toBe('Participation');
  });
});
