// Runs the packaged main process bundle (dist/electron/main.cjs as electron-builder put it in
// the app) under Node with a stand-in for the electron module, opens a workspace through it
// and calls the core over its IPC handler. Prints what it saw as one JSON line.
const Module = require('node:module');
const path = require('node:path');

const [mainPath, workspacePath] = process.argv.slice(2);
const handlers = new Map();
const app = {
  requestSingleInstanceLock: () => true,
  enableSandbox: () => undefined,
  quit: () => undefined,
  exit: () => undefined,
  whenReady: async () => undefined,
  on: () => app,
};
class BrowserWindow {
  constructor(options) { this.options = options; }
  once() {}
  show() {}
  async loadFile(file) { this.loaded = file; }
}
const electron = {
  app,
  BrowserWindow,
  dialog: { showErrorBox: (title, message) => { console.error(`${title}: ${message}`); process.exit(2); } },
  ipcMain: { handle: (channel, fn) => handlers.set(channel, fn), on: (channel, fn) => handlers.set(channel, fn) },
  session: { defaultSession: { setPermissionRequestHandler() {}, setPermissionCheckHandler() {}, webRequest: { onBeforeRequest() {}, onHeadersReceived() {} } } },
};
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? 'electron-stand-in' : resolve.call(this, request, ...rest);
};
require.cache['electron-stand-in'] = { id: 'electron-stand-in', filename: 'electron-stand-in', loaded: true, exports: electron };

(async () => {
  const main = require(mainPath);
  const handle = await main.startMain(['electron', mainPath, '--workspace', workspacePath]);
  const invoke = handlers.get('pathways:invoke');
  const rendererUrl = require('node:url').pathToFileURL(handle.window.loaded).href;
  const frame = { senderFrame: { url: rendererUrl } };
  const info = await invoke(frame, 'info', {});
  const models = await invoke(frame, 'listModels', {});
  const duckdbBinary = Object.keys(require.cache).find((k) => k.endsWith(`${path.sep}duckdb.node`)) ?? null;
  console.log(JSON.stringify({
    duckdbBinary,
    rendererIndex: handle.window.loaded,
    preload: handle.window.options.webPreferences.preload,
    schemaVersion: info.ok ? info.value.schemaVersion : null,
    models: models.ok ? models.value.length : null,
  }));
  handle.workspace.close();
  process.exit(0);
})().catch((err) => { console.error(err); process.exit(1); });
