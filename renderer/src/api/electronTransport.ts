import type { FileRef, MethodName, Reply, Transport } from '../../../src/api/contract';

/** What the Electron preload exposes with contextBridge as `window.pathways`. */
export interface PreloadBridge {
  invoke(method: MethodName, input: unknown): Promise<Reply<unknown>>;
  upload?(name: string, bytes: Uint8Array): Promise<Reply<FileRef>>;
}

/** The preload's bridge, if this page runs inside the Electron window. */
export function preloadBridge(win: Window): PreloadBridge | undefined {
  const bridge = (win as unknown as { pathways?: Partial<PreloadBridge> }).pathways;
  return bridge && typeof bridge.invoke === 'function' ? (bridge as PreloadBridge) : undefined;
}

/**
 * The contract over Electron IPC. Structured clone may hand Arrow bytes over as an
 * ArrayBuffer or as a Uint8Array subclass (a Node Buffer); either becomes a plain Uint8Array.
 */
export function electronTransport(bridge: PreloadBridge): Transport {
  const upload = bridge.upload?.bind(bridge);
  return {
    ...(upload ? { upload: (name: string, bytes: Uint8Array) => upload(name, bytes) } : {}),
    async invoke(method, input) {
      const reply = await bridge.invoke(method, input);
      if (reply.ok && reply.value instanceof ArrayBuffer) return { ok: true, value: new Uint8Array(reply.value) };
      if (reply.ok && ArrayBuffer.isView(reply.value) && !(reply.value instanceof Uint8Array && reply.value.constructor === Uint8Array)) {
        const v = reply.value;
        return { ok: true, value: new Uint8Array(v.buffer, v.byteOffset, v.byteLength) };
      }
      return reply;
    },
  };
}
