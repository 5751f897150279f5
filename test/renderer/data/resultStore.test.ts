import { describe, it, expect } from 'vitest';
import { ResultStore } from '../../../renderer/src/data/resultStore';
import { RequestLimiter } from '../../../renderer/src/data/requestLimiter';
import { isCancelled } from '../../../renderer/src/api/cancelled';
import type { Call } from '../../../renderer/src/api/client';
import type { ModelRequest } from '../../../renderer/src/data/modelRequest';

/** A core that answers runModel with the model's name as bytes once `release` is called, and records what it was asked. */
function slowCore() {
  const asked: { model: string; signal?: AbortSignal }[] = [];
  const waiting: (() => void)[] = [];
  const call = (async (_method: string, input: { model: string }, options?: { signal?: AbortSignal }) => {
    asked.push({ model: input.model, signal: options?.signal });
    await new Promise<void>((resolve) => waiting.push(resolve));
    return new TextEncoder().encode(input.model);
  }) as unknown as Call;
  return { call, asked, release: () => waiting.splice(0).forEach((r) => r()) };
}

const req = (model: string): ModelRequest => ({ model, params: { period: '2026-Q1' }, key: `${model}|2026-Q1` });
const read = (bytes: Uint8Array) => ({ text: new TextDecoder().decode(bytes) });
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the renderer\'s result store', () => {
  it('asks the core once for a key however many charts want it, and hands all of them the same object', async () => {
    const core = slowCore();
    const store = new ResultStore(core.call);
    const a = store.load(req('m'), read, new AbortController().signal);
    const b = store.load(req('m'), read, new AbortController().signal);
    await tick();
    core.release();
    const [ra, rb] = await Promise.all([a, b]);
    expect(core.asked.map((x) => x.model)).toEqual(['m']);
    expect(ra).toBe(rb);
    expect(store.peek(req('m').key)).toBe(ra);
    expect(await store.load(req('m'), read, new AbortController().signal)).toBe(ra);
    expect(core.asked).toHaveLength(1);
  });

  it('aborts the core\'s request only when every chart that wanted it has given up', async () => {
    const core = slowCore();
    const store = new ResultStore(core.call);
    const one = new AbortController();
    const two = new AbortController();
    const a = store.load(req('m'), read, one.signal);
    const b = store.load(req('m'), read, two.signal);
    await tick();
    one.abort();
    await expect(a).rejects.toSatisfy(isCancelled);
    expect(core.asked[0].signal?.aborted).toBe(false);
    two.abort();
    await expect(b).rejects.toSatisfy(isCancelled);
    expect(core.asked[0].signal?.aborted).toBe(true);
    expect(store.peek(req('m').key)).toBeUndefined();
  });

  it('forgets everything on clear, and does not keep an answer that was in flight when the workspace changed', async () => {
    const core = slowCore();
    const store = new ResultStore(core.call);
    const a = store.load(req('m'), read, new AbortController().signal);
    await tick();
    store.clear();
    core.release();
    await a;
    expect(store.peek(req('m').key)).toBeUndefined();
  });
});

describe('the request limiter', () => {
  it('runs at most `limit` tasks at once and drops waiting tasks whose signal aborts, without starting them', async () => {
    const limiter = new RequestLimiter(2);
    const started: string[] = [];
    const gates = new Map<string, () => void>();
    const task = (name: string) => () => { started.push(name); return new Promise<string>((r) => gates.set(name, () => r(name))); };
    const never = new AbortController().signal;
    const dropped = new AbortController();
    const p1 = limiter.run(task('1'), never);
    const p2 = limiter.run(task('2'), never);
    const p3 = limiter.run(task('3'), dropped.signal);
    const p4 = limiter.run(task('4'), never);
    expect(started).toEqual(['1', '2']);
    expect(limiter.pending).toBe(4);
    dropped.abort();
    await expect(p3).rejects.toSatisfy(isCancelled);
    gates.get('1')!();
    await p1;
    await tick();
    expect(started).toEqual(['1', '2', '4']);
    gates.get('2')!();
    gates.get('4')!();
    expect(await Promise.all([p2, p4])).toEqual(['2', '4']);
    expect(limiter.pending).toBe(0);
  });
});
