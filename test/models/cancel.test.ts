import { describe, it, expect } from 'vitest';
import { withTempWorkspace } from '../helpers/tempWorkspace';
import { execute } from '../../src/models/runModel';
import { getModel, type ModelFile } from '../../src/models/registry';
import { ModelParamsSchema } from '../../src/api/contract';
import { periodFromLabel } from '../../src/models/period';

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
});
