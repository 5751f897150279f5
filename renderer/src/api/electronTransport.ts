import type { PreloadBridge, Reply, Transport } from '../../../src/api/contract';

export type { PreloadBridge };

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
    async invoke(method, input, options) {
      // The main process stops work this page no longer waits for: the call gets an id to cancel by.
      const signal = options?.signal;
      const callId = signal && bridge.cancel ? crypto.randomUUID() : undefined;
      const onAbort = () => { if (callId) bridge.cancel?.(callId); };
      signal?.addEventListener('abort', onAbort, { once: true });
      let reply: Reply<unknown>;
      try {
        reply = await (callId ? bridge.invoke(method, input, callId) : bridge.invoke(method, input));
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
      if (reply.ok && reply.value instanceof ArrayBuffer) return { ok: true, value: new Uint8Array(reply.value) };
      if (reply.ok && ArrayBuffer.isView(reply.value) && !(reply.value instanceof Uint8Array && reply.value.constructor === Uint8Array)) {
        const v = reply.value;
        return { ok: true, value: new Uint8Array(v.buffer, v.byteOffset, v.byteLength) };
      }
      return reply;
    },
  };
}
