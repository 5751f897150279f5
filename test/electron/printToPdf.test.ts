import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import { electronPdfPrinter } from '../../electron/printToPdf';

// printToPdf.ts imports only types from 'electron'; this fake window stands in for BrowserWindow.
class FakeWindow {
  static made: FakeWindow[] = [];
  loaded: string | null = null;
  loadedHtml: string | null = null;
  destroyed = false;
  printOptions: unknown = null;
  constructor(readonly options: BrowserWindowConstructorOptions, private readonly fail = false) { FakeWindow.made.push(this); }
  loadFile = async (path: string) => { this.loaded = path; this.loadedHtml = readFileSync(path, 'utf8'); };
  destroy = () => { this.destroyed = true; };
  webContents = {
    printToPDF: async (options: unknown) => {
      this.printOptions = options;
      if (this.fail) throw new Error('printing failed');
      return Buffer.from('%PDF-1.7 fake');
    },
  };
}

describe('electronPdfPrinter', () => {
  it('prints the review on a hidden, sandboxed window that runs no script, then removes everything', async () => {
    FakeWindow.made.length = 0;
    const print = electronPdfPrinter(FakeWindow as unknown as Parameters<typeof electronPdfPrinter>[0]);
    const bytes = await print('<!doctype html><title>Review</title><p>10 of 30</p>');
    expect(Buffer.from(bytes).toString('latin1')).toBe('%PDF-1.7 fake');
    const w = FakeWindow.made[0];
    expect(w.options.show).toBe(false);
    expect(w.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false });
    expect(w.options.webPreferences?.preload).toBeUndefined();
    expect(w.loadedHtml).toBe('<!doctype html><title>Review</title><p>10 of 30</p>');
    expect(w.printOptions).toMatchObject({ printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false });
    expect(w.destroyed).toBe(true);
    expect(existsSync(dirname(w.loaded!))).toBe(false);
  });

  it('destroys the window and removes the file when printing fails', async () => {
    FakeWindow.made.length = 0;
    class Failing extends FakeWindow { constructor(o: BrowserWindowConstructorOptions) { super(o, true); } }
    const print = electronPdfPrinter(Failing as unknown as Parameters<typeof electronPdfPrinter>[0]);
    await expect(print('<p>x</p>')).rejects.toThrow('printing failed');
    expect(FakeWindow.made[0].destroyed).toBe(true);
    expect(existsSync(dirname(FakeWindow.made[0].loaded!))).toBe(false);
  });
});
