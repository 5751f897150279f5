import type { Transport } from '../../../src/api/contract';
import { electronTransport, preloadBridge } from './electronTransport';
import { httpTransport } from './httpTransport';
import { takeSessionToken } from './sessionToken';

/**
 * The renderer does not know where it runs (Tad's idea): inside Electron the preload's
 * bridge carries the contract over IPC; otherwise it is the browser mode and the contract
 * goes over loopback HTTP to the page's own origin.
 */
export function chooseTransport(win: Window = window, fetchImpl?: typeof fetch): Transport {
  const bridge = preloadBridge(win);
  if (bridge) return electronTransport(bridge);
  // Read (and strip from the address bar) at start-up, not at the first call.
  let token = takeSessionToken(win);
  return httpTransport(() => token ?? (token = takeSessionToken(win)), fetchImpl ?? ((...a) => win.fetch(...a)));
}
