/**
 * Turns the review's HTML into PDF bytes. Headless, the core spawns Chromium
 * (chromiumPdf.ts); in the app, Electron's webContents.printToPDF does it
 * (electron/printToPdf.ts), handed to the core when it is created.
 */
export type PdfPrinter = (html: string) => Promise<Uint8Array>;
