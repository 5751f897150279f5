import { resolve, join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import { Workspace } from '../src/workspace/workspace';
import { createCore } from '../src/api/core';
import { UploadStore } from '../src/api/uploads';
import { defaultDataDir } from '../src/paths';
import { PathwaysError, toErrorInfo } from '../src/errors';
import { appFiles } from './appFiles';
import { registerIpc, isTrustedFrameUrl } from './ipc';
import { applySecurityPolicies } from './security';
import { createMainWindow } from './window';
import { electronPdfPrinter } from './printToPdf';

/**
 * The Electron main process: a thin adapter that opens one workspace, puts the core behind the
 * IPC contract and shows the renderer. Everything it decides is in src/; everything it
 * enforces about Electron is in the small modules beside it.
 */

/** `--workspace <path>` (or `--workspace=<path>`), else the demo workspace that `npm start` prepares. */
export function workspacePathFromArgv(argv: readonly string[]): string {
  const at = argv.indexOf('--workspace');
  const inline = argv.find((a) => a.startsWith('--workspace='));
  const given = at >= 0 ? argv[at + 1] : inline?.slice('--workspace='.length);
  if (at >= 0 || inline !== undefined) {
    if (!given || given.startsWith('--')) throw new PathwaysError('BAD_REQUEST', '--workspace needs the path of a workspace file.');
    return resolve(given);
  }
  return join(defaultDataDir(), 'demo', 'workspace.duckdb');
}

export interface MainHandle {
  window: BrowserWindow;
  workspace: Workspace;
}

/** Starts the app; resolves to null when it is not going to run (another instance, or no workspace). */
export async function startMain(argv: readonly string[] = process.argv): Promise<MainHandle | null> {
  // DuckDB locks the workspace file, so a second copy could not open it anyway: hand over to
  // the running one, which comes to the front.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  // Sandbox every renderer, including any that a bug might create beside the main window.
  app.enableSandbox();
  const files = appFiles();
  let window: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  // One window per workspace: closing it ends the app on every platform, macOS included, so
  // the workspace file is closed and unlocked rather than held by an invisible process.
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  let workspace: Workspace;
  try {
    workspace = await Workspace.open(workspacePathFromArgv(argv));
  } catch (err) {
    dialog.showErrorBox('Pathways cannot open the workspace', toErrorInfo(err).message);
    app.quit();
    return null;
  }
  const uploads = new UploadStore();
  app.on('will-quit', () => { workspace.close(); uploads.cleanup(); });

  applySecurityPolicies(app, session.defaultSession, files.rendererIndexUrl);
  registerIpc(ipcMain, createCore(workspace, uploads, { printPdf: electronPdfPrinter(BrowserWindow), prepare: true }), (url) => isTrustedFrameUrl(url, files.rendererIndexUrl), uploads);
  window = await createMainWindow(BrowserWindow, files);
  return { window, workspace };
}

// Only when Electron runs this file; tests import it and drive startMain with a mocked electron.
if (process.versions.electron) {
  startMain().catch((err: unknown) => {
    console.error(err);
    app.exit(1);
  });
}
