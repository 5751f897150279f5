import type { Call } from '../api/client';
import { cancelledError } from '../api/cancelled';
import { RequestLimiter } from './requestLimiter';
import type { ModelRequest } from './modelRequest';

interface InFlight {
  promise: Promise<unknown>;
  controller: AbortController;
  waiters: number;
}

/** How many parsed results the renderer keeps (each a few kB). */
const KEEP = 600;

/**
 * The renderer's model results, by key (model + the parameters that matter to it, see
 * modelRequest.ts): each result is fetched once, parsed once, and the same object is handed
 * to every chart that asks, so a chart whose inputs did not change is not redrawn. Requests
 * for one key share a single call; when every asker has given up (the view moved on), the
 * call is aborted, or dropped before it starts. `clear()` forgets everything when the
 * workspace has changed.
 */
export class ResultStore {
  private done = new Map<string, unknown>();
  private inflight = new Map<string, InFlight>();
  private generation = 0;
  private readonly limiter: RequestLimiter;

  constructor(private readonly call: Call, concurrency = 4) {
    this.limiter = new RequestLimiter(concurrency);
  }

  /** A result already here, synchronously (so that a cached view renders without a loading flash). */
  peek<T>(key: string): T | undefined {
    return this.done.get(key) as T | undefined;
  }

  /** `read` turns the answer into what charts use: Arrow bytes for runModel, the JSON for findings. */
  load<T>(request: ModelRequest, read: (answer: never) => T, signal: AbortSignal): Promise<T> {
    const { key, model, params } = request;
    if (this.done.has(key)) {
      const hit = this.done.get(key);
      this.done.delete(key);
      this.done.set(key, hit);
      return Promise.resolve(hit as T);
    }
    let entry = this.inflight.get(key);
    if (!entry) {
      const controller = new AbortController();
      const generation = this.generation;
      const promise = this.limiter
        .run((): Promise<unknown> => (request.method === 'findings'
          ? this.call('findings', { params }, { signal: controller.signal })
          : this.call('runModel', { model, params }, { signal: controller.signal })), controller.signal)
        .then((answer) => {
          const value = read(answer as never);
          if (generation === this.generation) this.keep(key, value);
          return value;
        })
        .finally(() => {
          if (this.inflight.get(key)?.promise === promise) this.inflight.delete(key);
        });
      promise.catch(() => undefined);
      entry = { promise, controller, waiters: 0 };
      this.inflight.set(key, entry);
    }
    const shared = entry;
    shared.waiters++;
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const onAbort = () => {
        if (settled) return;
        settled = true;
        reject(cancelledError());
        if (--shared.waiters === 0) {
          shared.controller.abort();
          if (this.inflight.get(key) === shared) this.inflight.delete(key);
        }
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      shared.promise.then(
        (v) => { if (!settled) { settled = true; shared.waiters--; resolve(v as T); } },
        (e) => { if (!settled) { settled = true; shared.waiters--; reject(e); } },
      ).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  /** Forgets every result: the workspace changed. Calls in flight finish for their askers but are not kept. */
  clear(): void {
    this.generation++;
    this.done.clear();
  }

  /** Requests running or waiting to run. */
  get pending(): number {
    return this.limiter.pending;
  }

  private keep(key: string, value: unknown): void {
    this.done.set(key, value);
    while (this.done.size > KEEP) this.done.delete(this.done.keys().next().value as string);
  }
}
