import type { BrowserWindow, BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import type { AppFiles } from './appFiles';

/**
 * The renderer runs as an ordinary, isolated web page: no Node, a sandboxed preload that
 * exposes one function, same-origin rules on. Spellcheck is off because on Windows and Linux
 * Chromium downloads its dictionaries from a Google CDN, and an offline app makes no requests.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    preload: preloadPath,
    spellcheck: false,
  };
}

type WindowConstructor = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

/** The one window, shown once its first paint is ready so the user never sees a blank frame. */
export async function createMainWindow(Window: WindowConstructor, files: AppFiles): Promise<BrowserWindow> {
  const window = new Window({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: 'Pathways',
    show: false,
    webPreferences: secureWebPreferences(files.preload),
  });
  window.once('ready-to-show', () => window.show());
  await window.loadFile(files.rendererIndex);
  return window;
}
