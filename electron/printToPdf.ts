import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import type { PdfPrinter } from '../src/reports/pdf/pdfPrinter';

type WindowConstructor = new (options: BrowserWindowConstructorOptions) => Pick<BrowserWindow, 'loadFile' | 'destroy' | 'webContents'>;

/**
 * The app's PDF printer: Electron's webContents.printToPDF on a hidden window that runs no
 * script (the review has none), has no preload (so no IPC) and is sandboxed, loading the
 * review from a private temporary file that is removed afterwards. Nothing leaves the machine:
 * the session's request filter refuses remote URLs and the page's CSP allows no request.
 */
export function electronPdfPrinter(Window: WindowConstructor): PdfPrinter {
  return async (html) => {
    const dir = mkdtempSync(join(tmpdir(), 'pathways-pdf-'));
    const page = join(dir, 'review.html');
    writeFileSync(page, html, { encoding: 'utf8', mode: 0o600 });
    const window = new Window({
      show: false,
      width: 900,
      height: 1200,
      webPreferences: {
        sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true, spellcheck: false,
      },
    });
    try {
      await window.loadFile(page);
      const pdf = await window.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      window.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
