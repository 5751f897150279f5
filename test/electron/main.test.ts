import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { appRoot } from '../../src/paths';

/** Fakes for the parts of the electron module main.ts uses; they record what it asked for. */
const electron = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  const listeners = new Map<string, Listener[]>();
  const app = {
    requestSingleInstanceLock: vi.fn(() => true),
    enableSandbox: vi.fn(),
    quit: vi.fn(),
    exit: vi.fn(),
    whenReady: vi.fn(async () => undefined),
    on: vi.fn((name: string, fn: Listener) => {
      listeners.set(name, [...(listeners.get(name) ?? []), fn]);
      return app;
    }),
  };
  const emit = (name: string, ...args: unknown[]) => (listeners.get(name) ?? []).map((fn) => fn(...args));
  class BrowserWindow {
    static created: BrowserWindow[] = [];
    loadFile = vi.fn(async () => undefined);
    once = vi.fn();
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    isMinimized = vi.fn(() => false);
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      BrowserWindow.created.push(this);
    }
  }
  const session = {
    defaultSession: {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      webRequest: { onBeforeRequest: vi.fn(), onHeadersReceived: vi.fn() },
    },
  };
  return { app, emit, listeners, BrowserWindow, session, ipcMain: { handle: vi.fn(), on: vi.fn() }, dialog: { showErrorBox: vi.fn() } };
});
vi.mock('electron', () => ({
  app: electron.app,
  BrowserWindow: electron.BrowserWindow,
  session: electron.session,
  ipcMain: electron.ipcMain,
  dialog: electron.dialog,
}));

const { startMain, workspacePathFromArgv } = await import('../../electron/main');

const rendererIndex = join(appRoot(), 'dist', 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererIndex).href;

