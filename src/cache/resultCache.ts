import { setMaxListeners } from 'node:events';
import { PathwaysError } from '../errors';

interface Entry<T> {
  promise: Promise<T>;
  controller: AbortController;
  /** Callers still waiting for a run in flight; undefined once it settled or when a caller can never abandon it. */
  waiting: number | undefined;
}

/** What a caller who walked away gets (here, and from the model runner's queue). */
export const cancelled = () => new PathwaysError('CANCELLED', 'the request was cancelled');

/**
 * Answers kept by key, most recently used last, for model results that many views ask for
 * again (a period's result serves its own chart, the next period's comparison and an
 * 8-quarter trend). Holds promises, so concurrent asks for one key share a single run; a
 * rejected run is forgotten, so a transient failure is retried on the next ask.
 *
 * A caller may pass a signal: when every caller of a run still in flight has abandoned it,
 * the run's own signal aborts (the model runner then interrupts DuckDB) and the entry is
 * dropped. On two cores a superseded view's queries would otherwise hold the CPU the next
 * view needs. A caller without a signal keeps the run alive.
 */
export class ResultCache<T> {
  private entries = new Map<string, Entry<T>>();

  constructor(private readonly capacity: number) {}

  get(key: string, compute: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(cancelled());
    let entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
      if (entry.waiting !== undefined) entry.waiting = signal ? entry.waiting + 1 : undefined;
    } else {
      const controller = new AbortController();
      // One run may feed many others (the findings wait on every rate model): each listens.
      setMaxListeners(0, controller.signal);
      const made: Entry<T> = { promise: compute(controller.signal), controller, waiting: signal ? 1 : undefined };
      entry = made;
      const entries = this.entries;
      entries.set(key, made);
      made.promise.then(
        () => { made.waiting = undefined; },
        () => { made.waiting = undefined; if (entries.get(key) === made) entries.delete(key); },
      );
      while (entries.size > this.capacity) entries.delete(entries.keys().next().value as string);
    }
    if (!signal) return entry.promise;
    return this.follow(key, entry, signal);
  }

  /** The entry's answer for one caller who may walk away: rejects at once when its signal aborts. */
  private follow(key: string, entry: Entry<T>, signal: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        reject(cancelled());
        if (entry.waiting === undefined) return;
        entry.waiting -= 1;
        if (entry.waiting > 0) return;
        entry.waiting = undefined;
        if (this.entries.get(key) === entry) this.entries.delete(key);
        entry.controller.abort();
      };
      signal.addEventListener('abort', onAbort, { once: true });
      entry.promise.then(
        (v) => { signal.removeEventListener('abort', onAbort); resolve(v); },
        (e) => { signal.removeEventListener('abort', onAbort); reject(e); },
      );
    });
  }

  /** Forgets everything; a run still in flight finishes for its caller but is not kept. */
  clear(): void {
    this.entries = new Map();
  }

  get size(): number {
    return this.entries.size;
  }
}
