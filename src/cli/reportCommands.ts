import { accessSync, constants, existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Workspace } from '../workspace/workspace';
import { PathwaysError } from '../errors';
import { buildReviewPack } from '../reports/buildPack';
import { exportReport } from '../reports/exportReport';
import { ReportFormatSchema, ReportSettingsSchema, type ReportFormat, type ReportSettingsInput } from '../reports/reportSettings';
import { toErrorInfo } from '../errors';
import { chromiumPdfPrinter } from '../reports/pdf/chromiumPdf';
import { findChromium } from '../reports/pdf/findChromium';
import { saveReview, listReviews, openReview } from '../reports/reviews/reviewStore';
import { exportSealedReview } from '../reports/reviews/exportSealedReview';
import { compareReviews } from '../reports/reviews/compareReviews';
import { formatPercent, formatPp } from '../reports/format';

/** The options the report and review commands read (parsed by main.ts). */
export interface ReportCliOptions {
  workspace?: string;
  period?: string;
  dimension?: string;
  k?: string;
  reference?: string;
  compare?: string;
  title?: string;
  format?: string;
  out?: string;
  chromium?: string;
}

export class UsageError extends Error {}

type Stream = NodeJS.WritableStream & { isTTY?: boolean };

const need = (v: string | undefined, flag: string): string => {
  if (!v) throw new UsageError(`missing --${flag}`);
  return v;
};

function settingsFrom(o: ReportCliOptions): ReportSettingsInput {
  if (o.k !== undefined && !/^\d+$/.test(o.k)) throw new UsageError('--k takes a whole number');
  const reference = o.reference === undefined || o.reference === 'largest' || o.reference === 'highest' ? (o.reference ?? 'largest') : { group: o.reference };
  const settings = {
    period: need(o.period, 'period'),
    ...(o.dimension ? { dimensions: o.dimension.split(',').map((d) => d.trim()).filter(Boolean) } : {}),
    ...(o.k !== undefined ? { k: Number(o.k) } : {}),
    reference: reference as ReportSettingsInput['reference'],
    comparePeriod: o.compare ?? null,
    title: o.title ?? null,
  };
  const parsed = ReportSettingsSchema.safeParse(settings);
  if (!parsed.success) throw new PathwaysError('BAD_REQUEST', toErrorInfo(parsed.error).message.replace(/^invalid request: /, ''));
  return parsed.data;
}

function formatOf(o: ReportCliOptions, fallback?: ReportFormat): ReportFormat {
  const f = o.format ?? fallback;
  const parsed = ReportFormatSchema.safeParse(f);
  if (!parsed.success) throw new UsageError('--format is one of pdf, html, csv, xlsx');
  return parsed.data;
}

/** Fails before any long work when the output cannot be written. */
function checkWritable(out: string): string {
  const path = resolve(out);
  if (existsSync(path) && statSync(path).isDirectory()) throw new PathwaysError('BAD_REQUEST', `cannot write the report to ${path}: it is a folder; give a file name.`);
  const dir = dirname(path);
  if (!existsSync(dir)) throw new PathwaysError('BAD_REQUEST', `cannot write the report to ${path}: the folder ${dir} does not exist.`);
  try {
    accessSync(existsSync(path) ? path : dir, constants.W_OK);
  } catch {
    throw new PathwaysError('BAD_REQUEST', `cannot write the report to ${path}: permission denied.`);
  }
  return path;
}

function checkChromium(format: ReportFormat, o: ReportCliOptions): void {
  if (format !== 'pdf') return;
  const found = findChromium(o.chromium ?? null);
  if (!found.path) {
    throw new PathwaysError('NOT_FOUND', `no Chromium or Chrome to print the PDF with (looked for ${found.looked.join(', ')}). Install Chromium (Debian: apt-get install chromium), pass --chromium PATH or set PATHWAYS_CHROMIUM, or use --format html.`);
  }
}

/** "report: 40/127 Promotion rate by gender, 2026-Q2", rewritten in place on a terminal. */
function progressLine(err: Stream, label: string): { update: (done: number, total: number, what: string) => void; end: () => void } {
  let last = 0;
  let shown = false;
  return {
    update(done, total, what) {
      const now = Date.now();
      if (err.isTTY) {
        err.write(`\r\u001b[2K${label}: ${done}/${total} ${what}`.slice(0, 160));
        shown = true;
      } else if (now - last > 2000 || done === total) {
        err.write(`${label}: ${done}/${total} ${what}\n`);
        last = now;
      }
    },
    end() { if (shown) err.write('\n'); },
  };
}

const write = (path: string, bytes: Uint8Array) => {
  try {
    writeFileSync(path, bytes);
  } catch (e) {
    throw new PathwaysError('BAD_REQUEST', `cannot write ${path}: ${(e as Error).message}`);
  }
};

/** `pathways report`: the review pack for a period in one format, written to --out. */
export async function reportCommand(o: ReportCliOptions, out: Stream, err: Stream): Promise<number> {
  const format = formatOf(o);
  const path = checkWritable(need(o.out, 'out'));
  const settings = settingsFrom(o);
  checkChromium(format, o);
  const ws = await Workspace.open(resolve(need(o.workspace, 'workspace')));
  try {
    const progress = progressLine(err, 'report');
    const { pack } = await buildReviewPack(ws, settings, { onProgress: progress.update });
    progress.end();
    if (format === 'pdf') err.write('report: printing the PDF with Chromium…\n');
    const file = await exportReport(pack, format, { printPdf: chromiumPdfPrinter({ executable: o.chromium ?? null }) });
    write(path, file.bytes);
    out.write(`${path}: ${format}${format === 'csv' ? ' (a zip of CSV files, one per table)' : ''}, ${file.bytes.byteLength} bytes; ${pack.findings.length} findings\n`);
    return 0;
  } finally {
    ws.close();
  }
}

