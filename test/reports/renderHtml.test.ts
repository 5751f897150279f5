import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { Workspace } from '../../src/workspace/workspace';
import { buildReviewPack } from '../../src/reports/buildPack';
import { renderReviewHtml, REPORT_CSP } from '../../src/reports/renderHtml';
import type { ReviewPack } from '../../src/reports/packSchema';
import { tempDir } from '../helpers/tempWorkspace';
import { loadReports, PERIOD } from './fixture';

let ws: Workspace;
let pack: ReviewPack;
let doc: Document;
let html: string;
const tmp = tempDir();

beforeAll(async () => {
  ws = await Workspace.open(join(tmp.dir, 'w.duckdb'));
  await loadReports(ws);
  // k = 6 hides Beta's 5 of 30 (and Alpha with it): the page must show neither.
  ({ pack } = await buildReviewPack(ws, { period: PERIOD, k: 6 }, { now: new Date('2025-07-15T09:30:00Z') }));
  html = renderReviewHtml(pack);
  doc = new JSDOM(html).window.document;
}, 120_000);
afterAll(() => { ws.close(); tmp.cleanup(); });

describe('renderReviewHtml', () => {
  it('is one self-contained file: a strict CSP, inline CSS, no script, no external reference', () => {
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(REPORT_CSP);
    expect(REPORT_CSP).toContain("default-src 'none'");
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect(doc.querySelectorAll('link, img, iframe, object')).toHaveLength(0);
    expect(html).not.toMatch(/\bsrc=|url\(|@import|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(doc.querySelectorAll('style').length).toBeGreaterThan(0);
  });

  it('has every part: summary, findings, five areas, methodology and provenance', () => {
    expect([...doc.querySelectorAll('section.part')].map((s) => s.id)).toEqual(['summary', 'findings', 'participation', 'access', 'progression', 'representation', 'programs', 'methodology', 'provenance']);
    expect(doc.querySelector('#provenance')?.textContent).toContain('roster.csv');
  });

  it('draws one chart per rate result of the quarter, with the dashboards\' chart module', () => {
    const rateResults = pack.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'rate' && !b.needs).flatMap((b) => b.results.filter((r) => r.window === 'quarter'));
    expect(rateResults.length).toBeGreaterThan(4);
    for (const r of rateResults) {
      const el = doc.getElementById(`r-${r.model}-${r.dimension}-quarter`);
      expect(el?.querySelectorAll('figure.chart > svg').length, r.model).toBe(1);
    }
    expect(doc.querySelector('#r-participation_rate-gender-quarter svg')?.getAttribute('aria-label')).toBe('Participation rate by gender, 2025-Q2');
  });

  it('shows a hidden group as "fewer than k" and no figure, in its table and its chart', () => {
    const hidden = [...doc.querySelectorAll('tr[data-suppressed="true"]')];
    expect(hidden.length).toBeGreaterThan(0);
    for (const tr of hidden) {
      const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '');
      expect(cells[cells.length - 1]).toBe('fewer than 6');
    }
    const beta = doc.querySelector('tr[data-table="participation_rate-race_ethnicity-quarter"][data-slice="all"][data-grp="Beta"]')!;
    expect(beta.getAttribute('data-suppressed')).toBe('true');
    expect(beta.textContent).toBe('Betafewer than 6');
    expect(html).not.toContain('5 of 30');
    expect(html).not.toContain('25 of 30');
    const chart = doc.querySelector('#r-participation_rate-race_ethnicity-quarter svg')!;
    expect([...chart.querySelectorAll('title')].map((t) => t.textContent).filter((t) => /^(Alpha|Beta), All layers/.test(t ?? ''))).toEqual([]);
    // The other layers (0 of 30 each) are shown and drawn.
    expect([...chart.querySelectorAll('title')].map((t) => t.textContent).filter((t) => /^Beta, Formal programs: 0\.0%/.test(t ?? ''))).toHaveLength(1);
  });

  it('is the same page for the same pack', () => {
    expect(renderReviewHtml(pack)).toBe(html);
  });
});
