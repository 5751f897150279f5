import { describe, it, expect } from 'vitest';
import { withTempWorkspace } from '../helpers/tempWorkspace';
import { execute } from '../../src/models/runModel';
import { getModel, type ModelFile } from '../../src/models/registry';
import { ModelParamsSchema } from '../../src/api/contract';
import { periodFromLabel } from '../../src/models/period';
import { RUN_SLOTS } from '../../src/models/runSlots';

// A model whose query would run for minutes: only an interrupt of DuckDB ends it in time.
const slow = (): ModelFile => ({ ...getModel('pipeline'), sql: 'SELECT count(*) AS n FROM range(100000000000) t(i) WHERE hash(i) % 7 = 3', file: 'test/slow.sql' });
const params = ModelParamsSchema.parse({ period: '2026-Q3' });
const period = periodFromLabel('2026-Q3');

describe('cancelling a model run', () => {
  it('interrupts the query in DuckDB, answers CANCELLED, and leaves the workspace working', async () => {
    await withTempWorkspace(async (ws) => {
      const controller = new AbortController();
      const started = performance.now();
      const run = execute(ws, slow(), params, period, controller.signal);
      setTimeout(() => controller.abort(), 300);
      await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
      // Far sooner than the query itself could finish.
      expect(performance.now() - started).toBeLessThan(15_000);
      const rows = await execute(ws, { ...slow(), sql: 'SELECT 41 + 1 AS n' }, params, period);
      expect(rows).toEqual([{ n: 42 }]);
      expect(await ws.all('SELECT count(*)::INTEGER AS n FROM people')).toEqual([{ n: 0 }]);
    });
  }, 30_000);

  it('does not start a run whose caller already left', async () => {
    await withTempWorkspace(async (ws) => {
      const controller = new AbortController();
      controller.abort();
      await expect(execute(ws, { ...slow(), sql: 'SELECT 1 AS n' }, params, period, controller.signal)).rejects.toMatchObject({ code: 'CANCELLED' });
    });
  });

  it('queues runs beyond the run slots in order; one whose caller leaves while it waits answers CANCELLED at once and gives up its turn', async () => {
    await withTempWorkspace(async (ws) => {
      const busy = Array.from({ length: RUN_SLOTS }, () => new AbortController());
      const running = busy.map((c) => execute(ws, slow(), params, period, c.signal).catch((e: { code?: string }) => e.code));
      const leaving = new AbortController();
      const left = execute(ws, { ...slow(), sql: 'SELECT 1 AS n' }, params, period, leaving.signal).catch((e: { code?: string }) => e.code);
      let settled = false;
      const queued = execute(ws, { ...slow(), sql: 'SELECT 2 AS n' }, params, period).then((rows) => { settled = true; return rows; });
      await new Promise((r) => setTimeout(r, 500));
      // Every slot holds a slow query: the quick ones wait their turn.
      expect(settled).toBe(false);
      leaving.abort();
      expect(await left).toBe('CANCELLED');
      expect(settled).toBe(false);
      // One slot frees: the next in line (not the one that left) takes it.
      busy[0].abort();
      expect(await queued).toEqual([{ n: 2 }]);
      for (const c of busy) c.abort();
      expect(await Promise.all(running)).toEqual(busy.map(() => 'CANCELLED'));
      // Every slot came back.
      const again = await Promise.all(Array.from({ length: RUN_SLOTS + 1 }, (_, i) => execute(ws, { ...slow(), sql: `SELECT ${i} AS n` }, params, period)));
      expect(again.map((r) => r[0].n)).toEqual(Array.from({ length: RUN_SLOTS + 1 }, (_, i) => i));
    });
  }, 60_000);
});
