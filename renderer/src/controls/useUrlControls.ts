import { useCallback, useEffect, useRef, useState } from 'react';
import type { WorkspaceInfo } from '../../../src/api/contract';
import { readControls, sameControls, writeControls, type Controls } from './urlControls';

type Info = Parameters<typeof readControls>[1];

/**
 * The view, mirrored in the URL's query string. A change pushes a history entry (Back
 * returns to the previous view); the hash is left alone unless the change asks for one (a
 * finding links to its chart). Where the URL cannot be rewritten (some file:// setups refuse
 * pushState) the view still works, it just is not bookmarkable.
 */
export function useUrlControls(info: Info): [Controls, (next: Partial<Controls>, hash?: string) => void] {
  const [controls, setControls] = useState<Controls>(() => readControls(window.location.search, info));

  // Write the resolved defaults back, so the address always names the view on screen.
  useEffect(() => {
    replaceUrl(controls, 'replace');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const latest = useRef(controls);
  latest.current = controls;
  const infoRef = useRef(info);
  infoRef.current = info;

  useEffect(() => {
    const onPop = () => {
      const next = readControls(window.location.search, info);
      latest.current = next;
      setControls(next);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [info]);

  // When the workspace changes (an import adds a period or a program), keep the view valid.
  useEffect(() => {
    const next = readControls(writeControls(window.location.search, latest.current), info);
    if (!sameControls(next, latest.current)) {
      latest.current = next;
      replaceUrl(next, 'replace');
      setControls(next);
    }
  }, [info]);

  const update = useCallback((next: Partial<Controls>, hash?: string) => {
    const prev = latest.current;
    // Validated as a bookmark would be: a group reference that the new dimension does not
    // have falls back to the largest group, a comparison with the review period itself to none.
    const merged = readControls(writeControls('', { ...prev, ...next }), infoRef.current);
    if (sameControls(merged, prev) && hash === undefined) return;
    latest.current = merged;
    replaceUrl(merged, 'push', hash);
    setControls(merged);
  }, []);

  return [controls, update];
}

function replaceUrl(c: Controls, how: 'push' | 'replace', newHash?: string): void {
  const { pathname, search, hash } = window.location;
  const url = pathname + writeControls(search, c) + (newHash ?? hash);
  if (url === pathname + search + hash) return;
  try {
    if (how === 'push') window.history.pushState(window.history.state, '', url);
    else window.history.replaceState(window.history.state, '', url);
  } catch {
    // Not rewritable here; the controls still hold the view.
  }
}

export type { WorkspaceInfo };
