import { cancelled } from '../cache/resultCache';
import type { Workspace } from '../workspace/workspace';

/**
 * How many model queries of a workspace run at once. Node runs DuckDB calls on its libuv pool
 * (4 threads by default) and DuckDB's own threads share 2 cores here, so more at once only
 * queue inside; but each extra run leases a connection of its own, and a connection beyond
 * the pooled ones must load the model macros first (about 30 ms each). A page that asks for
 * 30 model periods at once spent over half a second doing that; queued in its order, every
 * run finds a pooled connection with the macros loaded (the pool keeps 8).
 */
export const RUN_SLOTS = 4;

interface Slots { free: number; waiting: (() => void)[] }
const slots = new WeakMap<Workspace, Slots>();

/**
 * Runs fn when one of the workspace's run slots is free, in the order asked. A caller whose
 * signal aborts while it waits leaves the queue without running.
 */
export async function withRunSlot<T>(ws: Workspace, signal: AbortSignal | undefined, fn: () => Promise<T>): Promise<T> {
  let s = slots.get(ws);
  if (!s) slots.set(ws, (s = { free: RUN_SLOTS, waiting: [] }));
  if (s.free > 0) s.free -= 1;
  else await wait(s, signal);
  try {
    return await fn();
  } finally {
    const next = s.waiting.shift();
    // The slot passes straight to the next in line.
    if (next) next();
    else s.free += 1;
  }
}

function wait(s: Slots, signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) { reject(cancelled()); return; }
    const take = () => { signal?.removeEventListener('abort', leave); resolve(); };
    const leave = () => {
      const i = s.waiting.indexOf(take);
      if (i >= 0) s.waiting.splice(i, 1);
      reject(cancelled());
    };
    signal?.addEventListener('abort', leave, { once: true });
    s.waiting.push(take);
  });
}
