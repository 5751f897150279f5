import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withTempWorkspace, tempDir } from '../helpers/tempWorkspace';
import { importFixture } from '../helpers/importFixture';
import { loadModels, getModel } from '../../src/models/registry';
import { execute } from '../../src/models/runModel';
import { ModelParamsSchema } from '../../src/api/contract';
import { periodFromLabel } from '../../src/models/period';
import type { Workspace } from '../../src/workspace/workspace';

/**
 * Exits derived from the rosters (no job_events) belong to an employment (person + hire date),
 * not to the person: DATA.md, "person disappeared or got a termination_date = exit". Six
 * rosters, every record at level 1, every person a woman (- = not in that roster; "term" =
 * the termination date the record carries; N is there so that the last two files differ: the
 * import skips a file it has seen):
 *
 *   id  2024-03-31               2024-09-30               2024-12-31               2025-03-31               2025-06-30  2025-09-30
 *   R   hired 2015, term 03-15   rehired 2024-09-01       hired 2024-09-01         hired 2024-09-01         -           -
 *   S   hired 2015               hired 2015               hired 2015               hired 2015               -           -
 *   K   hired 2015               hired 2015               hired 2015               hired 2015               hired 2015  hired 2015
 *   T   hired 2016               hired 2016               hired 2016, term 12-20   hired 2016, term 12-20   -           -
 *   V   hired 2017               hired 2017               hired 2017               hired 2017, term 02-10   -           -
 *   B   hired 2018               hire blank, term 09-15   hired 2018, term 09-15   -                        -           -
 *   N   -                        -                        -                        -                        -           hired 2025-08-01
 *
 * Exits, hand-derived:
 *   R  2024-03-15 (the first employment's termination date) and 2025-06-30 (the rehire vanishes
 *      from that roster with no termination date of its own): two employments, two exits.
 *   S  2025-06-30 (vanished).   K, N  none.
 *   T  2024-12-20 once, though two snapshots show it, and not again when T vanishes.
 *   V  2025-02-10 once: terminated, then vanished, is one exit.
 *   B  2024-09-15 once: the two records showing it disagree on the hire date (one export left it
 *      blank), and one person leaves on one day once.
 */
async function load(ws: Workspace): Promise<void> {
  const rosters: Record<string, string[]> = {
    '2024-03-31': ['R,2015-01-01,2024-03-15', 'S,2015-01-01,', 'K,2015-01-01,', 'T,2016-01-01,', 'V,2017-01-01,', 'B,2018-01-01,'],
    '2024-09-30': ['R,2024-09-01,', 'S,2015-01-01,', 'K,2015-01-01,', 'T,2016-01-01,', 'V,2017-01-01,', 'B,,2024-09-15'],
    '2024-12-31': ['R,2024-09-01,', 'S,2015-01-01,', 'K,2015-01-01,', 'T,2016-01-01,2024-12-20', 'V,2017-01-01,', 'B,2018-01-01,2024-09-15'],
    '2025-03-31': ['R,2024-09-01,', 'S,2015-01-01,', 'K,2015-01-01,', 'T,2016-01-01,2024-12-20', 'V,2017-01-01,2025-02-10'],
    '2025-06-30': ['K,2015-01-01,'],
    '2025-09-30': ['K,2015-01-01,', 'N,2025-08-01,'],
  };
  // Every record at level 1.
  await importRosters(ws, Object.fromEntries(Object.entries(rosters).map(([d, lines]) => [d, lines.map((l) => `${l},1`)])));
}

/** Imports rosters whose lines read "id,hire date,termination date,level" (every person a woman), and a job_events file if given ("id,date,type,from,to"). */
async function importRosters(ws: Workspace, rosters: Record<string, string[]>, jobEvents?: string[]): Promise<void> {
  const { dir, cleanup } = tempDir();
  try {
    for (const [d, lines] of Object.entries(rosters)) {
      writeFileSync(join(dir, `r_${d}.csv`), ['id,gender,hired,left,level', ...lines.map((l) => {
        const [id, ...rest] = l.split(',');
        return `${id},Woman,${rest.join(',')}`;
      })].join('\n') + '\n');
    }
    if (jobEvents) writeFileSync(join(dir, 'job_events.csv'), ['id,date,type,from,to', ...jobEvents].join('\n') + '\n');
    await importFixture(ws, dir, [
      ...Object.keys(rosters).map((d) => ({
        path: `r_${d}.csv`,
        profile: { table: 'people' as const, snapshotDate: d, columns: { person_id: 'id', gender: 'gender', hire_date: 'hired', termination_date: 'left', level: 'level' } },
      })),
      ...(jobEvents ? [{ path: 'job_events.csv', profile: { table: 'job_events' as const, columns: { person_id: 'id', effective_date: 'date', event_type: 'type', from_level: 'from', to_level: 'to' } } }] : []),
    ]);
  } finally {
    cleanup();
  }
}

