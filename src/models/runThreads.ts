import type { Workspace } from '../workspace/workspace';

/**
 * DuckDB's threads while model runs share the machine: one per query when two or more run at
 * once, DuckDB's default (one per core) when one runs alone. A page's 20-30 model periods keep
 * both cores busy across queries, and each query splitting itself over every core as well
 * only added scheduling: every model at once took about 8% less CPU with one thread per
 * query, and with the comparison periods 13% less, at 100,000 people. A query running alone
 * (and an import, a build of a derived copy) still gets every core. The setting is the whole
 * instance's, so the changes are made in order, one at a time.
 */
interface Threads { running: number; shared: boolean; alone: Promise<string>; change: Promise<void> }
const threads = new WeakMap<Workspace, Threads>();

function stateOf(ws: Workspace): Threads {
  let t = threads.get(ws);
  if (!t) {
    const alone = ws.all<{ n: unknown }>("SELECT current_setting('threads')::VARCHAR AS n").then((r) => String(r[0].n));
    threads.set(ws, (t = { running: 0, shared: false, alone, change: Promise.resolve() }));
  }
  return t;
}

/** A model run starts: from the second one at once, queries get one thread each. */
export function runStarted(ws: Workspace): Promise<void> {
  const t = stateOf(ws);
  t.running += 1;
  if (t.running >= 2 && !t.shared) {
    t.shared = true;
    t.change = t.change.then(() => ws.all('SET threads = 1')).then(() => undefined, () => undefined);
  }
  return t.change;
}

/** A model run ended: one left, or none, and queries get every core again. */
export function runEnded(ws: Workspace): void {
  const t = stateOf(ws);
  t.running -= 1;
  if (t.running <= 1 && t.shared) {
    t.shared = false;
    t.change = t.change.then(async () => { await ws.all(`SET threads = ${Number(await t.alone)}`); }).then(() => undefined, () => undefined);
  }
}
