import type { ReportFileReply } from '../../../../src/api/contract';

/** The bytes of a report file from the core (base64 in JSON, see ReportFileSchema). */
export function reportBytes(file: Pick<ReportFileReply, 'base64'>): Uint8Array {
  const text = atob(file.base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** Hands a report file to the browser's (or Electron's) download, under its own name. */
export function downloadReport(file: ReportFileReply, doc: Document = document): void {
  const blob = new Blob([reportBytes(file) as BlobPart], { type: file.mediaType });
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = file.fileName;
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
