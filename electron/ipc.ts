import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { MAX_REQUEST_BYTES, type Reply } from '../src/api/contract';
import { dispatch, type Core } from '../src/api/core';
import type { ErrorCode } from '../src/errors';
import { CANCEL_CHANNEL, INVOKE_CHANNEL, UPLOAD_CHANNEL } from './channel';
import { MAX_UPLOAD_BYTES, type UploadStore } from '../src/api/uploads';
import { toErrorInfo } from '../src/errors';

/** Decides from a frame's URL whether that frame may call the core. Injected so tests can drive it. */
export type TrustedSenderCheck = (frameUrl: string) => boolean;

/**
 * True only for the renderer's own index file. The hash and query are ignored (the renderer may
 * route with them); everything else must match exactly, so http(s), devtools:, data: and any
 * other file on disk are refused.
 */
export function isTrustedFrameUrl(url: string, rendererIndexFileUrl: string): boolean {
  let actual: URL;
  let expected: URL;
  try {
    actual = new URL(url);
    expected = new URL(rendererIndexFileUrl);
  } catch {
    return false;
  }
  return actual.protocol === 'file:' && expected.protocol === 'file:'
    && actual.host === expected.host && actual.pathname === expected.pathname;
}

/**
 * The main process's only IPC entry: one channel carrying the typed contract. Every call is
 * checked for its sender and its size here, then validated against the contract's schema by
 * `dispatch`, which answers with a Reply and never throws (a thrown error would reach the
 * renderer as a bare string). Beside it, a one-way cancel message (from a trusted sender, by
 * call id) and the upload channel.
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'on'>, core: Core, isTrustedSender: TrustedSenderCheck, uploads?: UploadStore): void {
  // Calls the renderer may still abandon, by the id it gave them (IPC itself cannot abort an invoke).
  const inFlight = new Map<string, AbortController>();
  ipcMain.handle(INVOKE_CHANNEL, (event, method: unknown, input: unknown, callId: unknown) => handleInvoke(core, isTrustedSender, event, method, input, callId, inFlight));
  ipcMain.on(CANCEL_CHANNEL, (event, callId: unknown) => {
    if (!senderIsTrusted(event, isTrustedSender) || !isCallId(callId)) return;
    inFlight.get(callId)?.abort();
  });
  if (uploads) ipcMain.handle(UPLOAD_CHANNEL, (event, name: unknown, bytes: unknown) => handleUpload(uploads, isTrustedSender, event, name, bytes));
}

/** A file the user picked or dropped in the window: bytes in, an opaque file id out. */
async function handleUpload(
  uploads: UploadStore,
  isTrustedSender: TrustedSenderCheck,
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  name: unknown,
  bytes: unknown,
): Promise<Reply<unknown>> {
  if (!senderIsTrusted(event, isTrustedSender)) return refuse('FORBIDDEN', 'This request did not come from the Pathways window.');
  if (typeof name !== 'string' || name.length > 1000 || !(bytes instanceof Uint8Array)) return refuse('BAD_REQUEST', 'An upload is a file name and its bytes.');
  if (bytes.byteLength > MAX_UPLOAD_BYTES) return refuse('BAD_REQUEST', 'The file is too large.');
  try {
    return { ok: true, value: await uploads.save(name, bytes) };
  } catch (err) {
    return { ok: false, error: toErrorInfo(err) };
  }
}

async function handleInvoke(
  core: Core,
  isTrustedSender: TrustedSenderCheck,
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  method: unknown,
  input: unknown,
  callId: unknown,
  inFlight: Map<string, AbortController>,
): Promise<Reply<unknown>> {
  if (!senderIsTrusted(event, isTrustedSender)) {
    return refuse('FORBIDDEN', 'This request did not come from the Pathways window.');
  }
  if (requestBytes(input) > MAX_REQUEST_BYTES) {
    return refuse('BAD_REQUEST', `The request is larger than ${MAX_REQUEST_BYTES} bytes.`);
  }
  // An id reused while its first call runs would let one cancel stop both: only the first counts.
  if (!isCallId(callId) || inFlight.has(callId)) return dispatch(core, method, input);
  const controller = new AbortController();
  inFlight.set(callId, controller);
  try {
    return await dispatch(core, method, input, { signal: controller.signal });
  } finally {
    inFlight.delete(callId);
  }
}

/** The ids the renderer gives calls it may cancel: crypto.randomUUID(). */
const isCallId = (id: unknown): id is string => typeof id === 'string' && /^[0-9a-f-]{8,64}$/.test(id);

function senderIsTrusted(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, isTrustedSender: TrustedSenderCheck): boolean {
  try {
    // senderFrame is null once the frame has navigated away or been destroyed, and reading a
    // destroyed frame's url throws: either way the request has no trustworthy origin.
    const frame = event.senderFrame;
    return frame != null && isTrustedSender(frame.url);
  } catch {
    return false;
  }
}

/** Size of the input as UTF-8 JSON; inputs JSON cannot carry (cycles, bigints) count as too large. */
function requestBytes(input: unknown): number {
  try {
    const json = JSON.stringify(input);
    return json === undefined ? 0 : Buffer.byteLength(json, 'utf8');
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

const refuse = (code: ErrorCode, message: string): Reply<never> => ({ ok: false, error: { code, message } });
