import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withTempWorkspace } from '../helpers/tempWorkspace';
import { importFixture } from '../helpers/importFixture';
import { loadModels } from '../../src/models/registry';
import { pinJobEventFamilies } from '../../src/models/pinJobEventFamilies';
import { Workspace } from '../../src/workspace/workspace';
import { execute } from '../../src/models/runModel';
import { getModel } from '../../src/models/registry';
import { ModelParamsSchema } from '../../src/api/contract';
import { periodFromLabel } from '../../src/models/period';

const dir = join(__dirname, '..', 'fixtures', 'models', 'events');

/**
 * queries/_lib/events.sql on three monthly rosters (2025-01-31, 02-28, 03-31):
 *   E1  L1 -> L2 -> L2                    promotion 1->2 dated 02-28 (the first roster showing it)
 *   E2  L2 -> L2 -> gone                  exit dated 03-31 (disappearance, dated at the next roster)
 *   E3  L2 -> L2 (terminated 02-15) -> gone   exit dated 02-15, once (termination date wins over the disappearance)
 *   E4  L1 -> missing -> L2, same hire    no exit (a gap in the exports); promotion 1->2 dated 03-31
 *   E5  L3 -> gone -> L2, new hire date   exit dated 02-28; the rehire at L2 is no demotion
 *   E6  L3 -> L2 -> L2                    demotion 3->2 dated 02-28
 */
async function load(ws: Workspace, jobEvents?: string) {
  const people = { person_id: 'person', hire_date: 'hired', termination_date: 'left', level: 'level' };
  await importFixture(ws, dir, [
    ...['2025-01-31', '2025-02-28', '2025-03-31'].map((d) => ({ path: `roster_${d}.csv`, profile: { table: 'people' as const, snapshotDate: d, columns: people } })),
    ...(jobEvents ? [{ path: jobEvents, profile: { table: 'job_events' as const, columns: { person_id: 'person', effective_date: 'date', event_type: 'type', from_level: 'from', to_level: 'to' } } }] : []),
  ]);
}

/** The pseudonym the import gave a fixture id (same rule as the pseudo() macro: salted sha256). */
const pid = (ws: Workspace, id: string) => `p${createHash('sha256').update(ws.salt + id).digest('hex').slice(0, 20)}`;

/** career_events() as the macros define it, or (pinned) as the model runner builds its copy; or the copy itself. */
async function events(ws: Workspace, pinned = false, from = 'career_events()'): Promise<string[]> {
  const c = await ws.connect();
  try {
    await c.run(loadModels().lib);
    if (pinned) await pinJobEventFamilies(c);
    const rows = (await c.runAndReadAll(`
      SELECT person_id, effective_date::VARCHAR AS d, event_type, from_level, to_level, derived
      FROM ${from} ORDER BY effective_date, event_type, person_id`)).getRowObjectsJS();
    const names = new Map(['E1', 'E2', 'E3', 'E4', 'E5', 'E6'].map((id) => [pid(ws, id), id]));
    return rows.map((r) => [names.get(String(r.person_id)) ?? '?', r.d, r.event_type, r.from_level ?? '-', r.to_level ?? '-', r.derived ? 'derived' : 'job_events'].join(' '));
  } finally {
    c.closeSync();
  }
}