let dir: string;
beforeEach(() => {
  vi.clearAllMocks();
  electron.listeners.clear();
  electron.BrowserWindow.created.length = 0;
  electron.app.requestSingleInstanceLock.mockReturnValue(true);
  dir = mkdtempSync(join(tmpdir(), 'pathways-main-'));
});
afterEach(() => {
  electron.emit('will-quit');
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the app on a fresh workspace file and returns what it built. */
async function start() {
  const handle = await startMain(['/usr/bin/electron', 'dist/electron/main.cjs', '--workspace', join(dir, 'w.duckdb')]);
  expect(handle).not.toBeNull();
  return { handle: handle!, window: electron.BrowserWindow.created[0] };
}

describe('startMain', () => {
  it('creates one isolated, sandboxed window with the CommonJS preload', async () => {
    const { window } = await start();
    expect(electron.BrowserWindow.created).toHaveLength(1);
    const prefs = window.options.webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, allowRunningInsecureContent: false });
    expect(prefs.preload).toBe(join(appRoot(), 'dist', 'electron', 'preload.cjs'));
    expect(String(prefs.preload).endsWith(`${sep}preload.cjs`)).toBe(true);
    expect(electron.app.enableSandbox).toHaveBeenCalled();
  });

  it('loads the built renderer from dist/renderer/index.html', async () => {
    const { window } = await start();
    expect(window.loadFile).toHaveBeenCalledWith(rendererIndex);
  });

  it('prevents navigation away from the renderer and denies window.open and webviews', async () => {
    await start();
    const handlers = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
    const contents = { on: vi.fn((name: string, fn: never) => handlers.set(name, fn)), setWindowOpenHandler: vi.fn() };
    electron.emit('web-contents-created', {}, contents);

    const navigate = (url: string) => {
      const event = { preventDefault: vi.fn() };
      handlers.get('will-navigate')!(event, url);
      return event.preventDefault;
    };
    expect(navigate('https://example.com/')).toHaveBeenCalled();
    expect(navigate('file:///etc/passwd')).toHaveBeenCalled();
    expect(navigate(rendererUrl)).not.toHaveBeenCalled();

    const open = contents.setWindowOpenHandler.mock.calls[0][0] as (d: { url: string }) => unknown;
    expect(open({ url: 'https://example.com/' })).toEqual({ action: 'deny' });

    const attach = { preventDefault: vi.fn() };
    handlers.get('will-attach-webview')!(attach);
    expect(attach.preventDefault).toHaveBeenCalled();
  });

  it('denies permission requests', async () => {
    await start();
    const callback = vi.fn();
    electron.session.defaultSession.setPermissionRequestHandler.mock.calls[0][0]({}, 'media', callback, {});
    expect(callback).toHaveBeenCalledWith(false);
  });

  it("sets a CSP header with default-src 'self' and no unsafe-eval", async () => {
    await start();
    const callback = vi.fn();
    electron.session.defaultSession.webRequest.onHeadersReceived.mock.calls[0][0]({ url: rendererUrl, responseHeaders: {} }, callback);
    const [policy] = callback.mock.calls[0][0].responseHeaders['Content-Security-Policy'] as string[];
    expect(policy).toContain("default-src 'self'");
    expect(policy).not.toContain('unsafe-eval');
  });

  it('answers the renderer through IPC from the opened workspace, and refuses other frames', async () => {
    await start();
    const channels = electron.ipcMain.handle.mock.calls.map((c) => c[0]);
    expect(channels).toEqual(['pathways:invoke', 'pathways:upload']);
    const [, handler] = electron.ipcMain.handle.mock.calls[0] as [string, (...a: unknown[]) => Promise<unknown>];
    await expect(handler({ senderFrame: { url: rendererUrl } }, 'info', {})).resolves.toMatchObject({ ok: true, value: { name: 'w.duckdb' } });
    await expect(handler({ senderFrame: { url: 'https://example.com/' } }, 'info', {})).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('takes uploads only from the window, and then the file can be inspected by its id alone', async () => {
    await start();
    const [, invoke] = electron.ipcMain.handle.mock.calls[0] as [string, (...a: unknown[]) => Promise<unknown>];
    const [, upload] = electron.ipcMain.handle.mock.calls[1] as [string, (...a: unknown[]) => Promise<unknown>];
    const bytes = new TextEncoder().encode('Employee ID,Job Level\nE1,L1\n');
    await expect(upload({ senderFrame: { url: 'https://example.com/' } }, 'r.csv', bytes)).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await expect(upload({ senderFrame: { url: rendererUrl } }, 'r.csv', 'not bytes')).resolves.toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const ref = await upload({ senderFrame: { url: rendererUrl } }, '../../etc/r.csv', bytes) as { ok: true; value: { fileId: string; name: string; size: number } };
    expect(ref.value).toMatchObject({ name: 'r.csv', size: bytes.byteLength });
    const inspected = await invoke({ senderFrame: { url: rendererUrl } }, 'inspectFile', { fileId: ref.value.fileId });
    expect(inspected).toMatchObject({ ok: true, value: { file: 'r.csv', columns: ['Employee ID', 'Job Level'] } });
  });

  it('closes the workspace when the app quits', async () => {
    const { handle } = await start();
    electron.emit('will-quit');
    await expect(handle.workspace.connect()).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('brings the existing window forward when a second instance starts', async () => {
    const { window } = await start();
    window.isMinimized.mockReturnValue(true);
    electron.emit('second-instance');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('quits at once, opening nothing, when another instance holds the lock', async () => {
    electron.app.requestSingleInstanceLock.mockReturnValue(false);
    expect(await startMain(['--workspace', join(dir, 'w.duckdb')])).toBeNull();
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.BrowserWindow.created).toHaveLength(0);
    expect(electron.ipcMain.handle).not.toHaveBeenCalled();
  });

  it('explains and quits when the workspace cannot be opened', async () => {
    const notAWorkspace = join(dir, 'notes.duckdb');
    writeFileSync(notAWorkspace, 'these are meeting notes, not a database\n'.repeat(200));
    expect(await startMain(['--workspace', notAWorkspace])).toBeNull();
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith('Pathways cannot open the workspace', expect.any(String));
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.BrowserWindow.created).toHaveLength(0);
  });
});

describe('workspacePathFromArgv', () => {
  it('takes --workspace <path> or --workspace=<path>, resolved against the current folder', () => {
    expect(workspacePathFromArgv(['electron', '.', '--workspace', 'data/team.duckdb'])).toBe(resolve('data/team.duckdb'));
    expect(workspacePathFromArgv(['electron', '.', '--workspace=/srv/team.duckdb'])).toBe(resolve('/srv/team.duckdb'));
  });

  it('falls back to the demo workspace in the data folder', () => {
    vi.stubEnv('PATHWAYS_HOME', '/home/ada/pathways-data');
    try {
      expect(workspacePathFromArgv(['electron', '.'])).toBe(join('/home/ada/pathways-data', 'demo', 'workspace.duckdb'));
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('refuses --workspace without a path', () => {
    expect(() => workspacePathFromArgv(['electron', '.', '--workspace'])).toThrow(/needs the path/);
    expect(() => workspacePathFromArgv(['electron', '.', '--workspace', '--inspect'])).toThrow(/needs the path/);
    expect(() => workspacePathFromArgv(['electron', '.', '--workspace='])).toThrow(/needs the path/);
  });
});
