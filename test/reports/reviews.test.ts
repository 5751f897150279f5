import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { join } from 'node:path';
import { Workspace } from '../../src/workspace/workspace';
import { saveReview, readSealedReview, openReview, listReviews, type SealedReview } from '../../src/reports/reviews/reviewStore';
import { compareReviews } from '../../src/reports/reviews/compareReviews';
import { exportSealedReview } from '../../src/reports/reviews/exportSealedReview';
import { buildReviewPack } from '../../src/reports/buildPack';
import { renderReviewHtml } from '../../src/reports/renderHtml';
import { arrowIPCToRows } from '../../src/arrow/toArrow';
import { tempDir } from '../helpers/tempWorkspace';
import { loadReports, PERIOD } from './fixture';

let ws: Workspace;
const tmp = tempDir();
let first: SealedReview;
let firstId: number;
let secondId: number;

const copy = (s: SealedReview): SealedReview => ({ ...s, results: s.results.map((r) => ({ ...r, arrow: Uint8Array.from(r.arrow) })) });

beforeAll(async () => {
  ws = await Workspace.open(join(tmp.dir, 'w.duckdb'));
  await loadReports(ws);
  firstId = (await saveReview(ws, { period: PERIOD }, { now: new Date('2025-07-15T09:00:00Z') })).reviewId;
  first = copy(await readSealedReview(ws, firstId));
  // The new import: 15 more women had a conversation in the same period.
  await loadReports(ws, ['more']);
  secondId = (await saveReview(ws, { period: PERIOD }, { now: new Date('2025-07-16T09:00:00Z') })).reviewId;
}, 120_000);
afterAll(() => { ws.close(); tmp.cleanup(); });

describe('sealed reviews', () => {
  it('store the settings, the inputs with their hashes, the model versions, the pack, the HTML and every result', () => {
    expect(JSON.parse(first.settings)).toEqual({ period: '2025-Q2', dimensions: ['gender', 'race_ethnicity'], k: 5, reference: 'largest', comparePeriod: null, title: null });
    expect(JSON.parse(first.inputs).map((i: { fileName: string; fileHash: string }) => i.fileName)).toEqual(['roster.csv', 'sessions.csv']);
    expect(JSON.parse(first.modelVersions).models.find((m: { name: string }) => m.name === 'participation_rate').sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(first.html).toMatch(/^<!doctype html>/);
    const rate = first.results.find((r) => r.model === 'participation_rate' && r.dimension === 'gender' && r.window === 'quarter')!;
    const rows = arrowIPCToRows(rate.arrow).rows;
    expect(rows.find((r) => r.slice === 'all' && r.grp === 'Woman')).toMatchObject({ numerator: 10, denominator: 30 });
    expect(first.results.map((r) => r.window)).toEqual(expect.arrayContaining(['quarter', 'pooled', 'headline']));
    expect(first.seal).toMatch(/^[0-9a-f]{64}$/);
  });

  it('are unchanged byte for byte after a new import', async () => {
    const after = await readSealedReview(ws, firstId);
    for (const key of ['title', 'period', 'createdAt', 'appVersion', 'settings', 'inputs', 'modelVersions', 'pack', 'html', 'seal'] as const) {
      expect(Buffer.from(after[key], 'utf8').equals(Buffer.from(first[key], 'utf8')), key).toBe(true);
    }
    expect(after.results.length).toBe(first.results.length);
    after.results.forEach((r, i) => {
      expect([r.model, r.dimension, r.window]).toEqual([first.results[i].model, first.results[i].dimension, first.results[i].window]);
      expect(Buffer.from(r.arrow).equals(Buffer.from(first.results[i].arrow))).toBe(true);
    });
    const opened = await openReview(ws, firstId);
    expect(opened.intact).toBe(true);
    expect(opened.html).toBe(first.html);
  });

  it('reopen as exactly what was presented, while a fresh report shows the new data', async () => {
    const html = await exportSealedReview(ws, firstId, 'html');
    expect(Buffer.from(html.bytes).equals(Buffer.from(first.html, 'utf8'))).toBe(true);
    expect(html.fileName).toBe(`pathways-review-${firstId}-2025-Q2.html`);
    const womanRow = (html: string) => /<tr data-table="participation_rate-gender-quarter" data-slice="all" data-grp="Woman"><td>Woman<\/td><td class="num">(\d+ of \d+)<\/td>/.exec(html)?.[1];
    expect(womanRow(first.html)).toBe('10 of 30');
    const fresh = renderReviewHtml((await buildReviewPack(ws, { period: PERIOD })).pack);
    expect(womanRow(fresh)).toBe('25 of 30');
  });

  it('compare side by side: the new input, and a change in a rate larger than chance', async () => {
    const c = await compareReviews(ws, firstId, secondId);
    expect(c.inputsAdded.map((i) => i.fileName)).toEqual(['sessions_more.csv']);
    expect(c.inputsRemoved).toEqual([]);
    expect(c.settingsChanged).toEqual([]);
    expect(c.modelsChanged).toEqual([]);
    const woman = c.rates.find((r) => r.model === 'participation_rate' && r.dimension === 'gender' && r.slice === 'all' && r.group === 'Woman')!;
    // 10 of 30 -> 25 of 30: pooled 35/60, z = 0.5 / sqrt(35/60 * 25/60 * 2/30) = 3.927922, p = 8.5683e-5.
    expect(woman).toMatchObject({ numeratorA: 10, denominatorA: 30, numeratorB: 25, denominatorB: 30, test: 'z', significant: true });
    expect(woman.deltaPp).toBeCloseTo(50, 10);
    expect(woman.p).toBeCloseTo(8.5683e-5, 8);
    const man = c.rates.find((r) => r.model === 'participation_rate' && r.dimension === 'gender' && r.slice === 'all' && r.group === 'Man')!;
    expect(man).toMatchObject({ numeratorA: 20, numeratorB: 20, deltaPp: 0, p: 1, significant: false });
    const everyone = c.headlines.find((h) => h.model === 'participation_rate')!;
    // 30 of 60 -> 45 of 60: z = 0.25 / sqrt(75/120 * 45/120 * 2/60) = 2.828427, p = 0.0046777.
    expect(everyone).toMatchObject({ numeratorA: 30, numeratorB: 45, denominatorB: 60, significant: true });
    expect(everyone.p).toBeCloseTo(0.0046777, 6);
    expect(c.rates[0].significant).toBe(true);
  });

  it('list newest first', async () => {
    const all = await listReviews(ws);
    expect(all.map((r) => r.reviewId)).toEqual([secondId, firstId]);
    expect(all[1]).toMatchObject({ period: '2025-Q2', createdAt: '2025-07-15T09:00:00Z', inputFiles: 2, seal: first.seal });
    expect(all[0].inputFiles).toBe(3);
  });

  it('show a broken seal when the stored review is changed after sealing', async () => {
    const c = await ws.connect();
    try {
      await c.run("UPDATE reviews SET html = replace(html, '10 of 30', '11 of 30') WHERE review_id = $id", { id: firstId });
    } finally { c.closeSync(); }
    expect((await openReview(ws, firstId)).intact).toBe(false);
    expect((await openReview(ws, secondId)).intact).toBe(true);
  });

  it('refuse a review number that does not exist', async () => {
    await expect(openReview(ws, 999)).rejects.toThrow('there is no saved review number 999');
  });
});
