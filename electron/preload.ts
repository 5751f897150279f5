import { contextBridge, ipcRenderer } from 'electron';
import type { Transport } from '../src/api/contract';
import { INVOKE_CHANNEL, UPLOAD_CHANNEL } from './channel';

/**
 * The renderer's whole view of the main process: `window.pathways.invoke(method, input)`.
 * ipcRenderer itself is never exposed, so a compromised page cannot reach any other channel.
 * Bundled by esbuild to dist/electron/preload.cjs (a sandboxed preload must be CommonJS).
 */
const bridge: Transport = {
  invoke: (method, input) => ipcRenderer.invoke(INVOKE_CHANNEL, method, input),
  upload: (name, bytes) => ipcRenderer.invoke(UPLOAD_CHANNEL, name, bytes),
};

contextBridge.exposeInMainWorld('pathways', bridge);
