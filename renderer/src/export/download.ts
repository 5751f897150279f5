/** Saves bytes as a file through the browser's (or Electron's) download, without leaving the page. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Give the download a moment to take the bytes before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name (without extension) from the view: "participation_rate_2026-Q3_gender", nothing a file system refuses. */
export const exportFileName = (parts: readonly (string | null | undefined)[]): string =>
  parts.filter(Boolean).join('_').replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 120);
