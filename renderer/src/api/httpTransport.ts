import type { FileRef, InvokeOptions, MethodName, Reply, Transport } from '../../../src/api/contract';
import type { ErrorInfo } from '../../../src/errors';

/** What the browser-mode server sends for methods whose output is Arrow (model results). */
export const ARROW_CONTENT_TYPE = 'application/vnd.apache.arrow.stream';

const failure = (code: ErrorInfo['code'], message: string): Reply<unknown> => ({ ok: false, error: { code, message } });

const isReply = (x: unknown): x is Reply<unknown> =>
  typeof x === 'object' && x !== null && typeof (x as { ok?: unknown }).ok === 'boolean'
  && ((x as { ok: boolean }).ok
    ? 'value' in x
    : typeof (x as { error?: { message?: unknown } }).error?.message === 'string');

/**
 * The contract over loopback HTTP (browser mode): `POST /api/<method>` with the input as JSON
 * and the per-run token as a Bearer header. An Arrow content type is a success whose value
 * is the bytes; anything else is a JSON Reply. Failures come back as error values, like the
 * IPC transport's, never as rejections. An aborted request frees its connection (browsers
 * keep only six per origin); the client reports it as cancelled.
 */
export function httpTransport(getToken: () => string | null, fetchImpl: typeof fetch = (...a) => fetch(...a)): Transport {
  return {
    /** A chosen file's bytes to `POST /upload`; the server answers its FileRef. */
    async upload(name: string, bytes: Uint8Array): Promise<Reply<FileRef>> {
      const token = getToken();
      if (!token) return failure('FORBIDDEN', 'This page was opened without its access token. Open Pathways again from the link it printed when it started.') as Reply<FileRef>;
      let res: Response;
      try {
        res = await fetchImpl('/upload', {
          method: 'POST',
          headers: { 'Content-Type': 'application/octet-stream', Authorization: `Bearer ${token}`, 'X-File-Name': encodeURIComponent(name) },
          body: bytes as BodyInit,
          credentials: 'same-origin',
          cache: 'no-store',
        });
      } catch (err) {
        return failure('INTERNAL', `Pathways is not reachable (${err instanceof Error ? err.message : String(err)}). Is it still running?`) as Reply<FileRef>;
      }
      try {
        const body = await res.json();
        if (isReply(body)) return body as Reply<FileRef>;
      } catch { /* answered below */ }
      return failure('INTERNAL', `Pathways answered ${res.status} to the upload without a readable reply.`) as Reply<FileRef>;
    },
    async invoke(method: MethodName, input: unknown, options?: InvokeOptions): Promise<Reply<unknown>> {
      const token = getToken();
      if (!token) {
        return failure('FORBIDDEN', 'This page was opened without its access token. Open Pathways again from the link it printed when it started.');
      }
      let res: Response;
      try {
        res = await fetchImpl(`/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(input ?? {}),
          credentials: 'same-origin',
          cache: 'no-store',
          ...(options?.signal ? { signal: options.signal } : {}),
        });
      } catch (err) {
        return failure('INTERNAL', `Pathways is not reachable (${err instanceof Error ? err.message : String(err)}). Is it still running?`);
      }
      const type = res.headers.get('content-type') ?? '';
      if (res.ok && type.toLowerCase().startsWith(ARROW_CONTENT_TYPE)) {
        return { ok: true, value: new Uint8Array(await res.arrayBuffer()) };
      }
      let body: unknown;
      try {
        body = await res.json();
      } catch {
        return failure('INTERNAL', `Pathways answered ${res.status} ${res.statusText || ''}`.trim() + ' without a readable reply.');
      }
      if (isReply(body)) return body;
      return failure('INTERNAL', `Pathways answered ${res.status} with an unexpected reply.`);
    },
  };
}
