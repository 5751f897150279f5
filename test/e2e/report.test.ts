import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { ensureDemoWorkspace } from '../../src/app/demoWorkspace';
import type { DemoManifest } from '../../src/demo/demoManifest';
import { Workspace } from '../../src/workspace/workspace';
import { buildReviewPack } from '../../src/reports/buildPack';
import { renderReviewHtml } from '../../src/reports/renderHtml';
import { chromiumPdfPrinter } from '../../src/reports/pdf/chromiumPdf';
import type { ReviewPack, PackResult } from '../../src/reports/packSchema';
import { EVERYONE_DIMENSION } from '../../src/reports/everyone';
import { loadModels } from '../../src/models/registry';
import { periodFromLabel } from '../../src/models/period';
import { paramsUsedBy } from '../../src/workspace/bindUsed';

const PERIOD = '2026-Q3';
let dir: string;
let ws: Workspace;
let manifest: DemoManifest;
let pack: ReviewPack;
let html: string;
let pdfText: string;
let pdfLayout: string;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pathways-e2e-report-'));
  ({ manifest } = await ensureDemoWorkspace({ dir }));
  ws = await Workspace.open(join(dir, 'workspace.duckdb'));
  ({ pack } = await buildReviewPack(ws, { period: PERIOD }));
  html = renderReviewHtml(pack);
  const pdf = await chromiumPdfPrinter()(html);
  const pdfPath = join(dir, 'review.pdf');
  writeFileSync(pdfPath, pdf);
  pdfText = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  pdfLayout = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  writeFileSync(join(dir, 'review.html'), html);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  ws?.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Text with every whitespace and hyphen removed: line breaks fall anywhere in a PDF, and
 * pdftotext drops a hyphen it finds at the end of a line ("2024-12-" + "31" reads "2024-1231").
 */
const compact = (s: string) => s.replace(/[\s\-\u00ad\u2010\u2011]+/g, '');
/** Text with whitespace runs as one space, for searches that need word boundaries. */
const spaced = (s: string) => s.replace(/\s+/g, ' ');

/** Which findings tell each planted disparity (the mentor pool shows as a share or as a rate). */
const TOLD_BY: Record<string, string[]> = {
  time_to_match: ['time_to_match'],
  promotion_rate: ['promotion_rate', 'time_to_promotion'],
  mentor_pool_representation: ['mentor_pool_representation', 'mentor_participation'],
};

/** The models' SQL run as the model layer runs it, but without disclosure control: the figures that must not show. */
async function rawRateRows(model: string, dimension: string, period: string): Promise<{ slice: string; grp: string; numerator: number; denominator: number }[]> {
  const { models, lib } = loadModels();
  const m = models.get(model)!;
  const p = periodFromLabel(period);
  const params = {
    period_start: p.start, period_end: p.end, dimension, dimension2: null, department: null, location: null, level_min: null, level_max: null,
    layer: null, program_id: null, min_conversations: 2, mentor_level_min: null,
  };
  const c = await ws.connect();
  try {
    await c.run(lib);
    const rows = (await c.runAndReadAll(m.sql, paramsUsedBy(m.sql, params))).getRowObjectsJS();
    return rows.map((r) => ({ slice: String(r.slice ?? 'all'), grp: String(r.grp), numerator: Number(r.numerator), denominator: Number(r.denominator) }));
  } finally {
    c.closeSync();
  }
}

