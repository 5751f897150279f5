import type { Workspace } from '../../workspace/workspace';
import { exportReport, type ReportFile } from '../exportReport';
import type { ReportFormat } from '../reportSettings';
import type { PdfPrinter } from '../pdf/pdfPrinter';
import { openReview } from './reviewStore';

/**
 * A sealed review in one format, from what it stored: HTML is the stored page itself, PDF
 * prints that page, CSV and XLSX come from the stored pack. Nothing is recomputed from the
 * workspace's current data.
 */
export async function exportSealedReview(ws: Workspace, reviewId: number, format: ReportFormat, opts: { printPdf?: PdfPrinter } = {}): Promise<ReportFile> {
  const { pack, html } = await openReview(ws, reviewId);
  return exportReport(pack, format, { html, printPdf: opts.printPdf, stem: `pathways-review-${reviewId}` });
}
