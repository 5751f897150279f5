import { describe, it, expect } from 'vitest';
import { chromiumPdfPrinter, CHROMIUM_PDF_FLAGS } from '../../src/reports/pdf/chromiumPdf';
import { findChromium } from '../../src/reports/pdf/findChromium';

describe('chromiumPdfPrinter', () => {
  it('says where it looked when there is no Chromium', async () => {
    expect(findChromium('/nonexistent/chromium')).toEqual({ path: null, looked: ['/nonexistent/chromium'] });
    await expect(chromiumPdfPrinter({ executable: '/nonexistent/chromium' })('<p>x</p>')).rejects.toMatchObject({
      code: 'NOT_FOUND', message: expect.stringContaining('looked for /nonexistent/chromium'),
    });
  });

  it('runs Chromium with the offline flags', () => {
    expect(CHROMIUM_PDF_FLAGS).toEqual(expect.arrayContaining([
      '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ]));
  });

  it('prints a page to a real PDF when Chromium is installed', async () => {
    const found = findChromium();
    if (!found.path) throw new Error(`this test needs Chromium (looked for ${found.looked.join(', ')}); npm test installs it on Debian`);
    const pdf = await chromiumPdfPrinter()('<!doctype html><meta charset="utf-8"><h1>Review 2025-Q2</h1><p>fewer than 5</p>');
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(pdf.byteLength).toBeGreaterThan(1000);
  }, 120_000);
});
