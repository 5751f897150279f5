import type { MouseEvent } from 'react';

/**
 * Moves to another page within the app: the page lives in the URL's query, changed in place
 * (a real navigation would reload, and the Electron window refuses navigations).
 */
const goTo = (page: string) => (e: MouseEvent<HTMLAnchorElement>) => {
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  const params = new URLSearchParams(window.location.search);
  params.set('page', page);
  window.history.pushState(window.history.state, '', `${window.location.pathname}?${params}`);
  window.dispatchEvent(new PopStateEvent('popstate'));
};

/** The app's name and the workspace it has open. */
export function AppHeader({ workspaceName }: { workspaceName?: string }) {
  return (
    <header className="app-header">
      <h1 className="app-name">Pathways</h1>
      <a href="?page=data" className="app-nav-link" data-testid="nav-data" onClick={goTo('data')}>Data</a>
      {workspaceName ? (
        <p className="workspace-name" data-testid="workspace-name">
          <span className="visually-hidden">Workspace: </span>
          {workspaceName}
        </p>
      ) : null}
    </header>
  );
}
