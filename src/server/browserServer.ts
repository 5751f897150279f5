import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve, sep, extname } from 'node:path';
import type { AddressInfo } from 'node:net';
import { api, isMethodName, MAX_REQUEST_BYTES, type Reply } from '../api/contract';
import { dispatch, type Core } from '../api/core';
import { toErrorInfo, type ErrorCode } from '../errors';
import { MAX_UPLOAD_BYTES, type UploadStore } from '../api/uploads';

/** The same CSP as the Electron window: no remote content, no eval. */
export const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
  "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.ico': 'image/x-icon', '.woff2': 'font/woff2',
};

const STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_REQUEST: 400, FORBIDDEN: 403, NOT_FOUND: 404, NEEDS_DATA: 422, MAPPING_INVALID: 422, VALIDATION_FAILED: 422,
};

export interface BrowserServer {
  url: string;
  /** The address with the token, for the user to open. */
  openUrl: string;
  token: string;
  close(): Promise<void>;
}

/**
 * Browser mode: the renderer and the API contract over HTTP, for machines without the
 * Electron binary. Bound to loopback only; every API call needs the per-run random token
 * (sent by the renderer as a Bearer header, handed over in the URL fragment, which browsers
 * never send to a server); Host and Origin must be this server's own (DNS rebinding, CSRF).
 */
export async function startBrowserServer(opts: { core: Core; staticDir: string; uploads?: UploadStore; port?: number; host?: '127.0.0.1' | 'localhost' }): Promise<BrowserServer> {
  const token = randomBytes(32).toString('hex');
  const tokenBuf = Buffer.from(`Bearer ${token}`);
  const root = resolve(opts.staticDir);
  let origins: Set<string> = new Set();

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: String((err as Error).message) } });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');
    const host = req.headers.host ?? '';
    if (!origins.has(`http://${host}`)) return deny(res, 421, 'this server answers only on its own loopback address');
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url.pathname.slice(5));
    if (url.pathname === '/upload') return handleUpload(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return deny(res, 405, 'method not allowed');
    return serveStatic(res, url.pathname);
  }

  /** Method, Origin and token checks shared by every call that reaches the core. */
  function guard(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'POST') { deny(res, 405, 'calls are POST'); return false; }
    const origin = req.headers.origin;
    if (origin !== undefined && !origins.has(origin)) { deny(res, 403, 'cross-origin request refused'); return false; }
    const auth = Buffer.from(String(req.headers.authorization ?? ''));
    if (auth.length !== tokenBuf.length || !timingSafeEqual(auth, tokenBuf)) { deny(res, 401, 'missing or wrong token'); return false; }
    return true;
  }

  /** A file the user chose in the page, streamed to the upload store; answers its FileRef. */
  async function handleUpload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!guard(req, res)) return;
    if (!opts.uploads) return deny(res, 404, 'uploads are not enabled');
    if (!String(req.headers['content-type'] ?? '').startsWith('application/octet-stream')) return deny(res, 415, 'send the file as application/octet-stream');
    const length = Number(req.headers['content-length'] ?? Number.NaN);
    if (!(length >= 0) || length > MAX_UPLOAD_BYTES) return deny(res, 413, `files up to ${MAX_UPLOAD_BYTES / 1024 ** 3} GB, with a Content-Length`);
    let name = 'file';
    try { name = decodeURIComponent(String(req.headers['x-file-name'] ?? 'file')); } catch { /* keep the default label */ }
    try {
      sendJson(res, 200, { ok: true, value: await opts.uploads.save(name, req) });
    } catch (err) {
      sendJson(res, 400, { ok: false, error: toErrorInfo(err) });
    }
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (!guard(req, res)) return;
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return deny(res, 415, 'send JSON');
    let body: unknown;
    try {
      body = JSON.parse((await readBody(req, MAX_REQUEST_BYTES)) || '{}');
    } catch (err) {
      return sendJson(res, 400, { ok: false, error: { code: 'BAD_REQUEST', message: (err as Error).message === 'too large' ? 'request too large' : 'the request body is not JSON' } });
    }
    // A page that moved on aborts its request: the core then stops the work nobody waits for.
    const gone = new AbortController();
    res.once('close', () => { if (!res.writableFinished) gone.abort(); });
    const reply = await dispatch(opts.core, method, body, { signal: gone.signal });
    if (gone.signal.aborted) return;
    if (reply.ok && isMethodName(method) && api[method].output === 'arrow') {
      const bytes = reply.value as Uint8Array;
      res.writeHead(200, { 'Content-Type': 'application/vnd.apache.arrow.stream', 'Content-Length': bytes.byteLength });
      res.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      return;
    }
    sendJson(res, reply.ok ? 200 : STATUS[reply.error.code] ?? 500, reply);
  }

  async function serveStatic(res: ServerResponse, pathname: string): Promise<void> {
    const rel = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    const file = resolve(join(root, rel));
    if (!file.startsWith(root + sep)) return deny(res, 404, 'not found');
    let data: Buffer;
    try { data = await readFile(file); } catch { return deny(res, 404, 'not found'); }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': CSP });
    res.end(data);
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  origins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  const url = `http://${opts.host ?? '127.0.0.1'}:${port}/`;
  return {
    url,
    openUrl: `${url}#token=${token}`,
    token,
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Past the limit the rest is drained unread, so the client still gets an answer; only
    // callers that already passed the token check get this far.
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
    });
    req.on('end', () => (size > limit ? reject(new Error('too large')) : resolveBody(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, reply: Reply<unknown>): void {
  const body = JSON.stringify(reply);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function deny(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { ok: false, error: { code: status === 404 ? 'NOT_FOUND' : status === 400 ? 'BAD_REQUEST' : 'FORBIDDEN', message } });
}
