import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page, Route } from 'playwright-core';
import { launchChromium } from './browser';
import { startDemoServer } from './demoServer';
import { Workspace } from '../../src/workspace/workspace';
import { createCore } from '../../src/api/core';
import { startBrowserServer } from '../../src/server/browserServer';
import { appRoot } from '../../src/paths';
import { tempDir } from '../helpers/tempWorkspace';
import { openView, waitReady } from './dashboardPage';

let demo: Awaited<ReturnType<typeof startDemoServer>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  demo = await startDemoServer();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

/** Calls the running core the way the page does (token, JSON). */
async function api(method: string, input: unknown): Promise<{ ok: boolean; value?: unknown }> {
  const res = await fetch(`${demo.server.url}api/${method}`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${demo.server.token}` }, body: JSON.stringify(input),
  });
  return res.json() as Promise<{ ok: boolean; value?: unknown }>;
}

describe('states of the dashboard', () => {
  it('shows progress while a page computes, cancels it, and computes again on request', async () => {
    // A view nothing has computed yet, on a machine slow enough that the work is seen: every
    // model reply is held back for a few seconds (how fast the core is must not decide this test).
    await openView(page, demo.server.openUrl, '?page=overview');
    const slow = async (route: Route) => { await new Promise((r) => setTimeout(r, 3000)); await route.continue().catch(() => undefined); };
    await page.route('**/api/runModel', slow);
    await page.goto(new URL('?page=participation&period=2026-Q3&dimension=age_band&dimension2=race_ethnicity&k=6', demo.server.url).toString());
    const progress = page.getByTestId('progress');
    await progress.getByRole('button', { name: 'Cancel' }).click({ timeout: 20_000 });
    await page.unroute('**/api/runModel', slow);
    await expect.poll(() => progress.textContent()).toContain('Cancelled');
    await waitReady(page);
    const states = await page.locator('section.panel').evaluateAll((s) => s.map((x) => x.getAttribute('data-state')));
    expect(states).toContain('cancelled');
    expect(await page.getByText('This chart was not computed').count()).toBeGreaterThan(0);

    await progress.getByRole('button', { name: 'Compute again' }).click();
    await page.waitForFunction(() => [...document.querySelectorAll('section.panel')].every((s) => s.getAttribute('data-state') === 'done'), null, { timeout: 120_000 });
    await waitReady(page);
    expect(await page.locator('section.panel figure svg').count()).toBe(6);
  });

  it('says which import would enable each chart whose inputs are missing', async () => {
    const info = (await api('info', {})).value as { imports: { importId: number; table: string }[] };
    for (const table of ['feedback', 'goals']) {
      const imp = info.imports.find((i) => i.table === table)!;
      expect((await api('removeImport', { importId: imp.importId })).ok).toBe(true);
    }
    await openView(page, demo.server.openUrl, '?page=programs&period=2026-Q2&program=PRG-101');
    expect(await page.getByTestId('panel-program_feedback').getByTestId('notice-needs-data').textContent()).toContain('needs feedback data (import a feedback file)');
    expect(await page.getByTestId('panel-program_goals').getByTestId('notice-needs-data').textContent()).toContain('needs goals data (import a goals file)');
    expect(await page.getByTestId('panel-program_engagement').locator('figure svg').count()).toBe(1);
  });

  it('shows a model\'s error in place of its chart while the rest of the page works', async () => {
    // The workspace changed under the app (a column gone): only the model that reads it fails.
    await demo.ws.write(async (c) => { await c.run('ALTER TABLE enrollments RENAME COLUMN status TO status_gone'); });
    await openView(page, demo.server.openUrl, '?page=access&period=2025-Q4');
    const failed = await page.locator('section.panel[data-state="error"]').evaluateAll((s) => s.map((x) => x.getAttribute('data-testid')));
    expect(failed.length).toBeGreaterThan(0);
    for (const id of failed) expect(await page.getByTestId(id!).getByRole('alert').textContent()).toMatch(/failed/);
    expect(await page.getByTestId('panel-cross_group_matching').locator('figure svg').count()).toBe(1);
    await demo.ws.write(async (c) => { await c.run('ALTER TABLE enrollments RENAME COLUMN status_gone TO status'); });
  });

  it('offers the demo or an import on an empty workspace', async () => {
    const tmp = tempDir();
    const ws = await Workspace.open(join(tmp.dir, 'empty.duckdb'));
    const server = await startBrowserServer({ core: createCore(ws), staticDir: join(appRoot(), 'dist', 'renderer') });
    try {
      const empty = await browser.newPage();
      await empty.goto(server.openUrl);
      const first = empty.getByTestId('first-run');
      await first.waitFor();
      expect(await first.textContent()).toContain('npm start');
      expect(await empty.locator('select[name="period"]').count()).toBe(0);
      await first.getByRole('link', { name: 'Go to Data' }).click();
      await empty.waitForURL((u) => u.searchParams.get('page') === 'data');
      expect(await empty.locator('nav a[aria-current="page"]').textContent()).toBe('Data');
      await empty.close();
    } finally {
      await server.close();
      ws.close();
      tmp.cleanup();
    }
  });
});
