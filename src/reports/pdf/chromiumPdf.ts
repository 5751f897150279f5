import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PathwaysError } from '../../errors';
import { findChromium } from './findChromium';
import type { PdfPrinter } from './pdfPrinter';

/**
 * The flags of an offline machine: no sandbox helper (containers), no GPU, and nothing that
 * phones home (first-run pages, background networking, component updates, sync).
 */
export const CHROMIUM_PDF_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-extensions', '--disable-dev-shm-usage', '--no-pdf-header-footer',
];

export interface ChromiumPdfOptions {
  /** Chromium's path; default: PATHWAYS_CHROMIUM, CHROMIUM_PATH, then the usual places. */
  executable?: string | null;
  timeoutMs?: number;
}

/**
 * Prints HTML to PDF with headless Chromium (`--print-to-pdf`): the HTML goes to a private
 * temporary folder (the file carries people data in aggregate), with a throwaway profile, and
 * everything is removed afterwards. The page has no script and a CSP that allows no request.
 */
export function chromiumPdfPrinter(opts: ChromiumPdfOptions = {}): PdfPrinter {
  return async (html) => {
    const found = findChromium(opts.executable);
    if (!found.path) {
      throw new PathwaysError('NOT_FOUND', `no Chromium or Chrome to print the PDF with (looked for ${found.looked.join(', ')}). Install Chromium (Debian: apt-get install chromium), set PATHWAYS_CHROMIUM to its path, or export HTML and print that.`);
    }
    const dir = mkdtempSync(join(tmpdir(), 'pathways-pdf-'));
    try {
      const page = join(dir, 'review.html');
      const out = join(dir, 'review.pdf');
      writeFileSync(page, html, { encoding: 'utf8', mode: 0o600 });
      const args = [...CHROMIUM_PDF_FLAGS, `--user-data-dir=${join(dir, 'profile')}`, `--print-to-pdf=${out}`, pathToFileURL(page).href];
      await run(found.path, args, opts.timeoutMs ?? 180_000);
      if (!existsSync(out)) throw new PathwaysError('INTERNAL', 'Chromium finished without writing the PDF.');
      const bytes = new Uint8Array(readFileSync(out));
      if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== '%PDF-') throw new PathwaysError('INTERNAL', 'Chromium wrote a file that is not a PDF.');
      return bytes;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

function run(executable: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(executable, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr = (stderr + d.toString('utf8')).slice(-4000); });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new PathwaysError('INTERNAL', `Chromium did not finish printing within ${Math.round(timeoutMs / 1000)} s.`));
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new PathwaysError('NOT_FOUND', `Chromium could not be started (${executable}): ${err.message}`));
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else {
        const last = stderr.split('\n').filter((l) => l.trim() && !/dbus|bus\.cc/i.test(l)).slice(-2).join(' ');
        reject(new PathwaysError('INTERNAL', `Chromium failed to print the PDF (${signal ?? `exit code ${code}`})${last ? `: ${last.slice(0, 300)}` : ''}.`));
      }
    });
  });
}
