import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workspace } from '../../src/workspace/workspace';
import { buildReviewPack } from '../../src/reports/buildPack';
import type { ReviewPack, PackResult } from '../../src/reports/packSchema';
import { appRoot } from '../../src/paths';
import { tempDir } from '../helpers/tempWorkspace';
import { loadReports, PERIOD } from './fixture';

let ws: Workspace;
let pack: ReviewPack;
let progress: [number, number][] = [];
const tmp = tempDir();

beforeAll(async () => {
  ws = await Workspace.open(join(tmp.dir, 'w.duckdb'));
  await loadReports(ws);
  ({ pack } = await buildReviewPack(ws, { period: PERIOD }, { now: new Date('2025-07-15T09:30:00Z'), onProgress: (d, t) => { progress.push([d, t]); } }));
}, 120_000);
afterAll(() => { ws.close(); tmp.cleanup(); });

const result = (model: string, dimension: string, window: string): PackResult => {
  const r = pack.sections.flatMap((s) => s.blocks).find((b) => b.model === model)?.results.find((x) => x.dimension === dimension && x.window === window);
  if (!r) throw new Error(`no result ${model} ${dimension} ${window}`);
  return r;
};
const row = (r: PackResult, slice: string, grp: string) => r.rows.find((x) => x.slice === slice && x.grp === grp)!;

