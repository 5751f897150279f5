import { PAGES, type PageId } from '../controls/pages';

interface Props {
  workspaceName?: string;
  /** The page on screen; no navigation while the workspace is still opening. */
  page?: PageId;
  /** Links keep the view's other controls: the href is the current query with another page. */
  hrefFor?: (page: PageId) => string;
  onNavigate?: (page: PageId) => void;
}

/** The app's name, the workspace it has open, and the pages (Overview ... Data). */
export function AppHeader({ workspaceName, page, hrefFor, onNavigate }: Props) {
  return (
    <header className="app-header">
      <div className="app-title">
        <p className="app-name">Pathways</p>
        {workspaceName ? (
          <p className="workspace-name" data-testid="workspace-name">
            <span className="visually-hidden">Workspace: </span>
            {workspaceName}
          </p>
        ) : null}
      </div>
      {page && hrefFor && onNavigate ? (
        <nav aria-label="Pages" className="app-nav">
          <ul>
            {PAGES.map((p) => (
              <li key={p.id}>
                <a
                  href={hrefFor(p.id)}
                  aria-current={p.id === page ? 'page' : undefined}
                  data-page={p.id}
                  data-testid={`nav-${p.id}`}
                  onClick={(e) => {
                    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                    e.preventDefault();
                    onNavigate(p.id);
                  }}
                >
                  {p.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}
