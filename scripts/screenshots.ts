// npm run screenshots: a picture of every page of the dashboard, from the demo workspace,
// into docs/screenshots/<page>.png (for the README). Builds a fresh 2,000-person demo in a
// temporary folder, serves it in browser mode and photographs each page in Chromium once
// every chart on it is drawn.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ensureDemoWorkspace } from '../src/app/demoWorkspace';
import { Workspace } from '../src/workspace/workspace';
import { createCore } from '../src/api/core';
import { startBrowserServer } from '../src/server/browserServer';
import { appRoot } from '../src/paths';

/** The pages, with the view each is shown in (race/ethnicity in 2026-Q2 has findings on the demo). */
const SHOTS = [
  { name: 'overview', query: '?page=overview&period=2026-Q2&dimension=race_ethnicity' },
  { name: 'participation', query: '?page=participation&period=2026-Q2' },
  { name: 'access', query: '?page=access&period=2026-Q2' },
  { name: 'progression', query: '?page=progression&period=2026-Q2' },
  { name: 'representation', query: '?page=representation&period=2026-Q2' },
  { name: 'programs', query: '?page=programs&period=2026-Q2&program=PRG-101' },
  { name: 'data', query: '?page=data' },
];

const out = join(appRoot(), 'docs', 'screenshots');
mkdirSync(out, { recursive: true });
const dir = mkdtempSync(join(tmpdir(), 'pathways-shots-'));
const { path } = await ensureDemoWorkspace({ dir });
const ws = await Workspace.open(path);
const server = await startBrowserServer({ core: createCore(ws), staticDir: join(appRoot(), 'dist', 'renderer') });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--hide-scrollbars'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  for (const shot of SHOTS) {
    const url = new URL(server.url);
    url.search = shot.query;
    await page.goto(`${url.toString()}#token=${server.token}`);
    await page.waitForFunction(() => document.documentElement.dataset.viewState === 'ready' || !!document.querySelector('[data-testid="data-placeholder"], main h1'), null, { timeout: 180_000 });
    await page.waitForFunction(() => document.documentElement.dataset.viewState === 'ready' || new URLSearchParams(location.search).get('page') === 'data', null, { timeout: 180_000 });
    await page.waitForTimeout(300);
    const file = join(out, `${shot.name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`wrote ${file}`);
  }
} finally {
  await browser.close();
  await server.close();
  ws.close();
  rmSync(dir, { recursive: true, force: true });
}
