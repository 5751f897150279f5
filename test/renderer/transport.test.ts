// @vitest-environment jsdom
import { describe, it, expect, vi, beforeEach } from 'vitest';
import { chooseTransport } from '../../renderer/src/api/transport';
import { createClient } from '../../renderer/src/api/client';
import { ApiError } from '../../renderer/src/api/apiError';
import { TOKEN_KEY } from '../../renderer/src/api/sessionToken';

const TOKEN = 'a1'.repeat(32);

type FetchArgs = [string, RequestInit];

function mockFetch(respond: (url: string, init: RequestInit) => Response) {
  return vi.fn(async (url: string | URL | Request, init?: RequestInit) => respond(String(url), init ?? {}));
}

beforeEach(() => {
  sessionStorage.clear();
  history.replaceState(null, '', '/?period=2025-Q2');
  delete (window as unknown as { pathways?: unknown }).pathways;
});

describe('transport over HTTP (browser mode)', () => {
  it('takes the token from the URL fragment, keeps it for the tab, strips it from the address, and sends it as Bearer', async () => {
    history.replaceState(null, '', `/?period=2025-Q2#token=${TOKEN}`);
    const fetch = mockFetch(() => new Response(JSON.stringify({ ok: true, value: { name: 'acme' } }), { headers: { 'Content-Type': 'application/json; charset=utf-8' } }));
    const transport = chooseTransport(window, fetch as unknown as typeof globalThis.fetch);

    expect(location.hash).toBe('');
    expect(location.search).toBe('?period=2025-Q2');
    expect(sessionStorage.getItem(TOKEN_KEY)).toBe(TOKEN);

    const reply = await transport.invoke('info', {});
    expect(reply).toEqual({ ok: true, value: { name: 'acme' } });
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] as unknown as FetchArgs;
    expect(url).toBe('/api/info');
    expect(init.method).toBe('POST');
    expect(init.headers).toMatchObject({ 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` });
    expect(init.body).toBe('{}');
  });

  it('finds the token in sessionStorage after a reload', async () => {
    sessionStorage.setItem(TOKEN_KEY, TOKEN);
    const fetch = mockFetch(() => new Response('{"ok":true,"value":[]}', { headers: { 'Content-Type': 'application/json' } }));
    await chooseTransport(window, fetch as unknown as typeof globalThis.fetch).invoke('listModels', {});
    const [, init] = fetch.mock.calls[0] as unknown as FetchArgs;
    expect((init.headers as Record<string, string>).Authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('answers an Arrow content type with the bytes, and sends the input as JSON', async () => {
    history.replaceState(null, '', `/#token=${TOKEN}`);
    const bytes = new Uint8Array([0xff, 0xff, 0xff, 0xff, 1, 2, 3]);
    const fetch = mockFetch(() => new Response(bytes, { headers: { 'Content-Type': 'application/vnd.apache.arrow.stream' } }));
    const call = createClient(chooseTransport(window, fetch as unknown as typeof globalThis.fetch));
    const input = { model: 'participation_rate', params: { period: '2025-Q2', k: 5 } };
    const value = await call('runModel', input);
    expect(value).toBeInstanceOf(Uint8Array);
    expect([...value]).toEqual([...bytes]);
    const [url, init] = fetch.mock.calls[0] as unknown as FetchArgs;
    expect(url).toBe('/api/runModel');
    expect(JSON.parse(String(init.body))).toEqual(input);
  });

  it('turns an error reply into an ApiError with the core\'s code and message', async () => {
    sessionStorage.setItem(TOKEN_KEY, TOKEN);
    const error = { code: 'NEEDS_DATA', message: 'Participation rate needs sessions data (import a sessions file).' };
    const fetch = mockFetch(() => new Response(JSON.stringify({ ok: false, error }), { status: 422, headers: { 'Content-Type': 'application/json' } }));
    const call = createClient(chooseTransport(window, fetch as unknown as typeof globalThis.fetch));
    const err = await call('runModel', { model: 'participation_rate', params: { period: '2025-Q2' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject(error);
  });

  it('reports an unreachable server, a missing token and an unreadable answer as error values', async () => {
    const noToken = await chooseTransport(window, mockFetch(() => new Response('{}')) as unknown as typeof fetch).invoke('info', {});
    expect(noToken).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    sessionStorage.setItem(TOKEN_KEY, TOKEN);
    const down = vi.fn(async () => { throw new TypeError('Failed to fetch'); });
    expect(await chooseTransport(window, down as unknown as typeof fetch).invoke('info', {}))
      .toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('not reachable') } });

    const html = mockFetch(() => new Response('<html>', { status: 502, headers: { 'Content-Type': 'text/html' } }));
    expect(await chooseTransport(window, html as unknown as typeof fetch).invoke('info', {}))
      .toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('transport over Electron IPC', () => {
  it('uses the preload bridge when there is one, and never fetches', async () => {
    const invoke = vi.fn(async () => ({ ok: true as const, value: new Uint8Array([1, 2]).buffer }));
    (window as unknown as { pathways: unknown }).pathways = { invoke };
    const fetch = vi.fn();
    const reply = await chooseTransport(window, fetch as unknown as typeof globalThis.fetch).invoke('runModel', { model: 'x' });
    expect(invoke).toHaveBeenCalledWith('runModel', { model: 'x' });
    expect(fetch).not.toHaveBeenCalled();
    expect(reply.ok && reply.value).toEqual(new Uint8Array([1, 2]));
  });
});

describe('transport over Electron IPC: cancelling', () => {
  it('gives a call that may be abandoned an id, and sends a cancel for that id when its signal aborts', async () => {
    let finish!: () => void;
    const bridge = {
      invoke: vi.fn((_m: string, _i: unknown, _id?: string) => new Promise((ok) => { finish = () => ok({ ok: false, error: { code: 'CANCELLED', message: 'cancelled' } }); })),
      cancel: vi.fn((_id: string) => finish()),
    };
    (window as unknown as { pathways?: unknown }).pathways = bridge;
    const transport = chooseTransport(window, mockFetch(() => new Response('')) as unknown as typeof globalThis.fetch);
    const controller = new AbortController();
    const call = transport.invoke('runModel', { model: 'pipeline' }, { signal: controller.signal });
    const id = bridge.invoke.mock.calls[0][2];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    controller.abort();
    expect(bridge.cancel).toHaveBeenCalledWith(id);
    expect(await call).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    // A call nobody can abandon carries no id.
    void transport.invoke('info', {});
    expect(bridge.invoke.mock.calls[1]).toEqual(['info', {}]);
  });
});