describe('buildReviewPack on the reports fixture', () => {
  it('states its period, comparison periods and the four pooled quarters', () => {
    expect(pack.period).toEqual({ label: '2025-Q2', start: '2025-04-01', end: '2025-07-01' });
    expect(pack.comparePeriod).toBe('2025-Q1');
    expect(pack.yearAgoPeriod).toBe('2024-Q2');
    expect(pack.pooledPeriods).toEqual(['2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2']);
    expect(pack.dimensions).toEqual([{ name: 'gender', label: 'Gender' }, { name: 'race_ethnicity', label: 'Race/ethnicity' }]);
    expect(pack.title).toBe('Mentorship and career equity review, 2025-Q2');
  });

  it('shows the organisation-wide participation with its change since last quarter and last year', () => {
    const h = pack.headlines.find((x) => x.model === 'participation_rate')!;
    // 30 of the 60 employed on 2025-06-30 hosted a conversation; nobody did in 2025-Q1 or 2024-Q2.
    expect(h).toMatchObject({ numerator: 30, denominator: 60, rate: 0.5, rateCompare: 0, rateYearAgo: 0, suppressed: false });
    expect(h.deltaComparePp).toBeCloseTo(50, 10);
    expect(h.deltaYearPp).toBeCloseTo(50, 10);
    // Wilson 95% for 30/60: 0.5 ± 1.959964 * sqrt(0.25/60 + 3.841459/14400) / (1 + 3.841459/60)
    // = 0.5 ± 1.959964 * 0.0665841 / 1.0640243 = 0.5 ± 0.122649.
    expect(h.ciLower).toBeCloseTo(0.377351, 5);
    expect(h.ciUpper).toBeCloseTo(0.622649, 5);
    // Needs application data, which the fixture has none of.
    expect(pack.headlines.find((x) => x.model === 'application_to_match')?.needs).toMatch(/needs enrollments data/);
  });

  it('holds each model\'s quarter result per dimension, as the model layer returned it', () => {
    const g = result('participation_rate', 'gender', 'quarter');
    expect(row(g, 'all', 'Woman')).toMatchObject({ numerator: 10, denominator: 30, reference_group: 'Man', is_reference: false, rate_compare: 0 });
    expect(row(g, 'all', 'Man')).toMatchObject({ numerator: 20, denominator: 30, is_reference: true });
    expect(row(g, 'formal', 'Woman')).toMatchObject({ numerator: 0, denominator: 30 });
    const r = result('participation_rate', 'race_ethnicity', 'quarter');
    expect(row(r, 'all', 'Alpha')).toMatchObject({ numerator: 25, denominator: 30 });
    expect(row(r, 'all', 'Beta')).toMatchObject({ numerator: 5, denominator: 30 });
  });

  it('adds the four quarters up (person-quarters) only where each quarter\'s outcome is a fresh event', () => {
    const p = result('promotion_rate', 'gender', 'pooled');
    // No promotion in any quarter, of 4 x 30; the roster of 2025-06-30 stands for the earlier quarters too.
    expect(row(p, 'all', 'Woman')).toMatchObject({ numerator: 0, denominator: 120, suppressed: false });
    expect(row(p, 'all', 'Man')).toMatchObject({ numerator: 0, denominator: 120, suppressed: false });
    expect(p.windowLabel).toBe('2024-Q3 to 2025-Q2');
    // Taking part carries over from quarter to quarter: adding quarters would count one person's
    // participation up to four times, so participation has no pooled view.
    expect(() => result('participation_rate', 'gender', 'pooled')).toThrow('no result');
  });

  it('says which models could not run and why, instead of leaving them out', () => {
    const blocks = pack.sections.flatMap((s) => s.blocks);
    expect(blocks.find((b) => b.model === 'feedback_quality')?.needs).toMatch(/^needs feedback data/);
    expect(blocks.find((b) => b.model === 'participation_rate')?.needs).toBeNull();
    expect(pack.sections.map((s) => s.id)).toEqual(['participation', 'access', 'progression', 'representation', 'programs']);
    expect(pack.sections.find((s) => s.id === 'programs')?.blocks.map((b) => b.model)).toEqual(['participation_by_program', 'program_outcomes']);
  });

  it('records the provenance: each input file with its hash and rows, the app version and each model\'s SQL hash', () => {
    const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
    expect(pack.provenance.inputs.map((i) => [i.fileName, i.table, i.rowCount, i.fileHash])).toEqual([
      ['roster.csv', 'people', 60, sha(join(__dirname, '..', 'fixtures', 'reports', 'roster.csv'))],
      ['sessions.csv', 'sessions', 30, sha(join(__dirname, '..', 'fixtures', 'reports', 'sessions.csv'))],
    ]);
    expect(pack.provenance.appVersion).toBe(JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')).version);
    const m = pack.provenance.models.find((x) => x.name === 'promotion_rate')!;
    expect(m.file).toBe('queries/progression/promotion_rate.sql');
    expect(m.sha256).toBe(sha(join(appRoot(), m.file)));
    expect(pack.provenance.generatedAt).toBe('2025-07-15T09:30:00Z');
  });

  it('says in the methodology what was derived rather than imported, and k', () => {
    expect(pack.methodology.k).toBe(5);
    expect(pack.methodology.derivedEvents).toBe(false);
    const derived = pack.methodology.paragraphs.find((p) => p.heading === 'What was derived rather than imported')!;
    expect(derived.text).toMatch(/Headcounts at a date are derived from the roster snapshots/);
    expect(pack.methodology.references).toContainEqual({ model: 'participation_rate', dimension: 'Gender', slice: 'all', group: 'Man' });
  });

  it('reports progress up to the total', () => {
    const [done, total] = progress[progress.length - 1];
    expect(done).toBe(total);
    expect(total).toBeGreaterThan(20);
  });

  it('refuses a period outside the data and an unknown dimension, with what the workspace has', async () => {
    await expect(buildReviewPack(ws, { period: '2026-Q3' })).rejects.toThrow('2026-Q3 is outside the data: this workspace covers 2025-Q2 to 2025-Q2.');
    await expect(buildReviewPack(ws, { period: PERIOD, dimensions: ['age_band'] })).rejects.toThrow(/"age_band" is not an equity dimension of this workspace \(it has gender, race_ethnicity/);
  });

  // The pooled view's own suppression is tested in pooled.test.ts.
  it('hides a group whose count is under k, with its complement', async () => {
    // k = 6: Beta's 5 of 30 is a small count, and Alpha, the only other group of the slice, goes with it.
    const { pack: p6 } = await buildReviewPack(ws, { period: PERIOD, k: 6, dimensions: ['race_ethnicity'] });
    const r = p6.sections.flatMap((s) => s.blocks).find((b) => b.model === 'participation_rate')!.results;
    const q = r.find((x) => x.window === 'quarter')!;
    for (const grp of ['Alpha', 'Beta']) {
      expect(q.rows.find((x) => x.slice === 'all' && x.grp === grp)).toMatchObject({ suppressed: true, numerator: null, denominator: null, rate: null, p_value: null, note: 'fewer than 6' });
    }
    expect(JSON.stringify(p6)).not.toMatch(/"numerator":5,"denominator":30|"numerator":25,"denominator":30/);
  });
});
