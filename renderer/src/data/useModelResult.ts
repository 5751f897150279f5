import { useContext, useEffect, useRef, useState } from 'react';
import { asApiError, type ApiError } from '../api/apiError';
import { isCancelled } from '../api/cancelled';
import { DataContext } from './dataContext';
import type { ModelRequest } from './modelRequest';

export type ResultState<T> =
  | { status: 'loading'; value?: T; since: number }
  | { status: 'done'; value: T }
  | { status: 'error'; error: ApiError; value?: undefined }
  | { status: 'cancelled'; value?: T };

/**
 * The results of one or more model requests for a chart (a trend asks for eight quarters).
 * Results already fetched are there on the first render: no loading flash, and the same
 * array comes back, so the chart is not redrawn. Otherwise the last value stays on screen,
 * marked as reloading, until the new one is complete. A newer request, leaving the page or
 * the page's Cancel abandons the request (the core's answer, if any, is dropped).
 */
export function useModelResults<T>(requests: readonly ModelRequest[] | null, read: (answer: never) => T): ResultState<T[]> {
  const { store, cancels, retries } = useContext(DataContext);
  const key = requests ? `${retries}\u001e${requests.map((r) => r.key).join('\u001e')}` : null;
  const last = useRef<{ key: string; value: T[] } | null>(null);

  /** The results from the store, the same array as last time when they are the same objects. */
  const fromStore = (): T[] | undefined => {
    if (!requests) return undefined;
    const values = requests.map((r) => store.peek<T>(r.key));
    if (values.some((v) => v === undefined)) return undefined;
    const prev = last.current?.value;
    if (prev && prev.length === values.length && prev.every((v, i) => v === values[i])) return prev;
    return values as T[];
  };

  const [state, setState] = useState<{ key: string | null; s: ResultState<T[]> }>(() => {
    const hit = fromStore();
    return { key, s: hit ? { status: 'done', value: hit } : { status: 'loading', since: Date.now() } };
  });

  useEffect(() => {
    if (!requests || key === null) return;
    const hit = fromStore();
    if (hit) {
      last.current = { key, value: hit };
      setState((prev) => (prev.key === key && prev.s.status === 'done' && prev.s.value === hit ? prev : { key, s: { status: 'done', value: hit } }));
      return;
    }
    const controller = new AbortController();
    let byUser = false;
    const unsubscribe = cancels.subscribe(() => { byUser = true; controller.abort(); });
    setState((prev) => ({ key, s: { status: 'loading', value: prev.s.value, since: Date.now() } }));
    Promise.all(requests.map((r) => store.load(r, read, controller.signal))).then(
      (value) => {
        unsubscribe();
        last.current = { key, value };
        setState({ key, s: { status: 'done', value } });
      },
      (err: unknown) => {
        unsubscribe();
        if (controller.signal.aborted && !byUser) return; // superseded by a newer view
        controller.abort(); // the other requests of this chart are not needed any more
        setState((prev) => ({ key, s: isCancelled(err) ? { status: 'cancelled', value: prev.s.value } : { status: 'error', error: asApiError(err) } }));
      },
    );
    return () => {
      unsubscribe();
      controller.abort();
    };
    // `read` is a module-level function per kind of result; the key says everything else.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, store, cancels]);

  if (!requests) return { status: 'loading', since: 0 };
  if (state.key !== key) {
    // The first render for new inputs: answer from the store if it can, else keep the last value, reloading.
    const hit = fromStore();
    return hit ? { status: 'done', value: hit } : { status: 'loading', value: state.s.value, since: Date.now() };
  }
  return state.s;
}
