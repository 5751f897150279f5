import { useEffect, useState, type DependencyList } from 'react';
import { asApiError, type ApiError } from '../api/apiError';

export type AsyncState<T> =
  | { status: 'loading'; value?: T; error?: undefined }
  | { status: 'done'; value: T; error?: undefined }
  | { status: 'error'; value?: undefined; error: ApiError };

/**
 * Runs `load` whenever `deps` change. Keeps the last value while the next one loads (so a
 * chart does not blank out when a control moves) and drops answers that arrive after a newer
 * request was made, so a slow reply can never overwrite a later choice.
 */
export function useAsync<T>(load: () => Promise<T>, deps: DependencyList): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    setState((s) => (s.status === 'done' ? { status: 'loading', value: s.value } : { status: 'loading' }));
    load().then(
      (value) => { if (current) setState({ status: 'done', value }); },
      (err: unknown) => { if (current) setState({ status: 'error', error: asApiError(err) }); },
    );
    return () => { current = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}
