import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { Workspace } from '../../src/workspace/workspace';
import { createCore } from '../../src/api/core';
import { UploadStore } from '../../src/api/uploads';
import { startBrowserServer, type BrowserServer } from '../../src/server/browserServer';
import { appRoot } from '../../src/paths';
import { importFiles } from '../../src/ingest/importFiles';
import { fiscalStartMonth } from '../../src/workspace/fiscalYear';

// The Data page in Chromium (browser mode over a fresh, empty workspace on disk): upload a
// roster whose id column has a name Pathways does not know, map it, check it, see the two
// bad rows, save them as CSV, import the valid rows, see the import listed, remove it.

const fixture = join(__dirname, '..', 'fixtures', 'ingest', 'e2e_roster_needs_mapping.csv');
let dir: string;
let ws: Workspace;
let uploads: UploadStore;
let server: BrowserServer;
let browser: Browser;
let page: Page;
const errors: Error[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pathways-e2e-data-'));
  ws = await Workspace.open(join(dir, 'workspace.duckdb'));
  uploads = new UploadStore();
  server = await startBrowserServer({ core: createCore(ws, uploads), uploads, staticDir: join(appRoot(), 'dist', 'renderer') });
  browser = await launchChromium();
  page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  page.on('pageerror', (e) => errors.push(e));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  uploads?.cleanup();
  ws?.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = async () => Number((await ws.all<{ n: bigint }>('SELECT count(*) AS n FROM people'))[0].n);

describe('Data page in Chromium (browser mode)', () => {
  it('maps, checks and imports a file, lists the import, and removes it', async () => {
    await page.goto(server.openUrl);
    await page.getByTestId('nav-data').click();
    await page.getByTestId('data-page').waitFor();
    await expect.poll(() => page.url()).toMatch(/[?&]page=data(&|$)/);
    await expect.poll(() => page.getByTestId('imports-empty').textContent()).toBe('No imports yet.');

    // Upload: the preview shows the first rows; the id column is not recognised.
    await page.getByTestId('data-file-input').setInputFiles(fixture);
    const file = page.getByTestId('file-e2e_roster_needs_mapping.csv');
    await file.getByTestId('data-preview').waitFor();
    expect(await file.getByTestId('data-preview').locator('thead th').allTextContents()).toEqual(['Staff Ref', 'As Of Date', 'Job Level', 'Gender', 'Department']);
    expect(await file.getByTestId('data-preview').locator('tbody tr').first().locator('td').allTextContents()).toEqual(['S1', '2025-06-30', 'L1', 'F', 'Sales']);
    expect(await file.getByTestId('missing-required').textContent()).toBe('Still to map: person_id.');
    expect(await page.getByTestId('check-button').isDisabled()).toBe(true);
    expect(await file.getByLabel('Column for level').inputValue()).toBe('Job Level');

    // Adjust the mapping.
    await file.getByLabel('Column for person_id').selectOption('Staff Ref');
    await expect.poll(() => file.getByTestId('missing-required').count()).toBe(0);

    // Check: nothing lands, the rejects are listed by row, column, value and reason.
    await page.getByTestId('check-button').click();
    await expect.poll(() => page.getByTestId('check-summary').textContent()).toBe('2 problems found. Fix the file and choose it again, or import the valid rows.');
    const rejects = await page.getByTestId('rejects-table').locator('tbody tr').evaluateAll((rows) =>
      rows.map((r) => Array.from(r.querySelectorAll('td')).map((td) => td.textContent)));
    expect(rejects).toEqual([
      // A person's id is never repeated: the row and column find it in the user's own file.
      ['e2e_roster_needs_mapping.csv', '4', 'Staff Ref', '', 'duplicate of row 2'],
      ['e2e_roster_needs_mapping.csv', '6', 'As Of Date', 'not a date', 'not a date (expected e.g. 2025-03-31)'],
    ]);
    expect(await count()).toBe(0);

    // The rejects as a CSV download.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-rejects').click()]);
    expect(download.suggestedFilename()).toBe('rejects.csv');
    const saved = readFileSync(await download.path(), 'utf8').trim().split('\n');
    expect(saved).toEqual([
      'file,row,column,value,reason',
      'e2e_roster_needs_mapping.csv,4,Staff Ref,,duplicate of row 2',
      'e2e_roster_needs_mapping.csv,6,As Of Date,not a date,not a date (expected e.g. 2025-03-31)',
    ]);

    // Import the valid rows: the import appears in the list with its counts and hash.
    await page.getByTestId('import-valid-button').click();
    const row = page.getByTestId('import-e2e_roster_needs_mapping.csv');
    await row.waitFor();
    expect(await row.locator('[data-col="rows"]').textContent()).toBe('3');
    expect(await row.locator('[data-col="rejected"]').textContent()).toBe('2');
    const sha = createHash('sha256').update(readFileSync(fixture)).digest('hex');
    expect(await row.locator('[data-col="hash"]').getAttribute('title')).toBe(sha);
    expect(await count()).toBe(3);
    await expect.poll(() => page.getByTestId('table-people').textContent()).toBe('people: 3 rows');
    expect(await page.getByTestId('blocked-models').locator('li').count()).toBeGreaterThan(0);

    // A data-subject request: one person erased, asked for once more, the id not shown back.
    await page.getByTestId('remove-person-id').fill('S2');
    await page.getByTestId('remove-person-button').click();
    expect(await count()).toBe(3);
    await page.getByTestId('remove-person-confirm').click();
    await expect.poll(() => page.getByTestId('remove-person-result').textContent()).toBe('Removed: 1 row from people.');
    expect(await count()).toBe(2);
    await expect.poll(() => page.getByTestId('table-people').textContent()).toBe('people: 2 rows');
    await page.getByTestId('remove-person-id').fill('S2');
    await page.getByTestId('remove-person-button').click();
    await page.getByTestId('remove-person-confirm').click();
    await expect.poll(() => page.getByTestId('remove-person-result').textContent()).toContain('No row of this workspace belongs to that id; nothing changed.');
    expect(await page.getByTestId('data-page').textContent()).not.toContain('S2');

    // Remove it: gone from the list and from the workspace.
    await row.getByRole('button', { name: /Remove import/ }).click();
    await page.getByTestId('imports-empty').waitFor();
    expect(await count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('shows a cancelled import as cancelled and the workspace as it was', async () => {
    await page.goto(`${server.url}?page=data`);
    await page.getByTestId('data-page').waitFor();
    // A roster big enough to still be importing when Cancel is pressed.
    const big = join(dir, 'big_roster.csv');
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    await c.run(`COPY (SELECT printf('E%08d', i) AS "Employee ID", DATE '2025-06-30' AS "As Of Date", 'L' || (1 + i % 5) AS "Job Level" FROM range(600000) t(i)) TO '${big.replace(/'/g, "''")}' (HEADER)`);
    c.closeSync();
    db.closeSync();
    await page.getByTestId('data-file-input').setInputFiles(big);
    await page.getByTestId('file-big_roster.csv').getByTestId('data-preview').waitFor();
    await page.getByTestId('import-button').click();
    await page.getByTestId('cancel-button').click();
    await expect.poll(() => page.getByTestId('notice-empty').textContent(), { timeout: 60_000 }).toContain('The import was cancelled; the workspace is exactly as it was.');
    expect(await count()).toBe(0);
    expect(await ws.all('SELECT count(*)::INTEGER AS n FROM imports')).toEqual([{ n: 0 }]);
  });

  it('sets the fiscal year: the periods become its quarters, in the controls and the workspace', async () => {
    const report = await importFiles(ws, [{ path: fixture, profile: { table: 'people', columns: { person_id: 'Staff Ref', snapshot_date: 'As Of Date', level: 'Job Level', gender: 'Gender', department: 'Department' } } }], { onInvalid: 'skip' });
    expect(report.files.map((f) => f.status), JSON.stringify(report).slice(0, 400)).toEqual(['imported']);
    await page.goto(server.openUrl);
    await page.getByTestId('nav-overview').click();
    await page.locator('select[name="period"]').waitFor();
    expect(await page.locator('select[name="period"] option').allTextContents()).toEqual(['2025-Q2']);

    await page.getByTestId('nav-data').click();
    const setting = page.getByTestId('fiscal-year');
    await setting.waitFor();
    await expect.poll(() => setting.textContent()).toContain('Now 2025-Q2 is Apr–Jun 2025.');
    await setting.locator('select[name="fiscal-start-month"]').selectOption({ label: 'April' });
    await setting.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => setting.textContent()).toContain('Now 2026-Q1 is Apr–Jun 2025.');
    expect(await fiscalStartMonth(ws)).toBe(4);

    // The 2025-06-30 roster falls in the first quarter of the fiscal year 2026 (April 2025 to March 2026).
    await page.getByTestId('nav-overview').click();
    await expect.poll(() => page.locator('select[name="period"] option').allTextContents()).toEqual(['2026-Q1']);
    await expect.poll(() => page.locator('.controls').textContent()).toContain('Apr–Jun 2025 (fiscal year from April)');
    expect(errors).toEqual([]);
  });
});
