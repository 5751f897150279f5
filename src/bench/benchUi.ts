// npm run bench:ui: how fast the dashboards answer in Chromium, on a large demo workspace.
// Usage: npm run bench:ui [-- --people 100000] [-- --changes 12] [-- --pages overview,access] [-- --dir D] [-- --timeout 120] [-- --cold]
//
// Builds (once, then reuses) a demo workspace of --people people, serves it in browser mode
// from this process, opens it in Debian's Chromium with playwright-core and measures:
//  - opening the app: from navigation to the Overview complete (every chart drawn), on a
//    fresh core and again on a reload;
//  - per page, changing a control: from the change event to every chart on the page drawn
//    for the new view (the page's `pathways:ready` event), over a fixed sequence of changes
//    of period, dimension, k, department, reference and layer. A change is "cold" when its
//    view was not shown before in this run, "warm" when it was (the core and the renderer
//    then answer from their caches). Distributions are printed as p50 / p95 / max.
// The core starts deriving the models' shared copies when it opens the workspace, as the app
// does; --cold leaves that to the first page's models, to time the open without it.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { ensureDemoWorkspace } from '../app/demoWorkspace';
import { Workspace } from '../workspace/workspace';
import { createCore } from '../api/core';
import { startBrowserServer } from '../server/browserServer';
import { appRoot } from '../paths';

const { values } = parseArgs({
  options: {
    people: { type: 'string' }, changes: { type: 'string' }, pages: { type: 'string' }, dir: { type: 'string' }, timeout: { type: 'string' }, cold: { type: 'boolean' },
  },
});
const people = Number(values.people ?? 100_000);
const changesPerPage = Number(values.changes ?? 12);
const timeoutMs = Number(values.timeout ?? 120) * 1000;
const pages = (values.pages ?? 'overview,participation,access,progression,representation,programs').split(',');
const dir = values.dir ?? join(tmpdir(), `pathways-bench-ui-${people}`);

const secs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

/** p50 / p95 / max by the nearest-rank method. */
function distribution(xs: number[]): string {
  if (!xs.length) return 'n = 0';
  const s = [...xs].sort((a, b) => a - b);
  const rank = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
  return `n = ${s.length}, p50 ${secs(rank(50))}, p95 ${secs(rank(95))}, max ${secs(s[s.length - 1])}`;
}

/** Waits for the page to be complete for the view now in the address bar; ms since navigation start. */
function readyAt(page: Page): Promise<number> {
  return page.evaluate((limit) => new Promise<number>((resolve, reject) => {
    const view = () => location.search;
    if (document.documentElement.dataset.viewState === 'ready') { resolve(performance.now()); return; }
    const t = setTimeout(() => reject(new Error('timeout')), limit);
    addEventListener('pathways:ready', function on(e) {
      const d = (e as CustomEvent<{ view: string; at: number }>).detail;
      if (d.view !== view()) return;
      clearTimeout(t);
      removeEventListener('pathways:ready', on);
      resolve(d.at);
    });
  }), timeoutMs);
}

/** Changes one select and resolves with the time until every chart is drawn for the new view. */
function change(page: Page, name: string, value: string): Promise<number> {
  return page.evaluate(({ name, value, limit }) => new Promise<number>((resolve, reject) => {
    const select = document.querySelector<HTMLSelectElement>(`select[name="${name}"]`);
    if (!select) { reject(new Error(`no control ${name}`)); return; }
    const t = setTimeout(() => reject(new Error('timeout')), limit);
    const before = location.search;
    addEventListener('pathways:ready', function on(e) {
      const d = (e as CustomEvent<{ view: string; at: number }>).detail;
      if (d.view === before || d.view !== location.search) return;
      clearTimeout(t);
      removeEventListener('pathways:ready', on);
      resolve(d.at - t0);
    });
    const t0 = performance.now();
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }), { name, value, limit: timeoutMs });
}

/**
 * The changes driven on every page, in order: a walk that moves each kind of control and
 * comes back to views already seen, so that both cold and warm answers are measured.
 */
function plan(periods: string[], departments: string[], n: number): { name: string; value: string }[] {
  const latest = periods[periods.length - 1];
  const prior = periods[periods.length - 2] ?? latest;
  const steps = [
    { name: 'dimension', value: 'race_ethnicity' },
    { name: 'period', value: prior },
    { name: 'dimension', value: 'gender' },
    { name: 'department', value: departments[0] ?? '' },
    { name: 'reference', value: 'highest' },
    { name: 'department', value: '' },
    { name: 'reference', value: 'largest' },
    { name: 'period', value: latest },
    { name: 'dimension', value: 'race_ethnicity' },
    { name: 'layer', value: 'formal' },
    { name: 'layer', value: '' },
    { name: 'dimension', value: 'gender' },
  ];
  return Array.from({ length: n }, (_, i) => steps[i % steps.length]);
}

async function main(): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  const { path, created } = await ensureDemoWorkspace({ dir, people, onProgress: (m) => console.log(`  ${m}`) });
  console.log(`demo workspace: ${people.toLocaleString('en')} people at ${path} (${created ? `built in ${secs(performance.now() - t0)}` : 'reused'})`);
  const ws = await Workspace.open(path);
  const server = await startBrowserServer({ core: createCore(ws, undefined, { prepare: !values.cold }), staticDir: join(appRoot(), 'dist', 'renderer') });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e) => console.log(`  page error: ${e.message}`));

    await page.goto(server.openUrl);
    const openCold = await readyAt(page);
    await page.reload();
    const openWarm = await readyAt(page);
    console.log(`open the app on the Overview: fresh core ${secs(openCold)}, reload ${secs(openWarm)} (target < 2 s)`);

    const info = (await ws.all<{ d: string }>('SELECT DISTINCT department AS d FROM people WHERE department IS NOT NULL ORDER BY 1')).map((r) => r.d);
    const periods = await page.locator('select[name="period"] option').allTextContents();
    periods.reverse();
    const seen = new Set<string>();
    const all: number[] = [];
    for (const name of pages) {
      const base = new URL(server.url);
      base.search = `?page=${name}`;
      await page.goto(`${base.toString()}#token=${server.token}`);
      await readyAt(page).catch(() => undefined);
      seen.add(new URL(page.url()).search);
      const cold: number[] = [];
      const warm: number[] = [];
      let timeouts = 0;
      for (const step of plan(periods, info, changesPerPage)) {
        const current = await page.locator(`select[name="${step.name}"]`).first().inputValue();
        if (current === step.value) continue;
        let ms: number;
        try {
          ms = await change(page, step.name, step.value);
        } catch {
          timeouts++;
          await readyAt(page).catch(() => undefined);
          continue;
        }
        const view = new URL(page.url()).search;
        (seen.has(view) ? warm : cold).push(ms);
        seen.add(view);
        all.push(ms);
      }
      console.log(`${name.padEnd(15)} cold: ${distribution(cold)}; warm: ${distribution(warm)}${timeouts ? `; ${timeouts} over ${secs(timeoutMs)}` : ''}`);
    }
    console.log(`all pages       ${distribution(all)} (target p95 < 200 ms)`);
  } finally {
    await browser.close();
    await server.close();
    ws.close();
  }
}

await main();
