import { useCallback, useEffect, useRef, useState } from 'react';
import type { WorkspaceInfo } from '../../../src/api/contract';
import { readControls, writeControls, type Controls } from './urlControls';

/**
 * The controls, mirrored in the URL's query string. A change pushes a history entry (Back
 * returns to the previous view); the hash is left alone. Where the URL cannot be rewritten
 * (some file:// setups refuse pushState) the view still works, it just is not bookmarkable.
 */
export function useUrlControls(info: Pick<WorkspaceInfo, 'periods' | 'dimensions'>): [Controls, (next: Partial<Controls>) => void] {
  const [controls, setControls] = useState<Controls>(() => readControls(window.location.search, info));

  // Write the resolved defaults back, so the address always names the view on screen.
  useEffect(() => {
    replaceUrl(controls, 'replace');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const onPop = () => setControls(readControls(window.location.search, info));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [info]);

  const latest = useRef(controls);
  latest.current = controls;
  const update = useCallback((next: Partial<Controls>) => {
    const prev = latest.current;
    const merged = { ...prev, ...next };
    if (merged.period === prev.period && merged.dimension === prev.dimension && merged.k === prev.k) return;
    latest.current = merged;
    replaceUrl(merged, 'push');
    setControls(merged);
  }, []);

  return [controls, update];
}

function replaceUrl(c: Controls, how: 'push' | 'replace'): void {
  const { pathname, search, hash } = window.location;
  const url = pathname + writeControls(search, c) + hash;
  if (url === pathname + search + hash) return;
  try {
    if (how === 'push') window.history.pushState(window.history.state, '', url);
    else window.history.replaceState(window.history.state, '', url);
  } catch {
    // Not rewritable here; the controls still hold the view.
  }
}
