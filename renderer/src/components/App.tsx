import { useCallback, useMemo, useState } from 'react';
import type { WorkspaceInfo } from '../../../src/api/contract';
import type { Call } from '../api/client';
import { useAsync } from '../hooks/useAsync';
import { ResultStore } from '../data/resultStore';
import { AppHeader } from './AppHeader';
import { ErrorNotice, Notice } from './Notice';
import { Dashboard } from './Dashboard';

/** No period can be reviewed until a roster or sessions have been imported. */
export const isEmptyWorkspace = (info: WorkspaceInfo): boolean =>
  info.periods.length === 0 || (info.tables.find((t) => t.table === 'people')?.rows ?? 0) === 0;

/**
 * The app: opens the workspace (its description and its models), then the dashboard. After
 * anything changes the workspace (an import on the Data page), every kept result is dropped
 * and the description is read again.
 */
export function App({ call }: { call: Call }) {
  const [version, setVersion] = useState(0);
  const store = useMemo(() => new ResultStore(call), [call]);
  const info = useAsync(() => call('info', {}), [call, version]);
  const models = useAsync(() => call('listModels', {}), [call, version]);
  const onChanged = useCallback(() => {
    store.clear();
    setVersion((v) => v + 1);
  }, [store]);
  const failed = info.status === 'error' ? info.error : models.status === 'error' ? models.error : null;
  if (failed || !info.value || !models.value) {
    return (
      <div className="app">
        <AppHeader workspaceName={info.value?.name} />
        <main className="app-main">
          {failed ? <ErrorNotice error={failed} title="The workspace could not be opened" /> : <Notice kind="loading">Opening the workspace…</Notice>}
        </main>
      </div>
    );
  }
  return <Dashboard info={info.value} models={models.value} call={call} store={store} onChanged={onChanged} />;
}
