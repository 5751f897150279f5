import { useEffect, useState } from 'react';
import type { WorkspaceInfo } from '../../../src/api/contract';
import type { Call } from '../api/client';
import { useAsync } from '../hooks/useAsync';
import { AppHeader } from './AppHeader';
import { ErrorNotice, Notice } from './Notice';
import { ParticipationView } from './ParticipationView';
import { DataPage } from '../pages/data/DataPage';
import { ReviewsPage } from '../pages/reviews/ReviewsPage';

/** No period can be reviewed until a roster or sessions have been imported. */
export const isEmptyWorkspace = (info: WorkspaceInfo): boolean =>
  info.periods.length === 0 || (info.tables.find((t) => t.table === 'people')?.rows ?? 0) === 0;

/** Which page the URL asks for (the navigation keeps it in the query, e.g. ?page=data). */
const pageOf = (): string | null => new URLSearchParams(window.location.search).get('page');

/** The first screen: the open workspace's participation, by group, for one review period. */
export function App({ call }: { call: Call }) {
  const [version, setVersion] = useState(0);
  const info = useAsync(() => call('info', {}), [call, version]);
  const [page, setPage] = useState(pageOf);
  useEffect(() => {
    const onPop = () => setPage(pageOf());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  return (
    <div className="app">
      <AppHeader workspaceName={info.value?.name} />
      <main className="app-main">
        {info.status === 'error' ? (
          <ErrorNotice error={info.error} title="The workspace could not be opened" />
        ) : !info.value ? (
          <Notice kind="loading">Opening the workspace…</Notice>
        ) : page === 'data' ? (
          <DataPage info={info.value} call={call} onChanged={() => setVersion((v) => v + 1)} />
        ) : isEmptyWorkspace(info.value) ? (
          <Notice kind="empty" title="No data yet">
            This workspace has no data yet. Import a roster (people) file and your mentorship sessions, and participation by group
            will appear here.
          </Notice>
        ) : (
          new URLSearchParams(location.search).get('page') === 'reviews' ? <ReviewsPage info={info.value} call={call} /> : <ParticipationView info={info.value} call={call} />
        )}
      </main>
    </div>
  );
}