describe('career_events() (queries/_lib/events.sql)', () => {
  it('derives promotions, demotions and exits from consecutive rosters', async () => {
    await withTempWorkspace(async (ws) => {
      await load(ws);
      expect(await events(ws)).toEqual([
        'E3 2025-02-15 termination - - derived',   // termination date in a roster, once
        'E6 2025-02-28 demotion 3 2 derived',
        'E1 2025-02-28 promotion 1 2 derived',      // level went up between consecutive rosters
        'E5 2025-02-28 termination - - derived',    // vanished; came back only as a rehire
        'E4 2025-03-31 promotion 1 2 derived',      // change found across the gap in E4's rosters
        'E2 2025-03-31 termination - - derived',    // vanished from the next roster
      ]);
    });
  });

  it('takes level changes from job_events when they carry any, and still derives the exits they lack', async () => {
    await withTempWorkspace(async (ws) => {
      await load(ws, 'job_events_promotions.csv');
      expect(await events(ws)).toEqual([
        'E1 2025-02-10 promotion 1 2 job_events',   // the job event's own date; no derived promotion or demotion remains
        'E3 2025-02-15 termination - - derived',
        'E5 2025-02-28 termination - - derived',
        'E2 2025-03-31 termination - - derived',
      ]);
    });
  });

  it('takes exits from job_events too when they carry terminations', async () => {
    await withTempWorkspace(async (ws) => {
      await load(ws, 'job_events_full.csv');
      expect(await events(ws)).toEqual([
        'E1 2025-02-10 promotion 1 2 job_events',
        'E6 2025-03-05 lateral 2 2 job_events',
        'E2 2025-03-20 termination - - job_events',
      ]);
    });
  });

  it('gives the same events with the job_events families pinned as the runner pins them', async () => {
    for (const jobEvents of [undefined, 'job_events_promotions.csv', 'job_events_full.csv']) {
      await withTempWorkspace(async (ws) => {
        await load(ws, jobEvents);
        const asDefined = await events(ws);
        expect(asDefined.length).toBeGreaterThan(0);
        expect(await events(ws, true)).toEqual(asDefined);
      });
    }
  });

  it("the runner's copy of the career events equals the derivation and follows every write", async () => {
    await withTempWorkspace(async (ws) => {
      const career = ['exits', 'program_outcomes', 'promotion_rate', 'representation_share', 'time_to_promotion'].map((n) => getModel(n));
      const runAll = () => Promise.all(career.map((m) => execute(ws, m, ModelParamsSchema.parse({ period: '2025-Q1', k: 3 }), periodFromLabel('2025-Q1'))));
      const copy = () => events(ws, false, 'pathways_derived.career_events');
      await load(ws);
      // Five models at once share one build (two builds at once would conflict in the catalog).
      const first = await runAll();
      expect(await copy()).toEqual(await events(ws));
      expect((await copy()).length).toBe(6);
      await importFixture(ws, dir, [{ path: 'job_events_full.csv', profile: { table: 'job_events', columns: { person_id: 'person', effective_date: 'date', event_type: 'type', from_level: 'from', to_level: 'to' } } }]);
      // Not yet rebuilt: the copy is still the rosters' derivation until a model asks.
      expect((await copy()).length).toBe(6);
      const second = await runAll();
      expect(await copy()).toEqual(await events(ws));
      expect((await copy()).map((e) => e.split(' ').at(-1))).toEqual(['job_events', 'job_events', 'job_events']);
      expect(second).not.toEqual(first);
    });
  });

  it("roster breaks: the records the next roster does not continue; the runner's copy equals them and follows a write; last_records() equals ranking every roster row", async () => {
    await withTempWorkspace(async (ws, tmp) => {
      const breaks = async (from: string) => {
        const c = await ws.connect();
        try {
          await c.run(loadModels().lib);
          const rows = (await c.runAndReadAll(`SELECT person_id, snapshot_date::VARCHAR AS d, back_on::VARCHAR AS back FROM ${from} x`)).getRowObjectsJS();
          const names = new Map(['E1', 'E2', 'E3', 'E4', 'E5', 'E6'].map((id) => [pid(ws, id), id]));
          return rows.map((r) => `${names.get(String(r.person_id)) ?? '?'} ${r.d} ${r.back ?? '-'}`).sort();
        } finally { c.closeSync(); }
      };
      const ttp = getModel('time_to_promotion');
      // Each person's latest record up to the roster in force at a date, by ranking every row.
      const ranked = (d: string) => `(SELECT * FROM people WHERE snapshot_date <= roster_date(DATE '${d}')
        QUALIFY row_number() OVER (PARTITION BY person_id ORDER BY snapshot_date DESC) = 1)`;
      await load(ws);
      await execute(ws, ttp, ModelParamsSchema.parse({ period: '2025-Q1', k: 3 }), periodFromLabel('2025-Q1'));
      // E4 is missing from 02-28 and E5 gone until a rehire, both back on 03-31; E2 and E3 are
      // gone from 03-31. The last roster has no next one, so nothing in it is a break.
      const expected = ['E2 2025-02-28 -', 'E3 2025-02-28 -', 'E4 2025-01-31 2025-03-31', 'E5 2025-01-31 2025-03-31'];
      expect(await breaks('roster_breaks()')).toEqual(expected);
      expect(await breaks('pathways_derived.roster_breaks')).toEqual(expected);
      const lastAt = (d: string) => breaks(`(SELECT *, NULL AS back_on FROM last_records(DATE '${d}'))`);
      const rankedAt = (d: string) => breaks(`(SELECT *, NULL AS back_on FROM ${ranked(d)})`);
      expect(await lastAt('2025-02-28')).toEqual(['E1 2025-02-28 -', 'E2 2025-02-28 -', 'E3 2025-02-28 -', 'E4 2025-01-31 -', 'E5 2025-01-31 -', 'E6 2025-02-28 -']);
      expect(await lastAt('2025-03-31')).toEqual(['E1 2025-03-31 -', 'E2 2025-02-28 -', 'E3 2025-02-28 -', 'E4 2025-03-31 -', 'E5 2025-03-31 -', 'E6 2025-03-31 -']);
      // Before the first roster, the first roster stands in; 'infinity' is the last one.
      expect(await lastAt('2025-01-15')).toEqual(['E1', 'E2', 'E3', 'E4', 'E5', 'E6'].map((e) => `${e} 2025-01-31 -`));
      expect(await lastAt('infinity')).toEqual(await lastAt('2025-03-31'));
      for (const d of ['2025-01-15', '2025-02-28', '2025-03-15', '2025-03-31', 'infinity']) expect(await lastAt(d)).toEqual(await rankedAt(d));
      // A fourth roster with E1 alone: E4, E5 and E6 break at 03-31.
      writeFileSync(join(tmp, 'roster_2025-04-30.csv'), 'person,hired,left,level\nE1,2020-01-01,,L2\n');
      await importFixture(ws, tmp, [{ path: 'roster_2025-04-30.csv', profile: { table: 'people', snapshotDate: '2025-04-30', columns: { person_id: 'person', hire_date: 'hired', termination_date: 'left', level: 'level' } } }]);
      await execute(ws, ttp, ModelParamsSchema.parse({ period: '2025-Q2', k: 3 }), periodFromLabel('2025-Q2'));
      const after = [...expected, 'E4 2025-03-31 -', 'E5 2025-03-31 -', 'E6 2025-03-31 -'].sort();
      expect(await breaks('roster_breaks()')).toEqual(after);
      expect(await breaks('pathways_derived.roster_breaks')).toEqual(after);
      expect(await lastAt('2025-04-30')).toEqual(['E1 2025-04-30 -', 'E2 2025-02-28 -', 'E3 2025-02-28 -', 'E4 2025-03-31 -', 'E5 2025-03-31 -', 'E6 2025-03-31 -']);
      for (const d of ['2025-02-28', '2025-03-31', '2025-04-30']) expect(await lastAt(d)).toEqual(await rankedAt(d));
    });
  });

  it('a pooled connection re-pins the families after job_events change, matching a fresh open', async () => {
    await withTempWorkspace(async (ws, tmp) => {
      const model = getModel('time_to_promotion');
      const run = (w: Workspace) => execute(w, model, ModelParamsSchema.parse({ period: '2025-Q1', k: 3 }), periodFromLabel('2025-Q1'));
      await load(ws);
      const derived = await run(ws);
      // Pinned to "job_events carry nothing" on the connection the next run reuses.
      await importFixture(ws, dir, [{ path: 'job_events_promotions.csv', profile: { table: 'job_events', columns: { person_id: 'person', effective_date: 'date', event_type: 'type', from_level: 'from', to_level: 'to' } } }]);
      const pooled = await run(ws);
      ws.close();
      const fresh = await Workspace.open(join(tmp, 'workspace.duckdb'));
      try {
        // E1's promotion is the job event's 02-10 now, not the roster's 02-28: the spell is shorter.
        expect(pooled).not.toEqual(derived);
        expect(pooled).toEqual(await run(fresh));
      } finally { fresh.close(); }
    });
  });
});
