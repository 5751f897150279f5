import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { join } from 'node:path';
import { Workspace } from '../../src/workspace/workspace';
import { createCore, dispatch, type Core } from '../../src/api/core';
import { api } from '../../src/api/contract';
import { tempDir } from '../helpers/tempWorkspace';
import { loadReports, PERIOD } from './fixture';

let ws: Workspace;
let core: Core;
const tmp = tempDir();
let printed: string[] = [];

beforeAll(async () => {
  ws = await Workspace.open(join(tmp.dir, 'w.duckdb'));
  await loadReports(ws);
  // The PDF printer the app hands the core (Electron's printToPDF): here one that records the page.
  core = createCore(ws, undefined, { printPdf: async (html) => { printed.push(html); return new TextEncoder().encode('%PDF-1.7 test'); } });
}, 60_000);
afterAll(() => { ws.close(); tmp.cleanup(); });

const ok = async (method: string, input: unknown) => {
  const reply = await dispatch(core, method, input);
  if (!reply.ok) throw new Error(reply.error.message);
  // What crosses IPC and HTTP is what the contract's output schema accepts.
  const schema = api[method as keyof typeof api].output;
  if (schema !== 'arrow') schema.parse(reply.value);
  return reply.value as Record<string, unknown>;
};

describe('the report methods of the contract', () => {
  it('export a report as base64 bytes, printing PDFs with the printer the core was given', async () => {
    const pdf = await ok('exportReport', { settings: { period: PERIOD }, format: 'pdf' });
    expect(pdf).toMatchObject({ fileName: 'pathways-review-2025-Q2.pdf', mediaType: 'application/pdf', byteLength: 13 });
    expect(Buffer.from(String(pdf.base64), 'base64').toString('latin1')).toBe('%PDF-1.7 test');
    expect(printed[0]).toMatch(/^<!doctype html>/);
    const html = await ok('exportReport', { settings: { period: PERIOD, dimensions: ['gender'] }, format: 'html' });
    expect(Buffer.from(String(html.base64), 'base64').toString('utf8')).toContain('Participation rate');
  });

  it('save, list, open, export and compare reviews', async () => {
    const a = await ok('saveReview', { settings: { period: PERIOD, title: 'First' } });
    expect(a).toMatchObject({ reviewId: 1, title: 'First', period: PERIOD, inputFiles: 2 });
    const b = await ok('saveReview', { settings: { period: PERIOD, k: 6 } });
    expect((await dispatch(core, 'listReviews', {}))).toMatchObject({ ok: true, value: [{ reviewId: 2 }, { reviewId: 1 }] });
    const opened = await ok('openReview', { reviewId: 1 });
    expect(opened.intact).toBe(true);
    expect(String(opened.html)).toContain('<h1>First</h1>');
    const csv = await ok('exportReview', { reviewId: 1, format: 'csv' });
    expect(csv.fileName).toBe('pathways-review-1-2025-Q2.csv.zip');
    const c = await ok('compareReviews', { a: a.reviewId, b: b.reviewId });
    expect(c.settingsChanged).toEqual([{ setting: 'k', a: '5', b: '6' }, { setting: 'title', a: '"First"', b: 'null' }]);
  });

  it('answer a review that does not exist with NOT_FOUND', async () => {
    expect(await dispatch(core, 'openReview', { reviewId: 42 })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'there is no saved review number 42' } });
  });
});
