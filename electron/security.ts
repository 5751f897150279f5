import type { App, Session, WebContents } from 'electron';
import { withCsp } from './csp';
import { isTrustedFrameUrl } from './ipc';

/** Schemes that would reach the network. The app is offline, so no request may use them. */
const REMOTE_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);

export function isRemoteUrl(url: string): boolean {
  try {
    return REMOTE_SCHEMES.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/**
 * The session- and app-wide rules from Electron's security checklist
 * (https://www.electronjs.org/docs/latest/tutorial/security). Call after `app` is ready and
 * before any window is created.
 */
export function applySecurityPolicies(app: Pick<App, 'on'>, session: Session, rendererIndexUrl: string): void {
  // Pathways needs no camera, notifications, clipboard-read or any other permission.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // No remote content: refuse network requests outright, before the CSP is even consulted.
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: isRemoteUrl(details.url) }));
  // The renderer's index.html carries the same policy as a meta tag (file:// responses have
  // no headers to rewrite); this covers anything that does arrive with headers.
  session.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withCsp(details.responseHeaders) }));
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, rendererIndexUrl));
}

/** Every web contents stays on the renderer page: no navigation, no new windows, no webviews. */
export function guardWebContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  rendererIndexUrl: string,
): void {
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedFrameUrl(url, rendererIndexUrl)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