const IDS = ['R', 'S', 'K', 'T', 'V', 'B', 'N'];
/** The pseudonym the import gave a fixture id (the pseudo() macro: salted sha256). */
const pid = (ws: Workspace, id: string) => `p${createHash('sha256').update(ws.salt + id).digest('hex').slice(0, 20)}`;

/** career_events() as the macros define it, or the copy the model runner builds. */
async function events(ws: Workspace, from = 'career_events()', ids = IDS): Promise<string[]> {
  const c = await ws.connect();
  try {
    await c.run(loadModels().lib);
    const rows = (await c.runAndReadAll(`SELECT person_id, effective_date::VARCHAR AS d, event_type FROM ${from}`)).getRowObjectsJS();
    const names = new Map(ids.map((id) => [pid(ws, id), id]));
    return rows.map((r) => `${names.get(String(r.person_id)) ?? '?'} ${r.d} ${r.event_type}`).sort();
  } finally {
    c.closeSync();
  }
}

const raw = (ws: Workspace, model: string, period: string, extra: Record<string, unknown> = {}) =>
  execute(ws, getModel(model), ModelParamsSchema.parse({ period, k: 3, withComparisons: false, ...extra }), periodFromLabel(period));

/** time_to_promotion's rows as [t, events, censored] where a spell ends, and [t, entered] where spells join the risk set. */
const spells = (rows: Record<string, unknown>[]) => ({
  ended: rows.filter((r) => Number(r.events) + Number(r.censored) > 0).map((r) => [Number(r.t), Number(r.events), Number(r.censored)]),
  entered: rows.filter((r) => Number(r.entered) > 0).map((r) => [Number(r.t), Number(r.entered)]),
});

describe('exits derived from the rosters, per employment (queries/_lib/events.sql)', () => {
  it("gives a rehire's later exit, and each employment's exit once", async () => {
    await withTempWorkspace(async (ws) => {
      await load(ws);
      const expected = [
        'B 2024-09-15 termination',
        'R 2024-03-15 termination',
        'R 2025-06-30 termination',
        'S 2025-06-30 termination',
        'T 2024-12-20 termination',
        'V 2025-02-10 termination',
      ];
      expect(await events(ws)).toEqual(expected);
      // The runner's copy is the same derivation.
      await raw(ws, 'exits', '2025-Q2');
      expect(await events(ws, 'pathways_derived.career_events')).toEqual(expected);
    });
  });

  it('counts the rehire among the leavers of the period', async () => {
    await withTempWorkspace(async (ws) => {
      await load(ws);
      // 2025-Q2: the headcount on 2025-04-01 (the 2025-03-31 roster, hired by then, not terminated
      // before) is R, S and K; T and V are terminated before it. R and S leave in the quarter
      // (both vanish from the 2025-06-30 roster): 2 of 3. Before, R's exit was lost: 1 of 3.
      expect(await raw(ws, 'exits', '2025-Q2')).toEqual([
        { slice: 'all', grp: 'Woman', numerator: 2n, denominator: 3n },
        { slice: 'level 1', grp: 'Woman', numerator: 2n, denominator: 3n },
      ]);
      // Leavers in representation_share: the same two, of the same start headcount of 3.
      const leavers = (await raw(ws, 'representation_share', '2025-Q2')).filter((r) => r.slice_type === 'leavers');
      expect(leavers).toMatchObject([{ grp: 'Woman', count: 2n, slice_total: 2n, group_total: 3n, reference_total: 3n }]);
    });
  });

  it("censors the rehire's spell at their second exit, not at the data's end", async () => {
    await withTempWorkspace(async (ws) => {
      await load(ws);
      // 2025-Q3: window [2023-10-01, 2025-10-01), data end 2025-09-30 (last roster). Nobody is
      // promoted; each spell starts at the hire date of the person's last record and is censored
      // at the first exit on or after it, or at the data's end:
      //   R     2024-09-01 .. 2025-06-30 = 302 (before, no exit after the rehire: .. 2025-09-30 = 394)
      //   B     2018-01-01 .. 2024-09-15 = 2449    V  2017-01-01 .. 2025-02-10 = 2962
      //   T     2016-01-01 .. 2024-12-20 = 3276    S  2015-01-01 .. 2025-06-30 = 3833
      //   K     2015-01-01 .. 2025-09-30 = 3925    N  2025-08-01 .. 2025-09-30 = 60
      // Each joins the risk set at the days in level it had on 2023-10-01: B 2099, V 2464, T 2830,
      // S and K 3195; R and N 0 (their spells begin later).
      expect(spells(await raw(ws, 'time_to_promotion', '2025-Q3'))).toEqual({
        ended: [[60, 0, 1], [302, 0, 1], [2449, 0, 1], [2962, 0, 1], [3276, 0, 1], [3833, 0, 1], [3925, 0, 1]],
        entered: [[0, 2], [2099, 1], [2464, 1], [2830, 1], [3195, 2]],
      });
    });
  });
});

