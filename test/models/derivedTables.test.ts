import { describe, it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withTempWorkspace } from '../helpers/tempWorkspace';
import { importFixture } from '../helpers/importFixture';
import { loadParticipation } from './participationFixture';
import { loadModels } from '../../src/models/registry';
import { execute, sqlParams } from '../../src/models/runModel';
import { derivedReadBy } from '../../src/models/derivedTables';
import { paramsUsedBy } from '../../src/workspace/bindUsed';
import { ModelParamsSchema } from '../../src/api/contract';
import { periodFromLabel } from '../../src/models/period';
import type { Workspace } from '../../src/workspace/workspace';

const period = periodFromLabel('2025-Q2');
const params = ModelParamsSchema.parse({ period: '2025-Q2', k: 3 });
const conversationModels = [...loadModels().models.values()].filter((m) => derivedReadBy(m.sql).includes('conversation_rows'));

/** Rows of a query on a connection of its own with the shared macros as defined: no derived copy. */
async function asDefined(ws: Workspace, sql: string, bound: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
  const c = await ws.connect();
  try {
    await c.run(loadModels().lib);
    return (await c.runAndReadAll(sql, bound as never)).getRowObjectsJS() as Record<string, unknown>[];
  } finally {
    c.closeSync();
  }
}

const pairs = (rows: Record<string, unknown>[]) =>
  rows.map((r) => `${r.person_id} ${r.session_id} ${String(r.date)} ${r.layer} ${r.program_id} ${r.match_id} ${r.duration_minutes} ${r.listed}`).sort();

const allPairs = "SELECT * FROM conversation_rows_from_sources(DATE '-infinity', DATE 'infinity')";

describe('conversation pairs derived once per data version (src/models/derivedTables.ts)', () => {
  it('every model that reads them answers as with the macros themselves, before and after a write', async () => {
    await withTempWorkspace(async (ws, tmp) => {
      expect(conversationModels.map((m) => m.header.name).sort()).toEqual(['active_participation', 'feedback_quality', 'mentor_load', 'participation_by_program', 'participation_rate', 'program_outcomes', 'representation_share']);
      await loadParticipation(ws);
      const runAll = () => Promise.all(conversationModels.map((m) => execute(ws, m, params, period)));
      const byMacros = () => Promise.all(conversationModels.map((m) => asDefined(ws, m.sql, paramsUsedBy(m.sql, sqlParams(params, period)))));
      const copy = async () => pairs(await asDefined(ws, 'SELECT * FROM pathways_derived.conversation_rows'));
      const men = (rows: Record<string, unknown>[]) => Number(rows.find((r) => r.slice === 'all' && r.grp === 'Man')?.numerator);

      // Seven models at once share one build.
      const first = await runAll();
      expect(first).toEqual(await byMacros());
      expect(await copy()).toEqual(pairs(await asDefined(ws, allPairs)));
      // S1, S2 (both sides of match X1), S3 (host + 4), S4 (host + 1), S5 (host + 1), S6 (host + 1).
      expect((await copy()).length).toBe(2 + 2 + 5 + 2 + 2 + 2);
      // Listed: the attendee lists of S3 (4), S4, S5 and S6 (1 each); hosts and match sides are not.
      expect((await copy()).filter((p) => p.endsWith(' true')).length).toBe(4 + 1 + 1 + 1);
      expect(men(first[conversationModels.findIndex((m) => m.header.name === 'participation_rate')])).toBe(3);

      // S6 re-exported as held on 06-15: its host M5 and attendee M6 now took part in Q2.
      writeFileSync(join(tmp, 'sessions_v2.csv'), 'session,date,layer,program,match,host,minutes\nS6,2025-06-15,peer,P2,,M5,60\n');
      await importFixture(ws, tmp, [{ path: 'sessions_v2.csv', profile: { table: 'sessions', columns: { session_id: 'session', date: 'date', layer: 'layer', program_id: 'program', match_id: 'match', host_id: 'host', duration_minutes: 'minutes' } } }]);
      const second = await runAll();
      expect(second).toEqual(await byMacros());
      expect(second).not.toEqual(first);
      expect(men(second[conversationModels.findIndex((m) => m.header.name === 'participation_rate')])).toBe(5);
      expect(await copy()).toEqual(pairs(await asDefined(ws, allPairs)));
    });
  });
});

describe('roster snapshot dates derived once per data version', () => {
  it('a new snapshot changes the roster in force for the models at once, as with the macros themselves', async () => {
    await withTempWorkspace(async (ws, tmp) => {
      await loadParticipation(ws);
      const model = loadModels().models.get('participation_rate')!;
      expect(derivedReadBy(model.sql)).toContain('roster_dates');
      const q1 = periodFromLabel('2025-Q1');
      const q1Params = ModelParamsSchema.parse({ period: '2025-Q1', k: 3 });
      const headcount = (rows: Record<string, unknown>[]) => rows.filter((r) => r.slice === 'all').reduce((a, r) => a + Number(r.denominator), 0);
      const byMacros = () => asDefined(ws, model.sql, paramsUsedBy(model.sql, sqlParams(q1Params, q1)));
      const dates = async () => (await asDefined(ws, 'SELECT snapshot_date::VARCHAR AS d FROM pathways_derived.roster_dates ORDER BY 1')).map((r) => r.d);

      // Before any roster of Q1, its headcount comes from the earliest one (2025-06-30).
      const before = await execute(ws, model, q1Params, q1);
      expect(before).toEqual(await byMacros());
      expect(await dates()).toEqual(['2025-06-30']);

      // A roster of 2025-03-31 with six people becomes the one in force at Q1's end.
      writeFileSync(join(tmp, 'roster_q1.csv'), 'id,snapshot,level,gender,hire\n' + ['W1', 'W2', 'W3', 'M1', 'M2', 'M3'].map((id) => `${id},2025-03-31,1,${id[0] === 'W' ? 'Woman' : 'Man'},2020-01-01`).join('\n') + '\n');
      await importFixture(ws, tmp, [{ path: 'roster_q1.csv', profile: { table: 'people', columns: { person_id: 'id', snapshot_date: 'snapshot', level: 'level', gender: 'gender', hire_date: 'hire' } } }]);
      const after = await execute(ws, model, q1Params, q1);
      expect(after).toEqual(await byMacros());
      expect(headcount(after)).toBe(6);
      expect(headcount(before)).not.toBe(6);
      expect(await dates()).toEqual(['2025-03-31', '2025-06-30']);
    });
  });
});
