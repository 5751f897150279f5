import { describe, it, expect, vi } from 'vitest';
import type { Session } from 'electron';
import { CSP, withCsp } from '../../electron/csp';
import { applySecurityPolicies, guardWebContents, isRemoteUrl } from '../../electron/security';
import { secureWebPreferences } from '../../electron/window';

const INDEX = 'file:///opt/Pathways/dist/renderer/index.html';

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer and keeps Node out of it', () => {
    expect(secureWebPreferences('/opt/Pathways/dist/electron/preload.cjs')).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/opt/Pathways/dist/electron/preload.cjs',
      spellcheck: false,
    });
  });
});

describe('CSP', () => {
  const directives = new Map(CSP.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

  it('allows only the app itself, and never eval', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(CSP).not.toContain('unsafe-eval');
    expect(CSP).not.toMatch(/https?:|\*/);
  });

  it('is added to response headers, alongside any policy already there', () => {
    expect(withCsp({ 'Content-Type': ['text/html'] })).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CSP] });
    expect(withCsp({ 'content-security-policy': "default-src 'none'" })).toEqual({ 'content-security-policy': ["default-src 'none'", CSP] });
    expect(withCsp(undefined)).toEqual({ 'Content-Security-Policy': [CSP] });
  });
});

/** A fake session recording the handlers applySecurityPolicies installs. */
function fakeSession() {
  const s = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn(), onHeadersReceived: vi.fn() },
  };
  return { session: s as unknown as Session, fake: s };
}

function fakeContents() {
  const handlers = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
  const contents = {
    on: vi.fn((name: string, fn: (event: { preventDefault(): void }, url?: string) => void) => { handlers.set(name, fn); return contents; }),
    setWindowOpenHandler: vi.fn(),
  };
  const fire = (name: string, url?: string) => {
    const event = { preventDefault: vi.fn() };
    handlers.get(name)!(event, url);
    return event.preventDefault.mock.calls.length > 0;
  };
  return { contents, fire };
}

describe('applySecurityPolicies', () => {
  const setUp = () => {
    const { session, fake } = fakeSession();
    const app = { on: vi.fn() };
    applySecurityPolicies(app as never, session, INDEX);
    return { fake, app };
  };

  it('denies every permission request and check', () => {
    const { fake } = setUp();
    const request = fake.setPermissionRequestHandler.mock.calls[0][0];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      request({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(fake.setPermissionCheckHandler.mock.calls[0][0]({}, 'media', INDEX, {})).toBe(false);
  });

  it('sets the CSP on every response', () => {
    const { fake } = setUp();
    const callback = vi.fn();
    fake.webRequest.onHeadersReceived.mock.calls[0][0]({ url: INDEX, responseHeaders: {} }, callback);
    const headers = callback.mock.calls[0][0].responseHeaders as Record<string, string[]>;
    expect(headers['Content-Security-Policy']).toEqual([CSP]);
    expect(headers['Content-Security-Policy'][0]).toContain("default-src 'self'");
    expect(headers['Content-Security-Policy'][0]).not.toContain('unsafe-eval');
  });

  it('cancels network requests and lets local files through', () => {
    const { fake } = setUp();
    const cancelled = (url: string) => {
      const callback = vi.fn();
      fake.webRequest.onBeforeRequest.mock.calls[0][0]({ url }, callback);
      return callback.mock.calls[0][0].cancel as boolean;
    };
    expect(cancelled('https://example.com/track.gif')).toBe(true);
    expect(cancelled('http://127.0.0.1:8080/')).toBe(true);
    expect(cancelled('wss://example.com/socket')).toBe(true);
    expect(cancelled(INDEX)).toBe(false);
    expect(cancelled('file:///opt/Pathways/dist/renderer/assets/index.js')).toBe(false);
    expect(cancelled('data:image/png;base64,AAAA')).toBe(false);
    expect(isRemoteUrl('not a url')).toBe(false);
  });

  it('guards every web contents the app creates', () => {
    const { app } = setUp();
    const [name, listener] = app.on.mock.calls[0];
    expect(name).toBe('web-contents-created');
    const { contents, fire } = fakeContents();
    listener({}, contents);
    expect(fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
  });
});

describe('guardWebContents', () => {
  it('prevents navigation anywhere but the renderer index', () => {
    const { contents, fire } = fakeContents();
    guardWebContents(contents as never, INDEX);
    expect(fire('will-navigate', 'https://example.com/phish')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-navigate', 'data:text/html,hi')).toBe(true);
    expect(fire('will-navigate', 'javascript:alert(1)')).toBe(true);
    expect(fire('will-navigate', INDEX)).toBe(false);
    expect(fire('will-navigate', `${INDEX}#/models`)).toBe(false);
  });

  it('denies window.open and webviews', () => {
    const { contents, fire } = fakeContents();
    guardWebContents(contents as never, INDEX);
    const openHandler = contents.setWindowOpenHandler.mock.calls[0][0] as (d: { url: string }) => unknown;
    expect(openHandler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(openHandler({ url: INDEX })).toEqual({ action: 'deny' });
    expect(fire('will-attach-webview')).toBe(true);
  });
});