/**
 * Rehires under the original hire date (some HR systems keep it). Five rosters, every person a
 * woman, hired 2015 unless said (level in brackets; - = not in that roster):
 *
 *   id  2024-03-31          2024-09-30     2024-12-31          2025-03-31                 2025-06-30
 *   Q   [1] term 03-15      [2]            [2]                 [2] term 02-20             -
 *   W   [1] term 03-15      -              [1]                 [1]                        -
 *   C   [1] hired 2016      [1] 2016       [1] 2016, term 12-20 [1] 2016, term 12-22      -
 *   K   [1]                 [1]            [2]                 [2]                        [2]
 *
 * Career events, hand-derived:
 *   Q  left 2024-03-15, back on the 2024-09-30 roster (a record with no termination date after
 *      one whose termination had passed), left again 2025-02-20: two exits and a rehire; the
 *      move from level 1 to 2 across the gap is no promotion.
 *   W  left 2024-03-15, back on the 2024-12-31 roster, vanished from the 2025-06-30 one with no
 *      termination date of this employment: exits 2024-03-15 and 2025-06-30, rehire 2024-12-31.
 *   C  one exit, 2024-12-20: the later date corrects the first, the record is no return.
 *   K  promoted, dated at the 2024-12-31 roster. Nobody else has an event.
 */
async function loadSameHireDate(ws: Workspace, jobEvents?: string[]): Promise<void> {
  const rosters: Record<string, string[]> = {
    '2024-03-31': ['Q,2015-01-01,2024-03-15,1', 'W,2015-01-01,2024-03-15,1', 'C,2016-01-01,,1', 'K,2015-01-01,,1'],
    '2024-09-30': ['Q,2015-01-01,,2', 'C,2016-01-01,,1', 'K,2015-01-01,,1'],
    '2024-12-31': ['Q,2015-01-01,,2', 'W,2015-01-01,,1', 'C,2016-01-01,2024-12-20,1', 'K,2015-01-01,,2'],
    '2025-03-31': ['Q,2015-01-01,2025-02-20,2', 'W,2015-01-01,,1', 'C,2016-01-01,2024-12-22,1', 'K,2015-01-01,,2'],
    '2025-06-30': ['K,2015-01-01,,2'],
  };
  await importRosters(ws, rosters, jobEvents);
}

