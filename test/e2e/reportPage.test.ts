import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { Workspace } from '../../src/workspace/workspace';
import { createCore } from '../../src/api/core';
import { startBrowserServer, type BrowserServer } from '../../src/server/browserServer';
import { appRoot } from '../../src/paths';
import { tempDir } from '../helpers/tempWorkspace';
import { loadReports } from '../reports/fixture';

const tmp = tempDir();
let ws: Workspace;
let server: BrowserServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ws = await Workspace.open(join(tmp.dir, 'w.duckdb'));
  await loadReports(ws);
  server = await startBrowserServer({ core: createCore(ws), staticDir: join(appRoot(), 'dist', 'renderer') });
  browser = await launchChromium();
  page = await browser.newPage({ acceptDownloads: true });
  page.on('pageerror', (e) => { throw e; });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  ws?.close();
  tmp.cleanup();
});

describe('the reviews page in Chromium (browser mode)', () => {
  it('seals a review, opens it as presented, exports it and compares two', async () => {
    await page.goto(`${server.url}?page=reviews#token=${server.token}`);
    await page.getByText('No sealed reviews yet').waitFor();
    await page.getByRole('button', { name: 'Save (seal) review' }).click();
    await page.getByTestId('review-1').waitFor({ timeout: 60_000 });
    await page.getByLabel('Minimum group size (k)').fill('6');
    await page.getByRole('button', { name: 'Save (seal) review' }).click();
    await page.getByTestId('review-2').waitFor({ timeout: 60_000 });

    await page.getByTestId('review-1').getByRole('button', { name: 'Open' }).click();
    const frame = page.frameLocator('iframe[title="Review 1"]');
    await expect.poll(() => frame.locator('h1').textContent()).toBe('Mentorship and career equity review, 2025-Q2');
    expect(await frame.locator('figure.chart svg').count()).toBeGreaterThan(4);

    const download = page.waitForEvent('download');
    await page.getByTestId('review-1').getByRole('button', { name: 'XLSX' }).click();
    expect((await download).suggestedFilename()).toBe('pathways-review-1-2025-Q2.xlsx');

    await page.getByLabel('Compare review 1').check();
    await page.getByLabel('Compare review 2').check();
    await page.getByRole('button', { name: 'Compare the two ticked reviews' }).click();
    const comparison = page.getByTestId('review-comparison');
    await comparison.waitFor();
    expect(await comparison.textContent()).toContain('Setting k: 5 → 6');
  });
});
