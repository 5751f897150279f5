import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDemoWorkspace } from '../../src/app/demoWorkspace';
import { Workspace } from '../../src/workspace/workspace';
import { createCore, createModelCache, dispatch } from '../../src/api/core';
import { runModel, type ModelResult } from '../../src/models/runModel';
import { loadModels } from '../../src/models/registry';
import { arrowIPCToRows } from '../../src/arrow/toArrow';
import { ModelParamsSchema } from '../../src/api/contract';
import { withTempWorkspace } from '../helpers/tempWorkspace';
import { loadMentoring } from '../models/participation/fixture';

let dir: string;
let ws: Workspace;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pathways-core-'));
  const { path } = await ensureDemoWorkspace({ dir, people: 400 });
  ws = await Workspace.open(path);
}, 120_000);

afterAll(() => {
  ws?.close();
  rmSync(dir, { recursive: true, force: true });
});

const params = (p: Record<string, unknown>) => ModelParamsSchema.parse({ period: '2026-Q2', ...p });
/**
 * A result without its echo of the parameters (the cache keeps only those that matter to the
 * model), with floats rounded to 12 digits: DuckDB's parallel sums may differ in the last bit
 * from one run to the next.
 */
const strip = (r: ModelResult) => round({ ...r, params: undefined });
const round = (x: unknown): unknown => {
  if (typeof x === 'number' && !Number.isInteger(x)) return Number(x.toPrecision(12));
  if (Array.isArray(x)) return x.map(round);
  if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, round(v)]));
  return x;
};

describe('the core\'s model cache', () => {
  it('answers CANCELLED for a caller that left, and still computes the same view for the next one', async () => {
    const core = createCore(ws);
    const left = new AbortController();
    const input = { model: 'promotion_rate', params: { period: '2026-Q2', withComparisons: true } };
    const abandoned = dispatch(core, 'runModel', input, { signal: left.signal });
    left.abort();
    expect(await abandoned).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    const reply = await dispatch(core, 'runModel', input);
    expect(reply.ok).toBe(true);
    const { rows } = arrowIPCToRows((reply as { value: Uint8Array }).value);
    expect(round(rows)).toEqual(round((await runModel(ws, 'promotion_rate', params({ withComparisons: true }))).rows));
  });

  it('gives every model the same result as runModel, with comparisons put together from single periods', async () => {
    const cache = createModelCache(ws);
    for (const m of loadModels().models.values()) {
      const p = params({ dimension: 'race_ethnicity', k: 3, comparePeriod: '2025-Q4' });
      const direct = await runModel(ws, m.header.name, p);
      const cached = await cache.run(m.header.name, p);
      expect(strip(cached), m.header.name).toEqual(strip(direct));
    }
  }, 120_000);

  it('answers a repeated request from the cache, and one that differs only in a parameter the model ignores too', async () => {
    const cache = createModelCache(ws);
    const first = await cache.run('participation_rate', params({}));
    expect(await cache.run('participation_rate', params({}))).toBe(first);
    // participation_rate slices by layer itself and declares no layer or program parameter.
    expect(await cache.run('participation_rate', params({ layer: 'peer', programId: 'x' }))).toBe(first);
    expect(await cache.run('participation_rate', params({ k: 6 }))).not.toBe(first);
    const byProgram = await cache.run('participation_by_program', params({}));
    expect(await cache.run('participation_by_program', params({ layer: 'peer' }))).not.toBe(byProgram);
    // A table model has no reference group and no comparisons.
    const pipeline = await cache.run('pipeline', params({}));
    expect(await cache.run('pipeline', params({ reference: 'highest', comparePeriod: '2025-Q1' }))).toBe(pipeline);
  });

  it('shares the single-period results of a comparison with the period\'s own view', async () => {
    const cache = createModelCache(ws);
    await cache.run('promotion_rate', params({}));
    // 2026-Q2 with comparisons = 2026-Q2, 2026-Q1 and 2025-Q2 alone, plus the combined result.
    expect(cache.size).toBe(4);
    const alone = await cache.run('promotion_rate', params({ period: '2026-Q1', withComparisons: false }));
    expect(cache.size).toBe(4);
    expect(alone.period.label).toBe('2026-Q1');
  });

  it('finds the same findings as the uncached path', async () => {
    const { runRateModels } = await import('../../src/api/core');
    const { reviewFindings } = await import('../../src/findings/findings');
    const p = params({});
    const expected = reviewFindings(await runRateModels(ws, p));
    expect(await createModelCache(ws).findings(p)).toEqual(expected);
  }, 60_000);
});

describe('the core behind the contract', () => {
  it('drops cached results after any method that may change the workspace', async () => {
    await withTempWorkspace(async (w) => {
      await loadMentoring(w, ['people', 'programs', 'matches', 'sessions', 'session_attendees']);
      const core = createCore(w);
      const input = { model: 'participation_rate', params: { period: '2025-Q2', withComparisons: false } };
      const before = await dispatch(core, 'runModel', input);
      expect(before.ok).toBe(true);
      const again = await dispatch(core, 'runModel', input);
      expect(again.ok && before.ok && again.value).toBe(before.ok && before.value);

      const info = await dispatch(core, 'info', {});
      const sessions = info.ok ? (info.value as { imports: { importId: number; table: string }[] }).imports.find((i) => i.table === 'sessions') : undefined;
      expect((await dispatch(core, 'removeImport', { importId: sessions!.importId })).ok).toBe(true);
      const after = await dispatch(core, 'runModel', input);
      expect(after).toMatchObject({ ok: false, error: { code: 'NEEDS_DATA' } });
    });
  });

  it('lists each model\'s declared parameters and outcome', async () => {
    const core = createCore(ws);
    const models = await core.listModels({});
    const participation = models.find((m) => m.name === 'participation_rate')!;
    expect(participation.parameters).toEqual(['period_start', 'period_end', 'dimension', 'dimension2', 'department', 'location', 'level_min', 'level_max']);
    expect(participation.outcome).toBe('favourable');
    expect(models.find((m) => m.name === 'waitlisting')?.outcome).toBe('adverse');
    expect(models.find((m) => m.name === 'pipeline')?.outcome).toBeUndefined();
  });

  it('reads the same Arrow bytes for a cached result', async () => {
    const core = createCore(ws);
    const input = { model: 'pipeline', params: params({}) };
    const a = await core.runModel(input);
    const b = await core.runModel(input);
    expect(b).toBe(a);
    expect(arrowIPCToRows(a).rows.length).toBeGreaterThan(0);
  });
});

describe('parameter normalization', () => {
  it('writes out exactly the contract\'s defaults (it cannot import zod)', async () => {
    const { PARAM_DEFAULTS } = await import('../../src/api/normalizeParams');
    const { period: _period, ...defaults } = ModelParamsSchema.parse({ period: '2026-Q1' });
    // Parameters added to the contract later are kept as given by normalizeParams; the ones it resets must default as the contract does.
    expect(defaults).toMatchObject(PARAM_DEFAULTS);
  });
});