const SAME_IDS = ['Q', 'W', 'C', 'K'];
describe('rehires under the original hire date (queries/_lib/events.sql, roster_returns)', () => {
  it('tells the two employments apart: two exits, a rehire, no promotion across the gap', async () => {
    await withTempWorkspace(async (ws) => {
      await loadSameHireDate(ws);
      const expected = [
        'C 2024-12-20 termination',
        'K 2024-12-31 promotion',
        'Q 2024-03-15 termination',
        'Q 2024-09-30 hire',
        'Q 2025-02-20 termination',
        'W 2024-03-15 termination',
        'W 2024-12-31 hire',
        'W 2025-06-30 termination',
      ];
      expect(await events(ws, 'career_events()', SAME_IDS)).toEqual(expected);
      await raw(ws, 'exits', '2025-Q1');
      expect(await events(ws, 'pathways_derived.career_events', SAME_IDS)).toEqual(expected);
    });
  });

  it("counts the second exit among the period's leavers", async () => {
    await withTempWorkspace(async (ws) => {
      await loadSameHireDate(ws);
      // 2025-Q1: the headcount on 2025-01-01 (the 2024-12-31 roster, not terminated before) is
      // Q, W and K; Q leaves on 2025-02-20: 1 of 3 (before, Q's second exit was lost: 0 of 3).
      expect((await raw(ws, 'exits', '2025-Q1')).filter((r) => r.slice === 'all')).toEqual([
        { slice: 'all', grp: 'Woman', numerator: 1n, denominator: 3n },
      ]);
    });
  });

  it('follows a returner from their return, to their second exit', async () => {
    await withTempWorkspace(async (ws) => {
      await loadSameHireDate(ws);
      // 2025-Q2: window [2023-07-01, 2025-07-01), data end 2025-06-30.
      //   Q  2024-09-30 (back) .. 2025-02-20 (exit) = 143, censored; enters at 0
      //      (before: 2015-01-01 .. 2024-03-15, the first exit, = 3361)
      //   W  2024-12-31 (back) .. 2025-06-30 (exit) = 181, censored; enters at 0
      //   C  2016-01-01 .. 2024-12-20 = 3276, censored; enters at 2738 (its days on 2023-07-01)
      //   K  2015-01-01 .. 2024-12-31 (promoted) = 3652, an event; enters at 3103
      expect(spells(await raw(ws, 'time_to_promotion', '2025-Q2'))).toEqual({
        ended: [[143, 0, 1], [181, 0, 1], [3276, 0, 1], [3652, 1, 0]],
        entered: [[0, 2], [2738, 1], [3103, 1]],
      });
    });
  });

  it("takes the return from job_events' hire events when they carry them", async () => {
    await withTempWorkspace(async (ws) => {
      // job_events carry every family, so none is derived from the rosters; their hire events
      // date the returns within the interval the rosters leave open.
      await loadSameHireDate(ws, [
        'Q,2024-03-15,termination,,', 'Q,2024-09-15,hire,,2', 'Q,2025-02-20,termination,,',
        'W,2024-03-15,termination,,', 'W,2024-11-01,hire,,1', 'W,2025-06-15,termination,,',
        'C,2024-12-20,termination,,', 'K,2024-12-01,promotion,1,2',
      ]);
      //   Q  2024-09-15 .. 2025-02-20 = 158, W  2024-11-01 .. 2025-06-15 = 226 (censored, enter at 0)
      //   C  2016-01-01 .. 2024-12-20 = 3276, censored; enters at 2738
      //   K  2015-01-01 .. 2024-12-01 (promoted) = 3622; enters at 3103
      expect(spells(await raw(ws, 'time_to_promotion', '2025-Q2'))).toEqual({
        ended: [[158, 0, 1], [226, 0, 1], [3276, 0, 1], [3622, 1, 0]],
        entered: [[0, 2], [2738, 1], [3103, 1]],
      });
    });
  });

  it('counts a comeback in the period among its hires, not its unexplained arrivals', async () => {
    await withTempWorkspace(async (ws) => {
      await loadSameHireDate(ws);
      // 2024-Q4: the start headcount (the 2024-09-30 roster) is C and K at level 1, Q at level 2;
      // the end one (2024-12-31) is W at level 1 (back, hired 2015), Q and K at level 2 (C is
      // terminated before). Level 1: 2 - C's exit - K's promotion + W = 1, W a hire (before, an
      // arrival the rosters could not explain, other_in); level 2: 1 + K = 2.
      const rows = await raw(ws, 'flows', '2024-Q4');
      expect(rows).toMatchObject([
        { level: '1', grp: 'Woman', headcount_start: 2n, hires: 1n, exits: 1n, promotions_out: 1n, other_in: 0n, headcount_end: 1n },
        { level: '2', grp: 'Woman', headcount_start: 1n, hires: 0n, promotions_in: 1n, other_in: 0n, headcount_end: 2n },
      ]);
    });
  });
});