const reviewId = (v: string | undefined, what: string): number => {
  if (!v || !/^\d+$/.test(v) || Number(v) < 1) throw new UsageError(`name the ${what} by its number (see "pathways review list")`);
  return Number(v);
};

/** `pathways review save|list|show|compare`: sealed reviews. */
export async function reviewCommand(sub: string | undefined, args: string[], o: ReportCliOptions, out: Stream, err: Stream): Promise<number> {
  if (!sub || !['save', 'list', 'show', 'compare'].includes(sub)) throw new UsageError('review takes save, list, show or compare');
  const outPath = sub === 'show' && o.out ? checkWritable(o.out) : null;
  const format = outPath ? formatOf(o, 'html') : null;
  const settings = sub === 'save' ? settingsFrom(o) : null;
  if (format) checkChromium(format, o);
  const ws = await Workspace.open(resolve(need(o.workspace, 'workspace')));
  try {
    switch (sub) {
      case 'save': {
        const progress = progressLine(err, 'review');
        const s = await saveReview(ws, settings!, { onProgress: progress.update });
        progress.end();
        out.write(`sealed review ${s.reviewId}: ${s.title} (${s.findings} findings, ${s.gaps} gaps; seal ${s.seal.slice(0, 16)}…)\n`);
        return 0;
      }
      case 'list': {
        const all = await listReviews(ws);
        if (!all.length) out.write('no saved reviews\n');
        for (const s of all) out.write(`${String(s.reviewId).padStart(4)}  ${s.period}  ${s.createdAt}  k=${s.settings.k}  ${String(s.findings).padStart(3)} findings  ${s.title}\n`);
        return 0;
      }
      case 'show': {
        const id = reviewId(args[0], 'review');
        if (outPath && format) {
          const file = await exportSealedReview(ws, id, format, { printPdf: chromiumPdfPrinter({ executable: o.chromium ?? null }) });
          write(outPath, file.bytes);
          out.write(`${outPath}: review ${id} as ${format}, ${file.bytes.byteLength} bytes\n`);
          return 0;
        }
        const r = await openReview(ws, id);
        out.write(`review ${id}: ${r.summary.title}\nperiod ${r.summary.period}, sealed ${r.summary.createdAt} by Pathways ${r.summary.appVersion}, k=${r.summary.settings.k}\n`);
        out.write(`seal ${r.summary.seal} ${r.intact ? '(intact)' : '(BROKEN: the stored review was changed after sealing)'}\n\n`);
        r.pack.findings.forEach((f, i) => out.write(`${i + 1}. [${f.verdict}] ${f.sentence}\n`));
        if (!r.pack.findings.length) out.write('no findings\n');
        return r.intact ? 0 : 1;
      }
      case 'compare': {
        const c = await compareReviews(ws, reviewId(args[0], 'first review'), reviewId(args[1], 'second review'));
        if (o.format === 'json') {
          out.write(`${JSON.stringify(c, null, 2)}\n`);
          return 0;
        }
        out.write(`review ${c.a.reviewId} (${c.a.period}) -> review ${c.b.reviewId} (${c.b.period})\n`);
        for (const s of c.settingsChanged) out.write(`setting ${s.setting}: ${s.a} -> ${s.b}\n`);
        for (const i of c.inputsAdded) out.write(`input added: ${i.fileName} (${i.table}, ${i.rowCount} rows)\n`);
        for (const i of c.inputsRemoved) out.write(`input removed: ${i.fileName} (${i.table})\n`);
        for (const m of c.modelsChanged) out.write(`model changed: ${m.model}\n`);
        const line = (r: (typeof c.rates)[number]) => `${r.title}${r.dimension === 'everyone' ? '' : `, ${r.group}`}${r.slice === 'all' ? '' : ` (${r.slice})`}: ${formatPercent(r.rateA)} -> ${formatPercent(r.rateB)} (${formatPp(r.deltaPp)}; q ${r.q < 0.001 ? '< 0.001' : `= ${r.q.toFixed(3)}`})${r.significant ? ', larger than chance' : ''}\n`;
        out.write('\nheadline figures:\n');
        for (const h of c.headlines) out.write(`  ${line(h)}`);
        const sig = c.rates.filter((r) => r.significant);
        out.write(`\n${sig.length} of ${c.rates.length} group rates changed by more than chance (${c.notComparable} hidden in one of the two, not compared)\n`);
        for (const r of sig) out.write(`  ${line(r)}`);
        out.write(`\nfindings: ${c.findingsAdded.length} new, ${c.findingsRemoved.length} gone, ${c.findingsKept} kept\n`);
        for (const f of c.findingsAdded) out.write(`  + ${f.sentence}\n`);
        for (const f of c.findingsRemoved) out.write(`  - ${f.sentence}\n`);
        return 0;
      }
    }
    return 2;
  } finally {
    ws.close();
  }
}