describe('the review pack of the demo workspace, printed to PDF by Chromium', () => {
  it('is a real, many-page PDF with every part', () => {
    for (const heading of ['Executive summary', 'Findings', 'Participation', 'Access', 'Progression', 'Representation', 'Programs', 'Methodology', 'Provenance']) {
      expect(pdfText).toContain(heading);
    }
    for (const f of manifest.files) expect(compact(pdfText)).toContain(compact(f.file));
  });

  it('states each planted disparity as a finding, in words', () => {
    expect(manifest.plantedDisparities).toHaveLength(3);
    const text = compact(pdfText);
    for (const d of manifest.plantedDisparities) {
      const told = pack.findings.filter((f) => TOLD_BY[d.model].includes(f.model) && f.group === d.group && f.dimension === d.dimension);
      expect(told.length, `${d.id}: no finding about ${d.group}`).toBeGreaterThan(0);
      for (const f of told) expect(text.includes(compact(f.sentence)), `${d.id}: ${f.sentence}`).toBe(true);
    }
    // The promotion gap lives at level L3, for women, and reads about half the men's rate.
    const promo = pack.findings.find((f) => f.model === 'promotion_rate' && f.group === 'Woman' && f.slice === 'level L3')!;
    expect(promo.window).toBe('pooled');
    expect(promo.ratio).toBeGreaterThan(0.3);
    expect(promo.ratio).toBeLessThan(0.7);
    const wait = pack.findings.find((f) => f.model === 'time_to_match' && f.group === 'Hispanic or Latino' && f.slice === 'all')!;
    expect(wait.ratio).toBeGreaterThan(1.5);
  });

  it('shows no suppressed figure: no hidden cell of any rate result (quarter or pooled) appears in its table or chart', async () => {
    const text = spaced(pdfText);
    const blocks = pack.sections.flatMap((s) => s.blocks).filter((b) => !b.needs);
    const dimLabel = (d: string) => pack.dimensions.find((x) => x.name === d)!.label.toLowerCase();
    const heading = (r: PackResult) => (r.window === 'pooled' ? `By ${dimLabel(r.dimension)}, the four quarters ${r.windowLabel} pooled` : `By ${dimLabel(r.dimension)}, ${r.windowLabel}`);
    // A heading as a pattern that survives line breaks and a dropped end-of-line hyphen.
    const pattern = (h: string) => new RegExp(h.split('').map((ch) => (ch === ' ' ? '\\s*' : ch === '-' ? '-?\\s*' : ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))).join(''), 'g');
    // Each result's stretch of the document: from its heading to the next result's heading.
    const results = blocks.flatMap((b) => b.results.filter((r) => r.dimension !== EVERYONE_DIMENSION).map((r) => ({ b, r })));
    const starts: number[] = [];
    let at = 0;
    for (const { r } of results) {
      const re = pattern(heading(r));
      re.lastIndex = at;
      const m = re.exec(text);
      expect(m, `heading of ${r.model} ${r.dimension} ${r.window}`).not.toBeNull();
      starts.push(m!.index);
      at = m!.index + m![0].length;
    }
    const methodology = text.indexOf('Methodology Periods');
    const key = (r: Record<string, unknown>) => `${String(r.slice)}\u001f${String(r.grp)}`;
    let checked = 0;
    for (const [i, { b, r }] of results.entries()) {
      const segment = text.slice(starts[i], i + 1 < starts.length ? starts[i + 1] : methodology);
      const hidden = r.rows.filter((x) => x.suppressed && (b.kind === 'rate' || x.row_type === undefined || x.row_type === 'summary'));
      // Every hidden row shows as words in its table (and its chart, for a rate model of the quarter).
      expect((segment.match(/fewer than 5/g) ?? []).length, `${r.model} ${r.dimension} ${r.window}`).toBeGreaterThanOrEqual(hidden.length);
      if (b.kind !== 'rate' || !hidden.length) continue;
      const periods = r.window === 'pooled' ? pack.pooledPeriods : [PERIOD];
      const raws = await Promise.all(periods.map((p) => rawRateRows(r.model, r.dimension, p)));
      // The same words may rightly be printed for a shown row of the result (another slice of the same group).
      const shown = new Set(r.rows.filter((x) => !x.suppressed).map((x) => `${x.numerator} of ${x.denominator}`));
      for (const row of hidden) {
        const parts = raws.map((raw) => raw.find((x) => key(x) === key(row)));
        if (parts.some((x) => !x)) continue;
        const n = parts.reduce((a, x) => a + x!.numerator, 0);
        const d = parts.reduce((a, x) => a + x!.denominator, 0);
        if (shown.has(`${n} of ${d}`)) continue;
        // A shown rate cell prints as "n of d"; a hidden one must not.
        expect(new RegExp(`(?<![\\d.,])${n} of ${d}(?![\\d.,])`).test(segment), `${r.model} ${r.dimension} ${r.window} ${String(row.slice)} ${String(row.grp)}: ${n} of ${d}`).toBe(false);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(100);
    // The headline figures are organisation-wide, each from the model layer (k applies to them too).
    expect(pack.headlines.every((h) => h.needs !== null || h.suppressed || h.denominator! >= 5)).toBe(true);
  });
});

describe('the review pack as one HTML file, opened in Chromium', () => {
  it('opens offline from disk, makes no network request, and draws every chart of every section', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    const url = pathToFileURL(join(dir, 'review.html')).href;
    await page.goto(url);
    expect(requests).toEqual([url]);
    expect(errors).toEqual([]);
    const perSection = await page.evaluate(() => [...document.querySelectorAll('section.area')].map((s) => ({
      id: s.id,
      results: [...s.querySelectorAll('.result[data-window="quarter"]')].map((r) => ({
        model: r.getAttribute('data-model'),
        charts: r.querySelectorAll('figure.chart > svg').length,
        marks: r.querySelectorAll('figure.chart > svg circle').length,
        drawn: [...r.querySelectorAll('figure.chart > svg')].every((svg) => svg.getBoundingClientRect().width > 300 && svg.getBoundingClientRect().height > 100),
      })),
    })));
    expect(perSection.map((s) => s.id)).toEqual(['participation', 'access', 'progression', 'representation', 'programs']);
    const rateModels = new Set(pack.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'rate' && !b.needs).map((b) => b.model));
    for (const s of perSection) {
      const expected = pack.sections.find((x) => x.id === s.id)!.blocks.filter((b) => rateModels.has(b.model)).length * pack.dimensions.length;
      const charts = s.results.filter((r) => r.charts > 0);
      expect(charts.length, s.id).toBe(expected);
      for (const r of charts) {
        expect(r.charts, `${s.id} ${r.model}`).toBe(1);
        expect(r.marks, `${s.id} ${r.model}`).toBeGreaterThan(0);
        expect(r.drawn, `${s.id} ${r.model}`).toBe(true);
      }
    }
    expect(perSection.reduce((n, s) => n + s.results.filter((r) => r.charts > 0).length, 0)).toBe(rateModels.size * 2);
    await page.close();
  });
});
