import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page, Download } from 'playwright-core';
import { launchChromium } from './browser';
import { startDemoServer } from './demoServer';
import { runModel } from '../../src/models/runModel';
import { openView } from './dashboardPage';

let demo: Awaited<ReturnType<typeof startDemoServer>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  demo = await startDemoServer();
  browser = await launchChromium();
  page = await (await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } })).newPage();
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

const PERIOD = '2026-Q2';

async function save(panel: string, kind: 'svg' | 'png' | 'csv'): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download') as Promise<Download>,
    page.getByTestId(`panel-${panel}`).locator(`button[data-export="${kind}"]`).click(),
  ]);
  return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}

/** RFC 4180 CSV back into rows (quotes, doubled quotes, CRLF), without the BOM. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; } else if (ch === '\r' && s[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += ch;
  }
  return rows;
}

describe('exports from the charts, in Chromium', () => {
  it('saves a rate table as CSV with the model\'s numbers, suppressed cells as "fewer than 5" and no figure', async () => {
    await openView(page, demo.server.openUrl, `?page=participation&period=${PERIOD}`);
    const { name, bytes } = await save('participation_rate', 'csv');
    expect(name).toBe(`participation_rate_${PERIOD}_gender.csv`);
    const rows = parseCsv(bytes.toString('utf8'));
    expect(rows[0]).toEqual(['Slice', 'Group', 'Participants', 'Eligible', 'Rate', 'CI lower', 'CI upper', 'Impact ratio', 'p', 'q', 'Verdict', 'Change since 2026-Q1', 'Change since 2025-Q2']);
    const result = await runModel(demo.ws, 'participation_rate', { period: PERIOD });
    const slices: Record<string, string> = { all: 'All layers', formal: 'Formal programs', peer: 'Peer networks', informal: 'Informal coaching' };
    expect(rows.length - 1).toBe(result.rows.length);
    for (const r of result.rows) {
      const line = rows.find((x) => x[0] === slices[r.slice as string] && x[1] === r.grp)!;
      if (r.suppressed) {
        expect(line.slice(2, 4)).toEqual(['fewer than 5', 'fewer than 5']);
        expect(line.slice(4, 10).every((c) => c === '')).toBe(true);
        expect(line[10]).toBe('not shown');
      } else {
        expect(line.slice(2, 4)).toEqual([String(r.numerator), String(r.denominator)]);
        expect(Number(line[4])).toBeCloseTo(r.rate as number, 12);
        expect(Number(line[5])).toBeCloseTo(r.ci_lower as number, 12);
        expect(line[11] === '' ? null : Number(line[11])).toEqual(r.delta_compare_pp === null ? null : expect.closeTo(r.delta_compare_pp as number, 9));
      }
    }
  });

  it('saves the chart as an SVG file that stands alone, with its accessible name and "fewer than 5" where a group is hidden', async () => {
    const { name, bytes } = await save('participation_rate', 'svg');
    expect(name).toBe(`participation_rate_${PERIOD}_gender.svg`);
    const text = bytes.toString('utf8');
    expect(text.startsWith('<?xml')).toBe(true);
    // Parsed as a file of its own (not in the page), by the browser's XML parser.
    const parsed = await page.evaluate((t) => {
      const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
      const svg = doc.documentElement;
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null, tag: svg.tagName, xmlns: svg.getAttribute('xmlns'), label: svg.getAttribute('aria-label'),
        width: Number(svg.getAttribute('width')), texts: [...doc.querySelectorAll('text')].map((x) => x.textContent), circles: doc.querySelectorAll('circle').length,
      };
    }, text);
    expect(parsed).toMatchObject({ error: null, tag: 'svg', xmlns: 'http://www.w3.org/2000/svg', label: `Participation rate by gender, ${PERIOD}` });
    expect(parsed.width).toBeGreaterThan(300);
    expect(parsed.texts).toContain('fewer than 5');
    expect(parsed.circles).toBeGreaterThan(0);
  });

  it('saves the chart as a PNG twice its size', async () => {
    const { name, bytes } = await save('participation_rate', 'png');
    expect(name).toBe(`participation_rate_${PERIOD}_gender.png`);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    const svgSize = await page.getByTestId('panel-participation_rate').locator('figure svg').evaluate((s) => [Number(s.getAttribute('width')), Number(s.getAttribute('height'))]);
    expect([width, height]).toEqual([svgSize[0] * 2, svgSize[1] * 2]);
  });

  it('saves a table model\'s table as CSV: the pipeline by level', async () => {
    await openView(page, demo.server.openUrl, `?page=representation&period=${PERIOD}`);
    const { bytes } = await save('pipeline', 'csv');
    const rows = parseCsv(bytes.toString('utf8'));
    expect(rows[0]).toEqual(['Level', 'Group', 'People', 'At the level', 'Share of the level', 'Share a level below', 'Change from the level below']);
    const result = await runModel(demo.ws, 'pipeline', { period: PERIOD });
    for (const r of result.rows) {
      const line = rows.find((x) => x[0] === `Level ${r.level}` && x[1] === r.grp)!;
      if (r.suppressed) expect(line.slice(2)).toEqual(['fewer than 5', 'fewer than 5', '', '', '']);
      else expect(line.slice(2, 4)).toEqual([String(r.count), String(r.level_total)]);
    }
    // A negative change stays a number (the formula guard is for text cells).
    expect(rows.slice(1).some((x) => /^-\d/.test(x[6]))).toBe(true);
  });
});
