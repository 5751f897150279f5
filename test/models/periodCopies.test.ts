import { describe, it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withTempWorkspace } from '../helpers/tempWorkspace';
import { importFixture } from '../helpers/importFixture';
import { loadParticipation } from './participationFixture';
import { loadModels } from '../../src/models/registry';
import { execute, sqlParams } from '../../src/models/runModel';
import { periodCopy, readPeriodCopy, MAX_PERIOD_COPIES } from '../../src/models/periodCopies';
import { paramsUsedBy } from '../../src/workspace/bindUsed';
import { ModelParamsSchema } from '../../src/api/contract';
import { periodFromLabel, shiftPeriod } from '../../src/models/period';
import type { Workspace } from '../../src/workspace/workspace';

const q2 = periodFromLabel('2025-Q2');

/** Rows of a query on a connection of its own with the shared macros as defined: no copy. */
async function asDefined(ws: Workspace, sql: string, bound: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
  const c = await ws.connect();
  try {
    await c.run(loadModels().lib);
    return (await c.runAndReadAll(sql, bound as never)).getRowObjectsJS() as Record<string, unknown>[];
  } finally {
    c.closeSync();
  }
}

const byPerson = (rows: Record<string, unknown>[]) => rows.map((r) => JSON.stringify(r, (_, v) => (typeof v === 'bigint' ? Number(v) : v))).sort();
const fromSources = (p: { start: string; end: string }) => `SELECT * FROM period_people_from_sources(DATE '${p.start}', DATE '${p.end}')`;

describe("the period's people, copied once per period and data version (src/models/periodCopies.ts)", () => {
  it('hold what the macro computes from the sources, follow a write, and drop the old copies', async () => {
    await withTempWorkspace(async (ws, tmp) => {
      await loadParticipation(ws);
      const table = await periodCopy(ws, q2);
      expect(table).toBe('period_people_20250401_20250701');
      const copy = () => asDefined(ws, `SELECT * FROM pathways_derived.${table}`);
      const sources = await asDefined(ws, fromSources(q2));
      // The 06-30 headcount of the fixture (participationFixture.ts), each person once.
      expect((await copy()).length).toBe(sources.length);
      expect(new Set(sources.map((r) => r.person_id)).size).toBe(sources.length);
      expect(byPerson(await copy())).toEqual(byPerson(sources));
      // Men's conversations in Q2 (participation_rate.test.ts: three of them took part).
      expect(sources.filter((r) => r.gender === 'Man' && Number(r.n_formal) + Number(r.n_peer) + Number(r.n_informal) > 0).length).toBe(3);
      // Asked again, the same copy, not a second build.
      expect(await periodCopy(ws, q2)).toBe(table);

      // S6 re-exported as held on 06-15: its host M5 and attendee M6 now took part in Q2.
      writeFileSync(join(tmp, 'sessions_v2.csv'), 'session,date,layer,program,match,host,minutes\nS6,2025-06-15,peer,P2,,M5,60\n');
      const q1 = periodFromLabel('2025-Q1');
      const q1Table = await periodCopy(ws, q1);
      await importFixture(ws, tmp, [{ path: 'sessions_v2.csv', profile: { table: 'sessions', columns: { session_id: 'session', date: 'date', layer: 'layer', program_id: 'program', match_id: 'match', host_id: 'host', duration_minutes: 'minutes' } } }]);
      expect(await periodCopy(ws, q2)).toBe(table);
      const after = await asDefined(ws, fromSources(q2));
      expect(byPerson(await copy())).toEqual(byPerson(after));
      expect(after.filter((r) => r.gender === 'Man' && Number(r.n_formal) + Number(r.n_peer) + Number(r.n_informal) > 0).length).toBe(5);
      // Q1's copy belonged to the old data and is gone.
      const tables = await asDefined(ws, "SELECT table_name FROM duckdb_tables() WHERE database_name = 'pathways_derived' AND table_name LIKE 'period_people_%'");
      expect(tables.map((r) => r.table_name)).toEqual([table]);
      expect(q1Table).toBe('period_people_20250101_20250401');
    });
  });

  it('refuses to answer for another period than its own', async () => {
    await withTempWorkspace(async (ws) => {
      await loadParticipation(ws);
      const table = await periodCopy(ws, q2);
      await ws.lease(async (c) => {
        await c.run(loadModels().lib);
        await readPeriodCopy(c, table, q2);
        expect(Number((await c.runAndReadAll("SELECT count(*) AS n FROM period_people(DATE '2025-04-01', DATE '2025-07-01')")).getRowObjectsJS()[0].n)).toBeGreaterThan(0);
        await expect(c.runAndReadAll("SELECT count(*) FROM period_people(DATE '2025-01-01', DATE '2025-04-01')")).rejects.toThrow(/asked for another period/);
      });
    });
  });

  it(`beyond ${MAX_PERIOD_COPIES} periods, the models read the sources and answer the same`, async () => {
    await withTempWorkspace(async (ws) => {
      await loadParticipation(ws);
      const model = loadModels().models.get('participation_rate')!;
      const labels = Array.from({ length: MAX_PERIOD_COPIES }, (_, i) => shiftPeriod('2025-Q2', -i - 1));
      for (const label of labels) expect(await periodCopy(ws, periodFromLabel(label))).not.toBeNull();
      expect(await periodCopy(ws, q2)).toBeNull();
      const params = ModelParamsSchema.parse({ period: '2025-Q2', k: 3, dimension: 'gender' });
      const rows = await execute(ws, model, params, q2);
      expect(rows).toEqual(await asDefined(ws, model.sql, paramsUsedBy(model.sql, sqlParams(params, q2))));
      expect(Number(rows.find((r) => r.slice === 'all' && r.grp === 'Man')?.numerator)).toBe(3);
    });
  });
});
