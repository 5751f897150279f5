import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ComponentType } from 'react';
import type { ModelSummary, WorkspaceInfo } from '../../../src/api/contract';
import type { Call } from '../api/client';
import type { ResultStore } from '../data/resultStore';
import { DataContext, type DataContextValue } from '../data/dataContext';
import { ViewContext, type ViewContextValue } from '../data/viewContext';
import { ViewStatus } from '../data/viewStatus';
import { CancelHub } from '../data/cancelHub';
import { viewParams } from '../data/modelRequest';
import { useUrlControls } from '../controls/useUrlControls';
import { writeControls, type Controls } from '../controls/urlControls';
import type { PageId } from '../controls/pages';
import { AppHeader } from './AppHeader';
import { ControlsBar } from './ControlsBar';
import { ViewProgress } from './ViewProgress';
import { FirstRun } from './FirstRun';
import { OverviewPage } from '../pages/overview/OverviewPage';
import { ParticipationPage } from '../pages/participation/ParticipationPage';
import { AccessPage } from '../pages/access/AccessPage';
import { ProgressionPage } from '../pages/progression/ProgressionPage';
import { RepresentationPage } from '../pages/representation/RepresentationPage';
import { ProgramsPage } from '../pages/programs/ProgramsPage';
import { DataPage } from '../pages/dataPageSlot';
import { ReviewsPage } from '../pages/reviews/ReviewsPage';
import { isEmptyWorkspace } from './App';

interface Props {
  info: WorkspaceInfo;
  models: ModelSummary[];
  call: Call;
  store: ResultStore;
  onChanged: () => void;
}

const PAGE_COMPONENT: Record<Exclude<PageId, 'data' | 'reviews'>, ComponentType> = {
  overview: OverviewPage,
  participation: ParticipationPage,
  access: AccessPage,
  progression: ProgressionPage,
  representation: RepresentationPage,
  programs: ProgramsPage,
};

/** The header with the pages, the shared controls, and the page the URL names. */
export function Dashboard({ info, models, call, store, onChanged }: Props) {
  const [controls, setControls] = useUrlControls(info);
  const [retries, setRetries] = useState(0);
  const status = useMemo(() => new ViewStatus(), []);
  const cancels = useMemo(() => new CancelHub(), []);
  const data = useMemo<DataContextValue>(() => ({ call, store, status, cancels, retries }), [call, store, status, cancels, retries]);
  const byName = useMemo(() => new Map(models.map((m) => [m.name, m])), [models]);
  const params = useMemo(() => viewParams(controls), [controls]);
  const view = useMemo<ViewContextValue>(() => ({ info, models: byName, controls, params, setControls }), [info, byName, controls, params, setControls]);
  const hrefFor = useCallback((page: PageId) => writeControls(window.location.search, { ...controls, page }), [controls]);
  const navigate = useCallback((page: PageId) => setControls({ page }, ''), [setControls]);
  useScrollToTarget(controls);
  // After the charts' own layout effects (children run first): if none of them is pending, the view is complete as it is.
  const viewKey = writeControls('', controls);
  useLayoutEffect(() => { status.touch(); }, [status, viewKey]);

  const empty = isEmptyWorkspace(info);
  const Page = controls.page === 'data' || controls.page === 'reviews' ? null : PAGE_COMPONENT[controls.page];
  return (
    <DataContext.Provider value={data}>
      <ViewContext.Provider value={view}>
        <div className="app">
          <AppHeader workspaceName={info.name} page={controls.page} hrefFor={hrefFor} onNavigate={navigate} />
          <main className="app-main" data-page={controls.page}>
            {controls.page === 'data' ? (
              <DataPage info={info} call={call} onChanged={onChanged} />
            ) : empty ? (
              <FirstRun dataHref={hrefFor('data')} onImport={() => navigate('data')} />
            ) : controls.page === 'reviews' ? (
              // Sealed reviews carry their own period and k; the dashboard's controls do not apply.
              <ReviewsPage info={info} call={call} />
            ) : (
              <>
                <ControlsBar info={info} controls={controls} onChange={setControls} />
                <ViewProgress onRetry={() => setRetries((r) => r + 1)} />
                {Page ? <Page key={controls.page} /> : null}
              </>
            )}
          </main>
        </div>
      </ViewContext.Provider>
    </DataContext.Provider>
  );
}

/**
 * A link to a chart (#chart-<model>, from a finding) scrolls to it once the page is complete
 * (the charts above it have their height by then) and marks it until the view changes again.
 */
function useScrollToTarget(controls: Controls): void {
  const handled = useRef('');
  useEffect(() => {
    const id = window.location.hash.replace(/^#/, '');
    const target = `${controls.page}#${id}`;
    if (!id.startsWith('chart-') || handled.current === target) return;
    handled.current = target;
    let el: HTMLElement | null = null;
    let tries = 0;
    const timer = setInterval(() => {
      el = document.getElementById(id);
      const complete = document.documentElement.dataset.viewState === 'ready';
      if (!((el && complete) || ++tries > 1200)) return;
      clearInterval(timer);
      el?.scrollIntoView({ block: 'start' });
      el?.classList.add('panel-target');
    }, 50);
    return () => {
      clearInterval(timer);
      el?.classList.remove('panel-target');
    };
  }, [controls]);
}
