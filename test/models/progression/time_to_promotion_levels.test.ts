import { describe, it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withTempWorkspace, tempDir } from '../../helpers/tempWorkspace';
import { importFixture } from '../../helpers/importFixture';
import { getModel } from '../../../src/models/registry';
import { execute } from '../../../src/models/runModel';
import { ModelParamsSchema } from '../../../src/api/contract';
import { periodFromLabel } from '../../../src/models/period';
import { run, pick } from './fixture';
import type { Workspace } from '../../../src/workspace/workspace';

/**
 * The level of a spell ended by a job_events promotion that has no from_level (optional in
 * DATA.md) is the level held just before it, not the level the person's last roster shows (the
 * one the promotion led to). Three rosters, every person a woman (- = not in that roster):
 *
 *   id     hired       2024-06-30  2024-12-31  2025-06-30  job_events (no from_level)
 *   A0-A2  2022-01-01  L1          L1          L2          promotion 2025-05-01, no levels
 *   A3-A5  2022-01-01  L1          L1          L1          -
 *   G      2022-01-01  L1          -           L2          promotion 2025-05-01, no levels
 *   H      2025-01-15  -           -           L2          hire 2025-01-15 to L1; promotion 2025-03-01 to L2
 *   J      2018-01-01  L3          -           L2, rehired 2025-02-01   promotion 2025-04-01, no levels
 *
 * 2025-Q2: window [2023-07-01, 2025-07-01), data end 2025-06-30. Every spell starts at the hire
 * date of the person's last record; job_events carry level changes, so none is derived from
 * the rosters, and no exit falls in any spell (J's exit, the 2024-12-31 roster, ended the
 * earlier employment). Hand-derived spells:
 *   A0-A2  2022-01-01 .. 2025-05-01 = 1216 days, promoted, at L1 (the 2024-12-31 roster)
 *   A3-A5  2022-01-01 .. 2025-06-30 = 1276 days, censored, at L1 (no change: the last record)
 *   G      1216 days, promoted, at L1: the last roster before the change is 2024-06-30 (G is
 *          missing from 2024-12-31, a gap, not an exit: same hire date when G comes back)
 *   H      2025-01-15 .. 2025-03-01 = 45 days, promoted, at L1: no roster shows H before the
 *          change, so the level comes from the job event before it (the hire, to L1)
 *   J      2025-02-01 .. 2025-04-01 = 59 days, promoted, at an unknown level: the only roster
 *          before the change (L3) is from J's earlier employment. No level filter keeps J.
 * Before the fix every promoted spell was placed at the last roster's level, L2.
 */
async function load(ws: Workspace): Promise<void> {
  const rosters: Record<string, string[]> = {
    '2024-06-30': ['A0,2022-01-01,1', 'A1,2022-01-01,1', 'A2,2022-01-01,1', 'A3,2022-01-01,1', 'A4,2022-01-01,1', 'A5,2022-01-01,1', 'G,2022-01-01,1', 'J,2018-01-01,3'],
    '2024-12-31': ['A0,2022-01-01,1', 'A1,2022-01-01,1', 'A2,2022-01-01,1', 'A3,2022-01-01,1', 'A4,2022-01-01,1', 'A5,2022-01-01,1'],
    '2025-06-30': ['A0,2022-01-01,2', 'A1,2022-01-01,2', 'A2,2022-01-01,2', 'A3,2022-01-01,1', 'A4,2022-01-01,1', 'A5,2022-01-01,1', 'G,2022-01-01,2', 'H,2025-01-15,2', 'J,2025-02-01,2'],
  };
  const jobEvents = [
    'A0,2025-05-01,promotion,,', 'A1,2025-05-01,promotion,,', 'A2,2025-05-01,promotion,,', 'G,2025-05-01,promotion,,',
    'H,2025-01-15,hire,,1', 'H,2025-03-01,promotion,,2',
    'J,2025-04-01,promotion,,',
  ];
  const { dir, cleanup } = tempDir();
  try {
    for (const [d, lines] of Object.entries(rosters)) {
      writeFileSync(join(dir, `r_${d}.csv`), ['id,gender,hired,level', ...lines.map((l) => l.replace(',', ',Woman,'))].join('\n') + '\n');
    }
    writeFileSync(join(dir, 'job_events.csv'), ['id,date,type,from,to', ...jobEvents].join('\n') + '\n');
    await importFixture(ws, dir, [
      ...Object.keys(rosters).map((d) => ({
        path: `r_${d}.csv`,
        profile: { table: 'people' as const, snapshotDate: d, columns: { person_id: 'id', gender: 'gender', hire_date: 'hired', level: 'level' } },
      })),
      { path: 'job_events.csv', profile: { table: 'job_events' as const, columns: { person_id: 'id', effective_date: 'date', event_type: 'type', from_level: 'from', to_level: 'to' } } },
    ]);
  } finally {
    cleanup();
  }
}

/** The model's rows before the survival post-processing: [days, promoted, censored]. */
async function spells(ws: Workspace, levels: { levelMin?: number; levelMax?: number } = {}): Promise<number[][]> {
  const p = ModelParamsSchema.parse({ period: '2025-Q2', k: 3, withComparisons: false, ...levels });
  const rows = await execute(ws, getModel('time_to_promotion'), p, periodFromLabel('2025-Q2'));
  // The spells' ends; rows that only say when spells joined the risk set are left out.
  return rows.filter((r) => Number(r.events) + Number(r.censored) > 0).map((r) => [Number(r.t), Number(r.events), Number(r.censored)]);
}

describe('time_to_promotion: the level of a spell when job_events do not give from_level', () => {
  it('measures the level held before the promotion, from the roster, else the job event before it', async () => {
    await withTempWorkspace(async (ws) => {
      await load(ws);
      // Everyone, whatever the level: H (45), J (59), A0-A2 and G (1216), A3-A5 censored (1276).
      expect(await spells(ws)).toEqual([[45, 1, 0], [59, 1, 0], [1216, 4, 0], [1276, 0, 3]]);
      // At L1: all but J. (Before the fix: only A3-A5, [[1276, 0, 3]].)
      expect(await spells(ws, { levelMin: 1, levelMax: 1 })).toEqual([[45, 1, 0], [1216, 4, 0], [1276, 0, 3]]);
      // At L2: nobody held L2 before a promotion or at the end of the data. (Before the fix: H,
      // J, A0-A2 and G, promoted "from" the level they were promoted to.)
      expect(await spells(ws, { levelMin: 2, levelMax: 2 })).toEqual([]);
      // At L3: J's L3 was the earlier employment's, not the spell's.
      expect(await spells(ws, { levelMin: 3 })).toEqual([]);
    });
  });

  it('gives the Kaplan-Meier summary of the L1 spells', async () => {
    await withTempWorkspace(async (ws) => {
      await load(ws);
      // 8 spells at L1: at 45 days 1 of 8 promoted (S = 7/8); at 1216, 4 of the 7 left (S = 7/8 x 3/7
      // = 0.375), so the median is 1216; 3 censored at 1276.
      const { rows } = await run(ws, 'time_to_promotion', { period: '2025-Q2', k: 3, levelMin: 1, levelMax: 1 });
      expect(pick(rows, { row_type: 'summary', grp: 'Woman' })).toMatchObject({ n: 8, events: 5, median: 1216 });
    });
  });
});
