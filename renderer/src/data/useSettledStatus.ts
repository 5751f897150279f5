import { useContext, useEffect, useLayoutEffect } from 'react';
import { DataContext } from './dataContext';

/**
 * Tells the page's ViewStatus that the element `id` is pending whenever its inputs (`key`)
 * change, and done once `settled` (its answer is on screen, or a message in its place).
 * Charts report "done" when drawn instead (ChartPanel); this is for everything else.
 */
export function useSettledStatus(id: string, key: string, settled: boolean): void {
  const { status } = useContext(DataContext);
  useLayoutEffect(() => { status.pending(id); }, [status, id, key]);
  useEffect(() => () => status.remove(id), [status, id]);
  useEffect(() => { if (settled) status.done(id); }, [status, id, key, settled]);
}
