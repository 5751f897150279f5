/** Where the browser-mode token is kept for the life of the tab (never localStorage: it dies with the run). */
export const TOKEN_KEY = 'pathways.token';

/**
 * The browser-mode access token. The server hands it over in the URL fragment (`#token=...`),
 * which browsers never send to a server and which stays out of Referer headers; it is moved
 * to sessionStorage at once and removed from the address bar, so it is not bookmarked,
 * shared with a screenshot of the URL, or kept in history. A reload finds it in storage.
 */
export function takeSessionToken(win: Window = window): string | null {
  const fromHash = new URLSearchParams(win.location.hash.replace(/^#/, '')).get('token');
  if (fromHash) {
    try {
      win.sessionStorage.setItem(TOKEN_KEY, fromHash);
    } catch {
      // Storage can be disabled; the token then lives only in this page's memory.
    }
    const { pathname, search } = win.location;
    win.history.replaceState(win.history.state, '', pathname + search);
    return fromHash;
  }
  try {
    return win.sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}
