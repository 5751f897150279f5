import { contextBridge, ipcRenderer } from 'electron';
import type { PreloadBridge } from '../src/api/contract';
import { CANCEL_CHANNEL, INVOKE_CHANNEL, UPLOAD_CHANNEL } from './channel';

/**
 * The renderer's whole view of the main process: `window.pathways.invoke(method, input, callId)`,
 * `cancel(callId)` for a call it no longer waits for, and `upload`. ipcRenderer itself is never
 * exposed, so a compromised page cannot reach any other channel. (An AbortSignal cannot cross
 * contextBridge, hence the id.) Bundled by esbuild to dist/electron/preload.cjs (a sandboxed
 * preload must be CommonJS).
 */
const bridge: PreloadBridge = {
  invoke: (method, input, callId) => ipcRenderer.invoke(INVOKE_CHANNEL, method, input, callId),
  cancel: (callId) => ipcRenderer.send(CANCEL_CHANNEL, callId),
  upload: (name, bytes) => ipcRenderer.invoke(UPLOAD_CHANNEL, name, bytes),
};

contextBridge.exposeInMainWorld('pathways', bridge);
