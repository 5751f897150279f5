import type { ReviewPack } from './packSchema';
import type { ReportFormat } from './reportSettings';
import { renderReviewHtml } from './renderHtml';
import { reviewCsvZip } from './export/exportCsv';
import { reviewXlsx } from './export/exportXlsx';
import { chromiumPdfPrinter } from './pdf/chromiumPdf';
import type { PdfPrinter } from './pdf/pdfPrinter';

export interface ReportFile {
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
}

const MEDIA: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  csv: 'application/zip',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const EXTENSION: Record<ReportFormat, string> = { pdf: 'pdf', html: 'html', csv: 'csv.zip', xlsx: 'xlsx' };

export const reportFileName = (pack: Pick<ReviewPack, 'period'>, format: ReportFormat, stem = 'pathways-review'): string =>
  `${stem}-${pack.period.label}.${EXTENSION[format]}`;

/**
 * A pack in one format. `html` may be given when the pack's HTML already exists (a sealed
 * review's stored HTML), so the PDF prints exactly the page that was presented.
 */
export async function exportReport(pack: ReviewPack, format: ReportFormat, opts: { html?: string; printPdf?: PdfPrinter; stem?: string } = {}): Promise<ReportFile> {
  const html = () => opts.html ?? renderReviewHtml(pack);
  let bytes: Uint8Array;
  switch (format) {
    case 'html': bytes = new TextEncoder().encode(html()); break;
    case 'pdf': bytes = await (opts.printPdf ?? chromiumPdfPrinter())(html()); break;
    case 'csv': bytes = reviewCsvZip(pack); break;
    case 'xlsx': bytes = await reviewXlsx(pack); break;
  }
  return { fileName: reportFileName(pack, format, opts.stem), mediaType: MEDIA[format], bytes };
}
