import { describe, it, expect } from 'vitest';
import { ResultCache } from '../../src/cache/resultCache';

/** A run that settles only when told, and shows whether its own signal was aborted. */
function pending() {
  let resolve!: (v: string) => void;
  let reject!: (e: unknown) => void;
  let signal!: AbortSignal;
  let runs = 0;
  const compute = (s: AbortSignal) => {
    runs += 1;
    signal = s;
    s.addEventListener('abort', () => reject(new Error('interrupted')), { once: true });
    return new Promise<string>((ok, fail) => { resolve = ok; reject = fail; });
  };
  return { compute, resolve: (v: string) => resolve(v), get signal() { return signal; }, get runs() { return runs; } };
}

describe('ResultCache: abandoned runs', () => {
  it('shares one run between callers and stops it only when every caller has gone', async () => {
    const cache = new ResultCache<string>(10);
    const run = pending();
    const a = new AbortController();
    const b = new AbortController();
    const pa = cache.get('k', run.compute, a.signal);
    const pb = cache.get('k', run.compute, b.signal);
    expect(run.runs).toBe(1);
    a.abort();
    await expect(pa).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(run.signal.aborted).toBe(false);
    b.abort();
    await expect(pb).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(run.signal.aborted).toBe(true);
    // The abandoned run is not kept: the next ask computes afresh.
    const again = pending();
    const pc = cache.get('k', again.compute);
    expect(again.runs).toBe(1);
    again.resolve('fresh');
    expect(await pc).toBe('fresh');
  });

  it('keeps a run alive for a caller that cannot abandon it, and caches what it answers', async () => {
    const cache = new ResultCache<string>(10);
    const run = pending();
    const a = new AbortController();
    const pa = cache.get('k', run.compute, a.signal);
    const pKeep = cache.get('k', run.compute);
    a.abort();
    await expect(pa).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(run.signal.aborted).toBe(false);
    run.resolve('done');
    expect(await pKeep).toBe('done');
    const other = pending();
    expect(await cache.get('k', other.compute, new AbortController().signal)).toBe('done');
    expect(other.runs).toBe(0);
  });

  it('does not stop a finished run when its caller leaves afterwards', async () => {
    const cache = new ResultCache<string>(10);
    const run = pending();
    const a = new AbortController();
    const pa = cache.get('k', run.compute, a.signal);
    run.resolve('v');
    expect(await pa).toBe('v');
    a.abort();
    expect(run.signal.aborted).toBe(false);
    expect(cache.size).toBe(1);
  });

  it('refuses at once a caller whose signal already aborted, without computing', async () => {
    const cache = new ResultCache<string>(10);
    const run = pending();
    const a = new AbortController();
    a.abort();
    await expect(cache.get('k', run.compute, a.signal)).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(run.runs).toBe(0);
  });
});
