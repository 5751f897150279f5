import { describe, it, expect } from 'vitest';
import { withTempWorkspace } from '../helpers/tempWorkspace';
import { execute } from '../../src/models/runModel';
import { getModel, type ModelFile } from '../../src/models/registry';
import { ModelParamsSchema } from '../../src/api/contract';
import { periodFromLabel } from '../../src/models/period';

// A model query that runs until interrupted, and one that reads DuckDB's threads setting.
const slow = (): ModelFile => ({ ...getModel('pipeline'), sql: 'SELECT count(*) AS n FROM range(100000000000) t(i) WHERE hash(i) % 7 = 3', file: 'test/slow.sql' });
const threadsNow = (): ModelFile => ({ ...getModel('pipeline'), sql: "SELECT current_setting('threads')::INTEGER AS n", file: 'test/threads.sql' });
const params = ModelParamsSchema.parse({ period: '2026-Q3' });
const period = periodFromLabel('2026-Q3');
const settled = () => new Promise((r) => setTimeout(r, 200));

describe('DuckDB threads while model runs share the machine (src/models/runThreads.ts)', () => {
  it('a run alone keeps every thread; from two at once each query gets one; afterwards every thread again', async () => {
    await withTempWorkspace(async (ws) => {
      await ws.all('SET threads = 2');
      const [{ n: alone }] = await execute(ws, threadsNow(), params, period);
      expect(alone).toBe(2);

      const first = new AbortController();
      const running = execute(ws, slow(), params, period, first.signal).catch((e: { code?: string }) => e.code);
      await settled();
      // The second run at once: queries share the cores, one thread each.
      const [{ n: shared }] = await execute(ws, threadsNow(), params, period);
      expect(shared).toBe(1);
      // The slow one alone again: back to every thread for it.
      await settled();
      expect((await ws.all<{ n: number }>("SELECT current_setting('threads')::INTEGER AS n"))[0].n).toBe(2);

      first.abort();
      expect(await running).toBe('CANCELLED');
      const [{ n: after }] = await execute(ws, threadsNow(), params, period);
      expect(after).toBe(2);
    });
  }, 30_000);
});
