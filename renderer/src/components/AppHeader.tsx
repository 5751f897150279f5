/** The app's name and the workspace it has open. */
export function AppHeader({ workspaceName }: { workspaceName?: string }) {
  return (
    <header className="app-header">
      <h1 className="app-name">Pathways</h1>
      {workspaceName ? (
        <p className="workspace-name" data-testid="workspace-name">
          <span className="visually-hidden">Workspace: </span>
          {workspaceName}
        </p>
      ) : null}
    </header>
  );
}
