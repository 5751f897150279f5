import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { cli } from '../helpers/runCli';
import { Workspace } from '../../src/workspace/workspace';
import { tempDir } from '../helpers/tempWorkspace';
import { loadReports, PERIOD } from '../reports/fixture';

const tmp = tempDir();
const wsPath = join(tmp.dir, 'w.duckdb');

beforeAll(async () => {
  const ws = await Workspace.open(wsPath);
  await loadReports(ws);
  ws.close();
});
afterAll(() => tmp.cleanup());

describe('pathways report', () => {
  it('writes the HTML pack, with progress on stderr', async () => {
    const out = join(tmp.dir, 'review.html');
    const r = await cli('report', '--workspace', wsPath, '--period', PERIOD, '--format', 'html', '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/review\.html: html, \d+ bytes; \d+ findings/);
    expect(r.err).toMatch(/^report: \d+\/\d+ /m);
    expect(r.err).toMatch(/report: (\d+)\/\1 findings/);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('writes the tables as a zip of CSV files, with --dimension and --k', async () => {
    const out = join(tmp.dir, 'tables.zip');
    const r = await cli('report', '--workspace', wsPath, '--period', PERIOD, '--format', 'csv', '--out', out, '--dimension', 'gender', '--k', '6');
    expect(r.code).toBe(0);
    expect(r.out).toContain('(a zip of CSV files, one per table)');
    const names = Object.keys(unzipSync(new Uint8Array(readFileSync(out))));
    expect(names).toContain('contents.csv');
    expect(names.some((n) => n.includes('race_ethnicity'))).toBe(false);
    expect(names.some((n) => n.endsWith('participation_rate-gender-quarter.csv'))).toBe(true);
  });

  it.each([
    ['a period outside the data', ['--period', '2031-Q1', '--format', 'html', '--out', 'OUT'], 2, '2031-Q1 is outside the data: this workspace covers 2025-Q2 to 2025-Q2.'],
    ['a malformed period', ['--period', '2025Q2', '--format', 'html', '--out', 'OUT'], 2, 'a period looks like 2026-Q3'],
    ['an unwritable path', ['--period', PERIOD, '--format', 'html', '--out', '/nonexistent-dir/review.html'], 2, 'cannot write the report to /nonexistent-dir/review.html: the folder /nonexistent-dir does not exist.'],
    ['no Chromium for a PDF', ['--period', PERIOD, '--format', 'pdf', '--out', 'OUT', '--chromium', '/nonexistent/chromium'], 1, 'no Chromium or Chrome to print the PDF with (looked for /nonexistent/chromium)'],
    ['an unknown format', ['--period', PERIOD, '--format', 'docx', '--out', 'OUT'], 2, '--format is one of pdf, html, csv, xlsx'],
    ['no --out', ['--period', PERIOD, '--format', 'html'], 2, 'missing --out'],
  ])('fails clearly on %s', async (_name, args, code, message) => {
    const out = join(tmp.dir, 'never.out');
    const r = await cli('report', '--workspace', wsPath, ...args.map((a) => (a === 'OUT' ? out : a)));
    expect(r.code).toBe(code);
    expect(r.err).toContain(message);
    expect(existsSync(out)).toBe(false);
  });
});

describe('pathways review', () => {
  it('saves, lists, shows, exports and compares sealed reviews', async () => {
    const saved = await cli('review', 'save', '--workspace', wsPath, '--period', PERIOD, '--title', 'Q2 review');
    expect(saved.code).toBe(0);
    expect(saved.out).toMatch(/^sealed review 1: Q2 review \(\d+ findings, \d+ gaps; seal [0-9a-f]{16}…\)$/m);

    const more = await Workspace.open(wsPath);
    await loadReports(more, ['more']);
    more.close();
    expect((await cli('review', 'save', '--workspace', wsPath, '--period', PERIOD)).code).toBe(0);

    const list = await cli('review', 'list', '--workspace', wsPath);
    expect(list.out.trim().split('\n').map((l) => l.trim().split(/\s+/)[0])).toEqual(['2', '1']);

    const show = await cli('review', 'show', '1', '--workspace', wsPath);
    expect(show.code).toBe(0);
    expect(show.out).toMatch(/^review 1: Q2 review$/m);
    expect(show.out).toMatch(/\(intact\)/);

    const xlsx = join(tmp.dir, 'review-1.xlsx');
    const exported = await cli('review', 'show', '1', '--workspace', wsPath, '--format', 'xlsx', '--out', xlsx);
    expect(exported.code).toBe(0);
    expect(readFileSync(xlsx).subarray(0, 2).toString('latin1')).toBe('PK');

    const compare = await cli('review', 'compare', '1', '2', '--workspace', wsPath);
    expect(compare.code).toBe(0);
    expect(compare.out).toContain('input added: sessions_more.csv (sessions, 15 rows)');
    expect(compare.out).toMatch(/^  Participation rate, Woman: 33\.3% -> 83\.3% \(\+50\.0 pp; q [<=] 0\.0\d\d\), larger than chance$/m);

    const json = await cli('review', 'compare', '1', '2', '--workspace', wsPath, '--format', 'json');
    expect(JSON.parse(json.out).inputsAdded[0].fileName).toBe('sessions_more.csv');

    const bad = await cli('review', 'show', 'x', '--workspace', wsPath);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('name the review by its number');
    const missing = await cli('review', 'show', '9', '--workspace', wsPath);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('there is no saved review number 9');
  });
});
