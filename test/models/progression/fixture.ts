import { join } from 'node:path';
import { importFixture } from '../../helpers/importFixture';
import { runModel, resultToArrow } from '../../../src/models/runModel';
import { arrowIPCToRows } from '../../../src/arrow/toArrow';
import type { ModelParamsInput } from '../../../src/api/contract';
import type { Workspace } from '../../../src/workspace/workspace';

export const progressionDir = join(__dirname, '..', '..', 'fixtures', 'models', 'progression');

/**
 * Four quarterly rosters, no job_events, so every promotion and exit is derived. Levels L1-L3;
 * derived changes are dated at the roster that first shows them (- = not in that roster).
 *
 *   id   gender      hired       06-30 12-31 03-31 06-30  (2024-06-30 .. 2025-06-30)
 *   W1   Woman       2020-01-01  L1    L1    L1    L2     promoted 2025-06-30
 *   W2   Woman       2020-01-01  L1    L1    L1    L2     promoted 2025-06-30
 *   W3   Woman       2021-01-01  L1    L2    L2    L2     promoted 2024-12-31
 *   W4   Woman       2022-01-01  L2    L2    L2    L2     terminated 2025-05-15 (shown in the last roster)
 *   W5   Woman       2019-01-01  L2    L2    L2    -      exit 2025-06-30 (vanished)
 *   W6   Woman       2018-01-01  L2    L2    L3    L3     promoted 2025-03-31
 *   W7   Woman       2024-09-01  -     L1    L1    L2     hired in the window, promoted 2025-06-30
 *   W8   Woman       2017-01-01  L3    L3    L3    L3     (Sales)
 *   W9   Woman       2023-01-01  L1    -     -     -      exit 2024-12-31 (vanished)
 *   W10  Woman       2020-06-01  L2    L2    L2    -      exit 2025-06-30 (vanished)
 *   M1   Man         2019-01-01  L1    L1    L1    L2     promoted 2025-06-30
 *   M2   Man         2019-01-01  L1    L2    L2    L3     promoted 2024-12-31 and 2025-06-30
 *   M3   Man         2020-01-01  L2    L2    L2    L3     promoted 2025-06-30
 *   M4   Man         2021-01-01  L2    L2    L2    L2
 *   M5   Man         2016-01-01  L3    L3    L3    L3     (Sales)
 *   M6   Man         2022-06-01  L1    L1    L1    L2     promoted 2025-06-30
 *   M7   Man         2018-01-01  L2    L2    L2    L2     terminated 2025-04-30 (shown in the last roster)
 *   M8   Man         2023-03-01  L1    L1    L2    L2     promoted 2025-03-31
 *   M9   Man         2025-05-01  -     -     -     L1     hired in 2025-Q2
 *   M10  Man         2015-01-01  L3    L3    L3    L3     (Sales)
 *   M11  Man         2019-01-01  L2    L2    -     -      terminated 2024-10-15 (shown in the 12-31 roster)
 *   M12  Man         2019-01-01  L1    -     -     -      exit 2024-12-31 (vanished)
 *   N1   Non-binary  2021-01-01  L1    L1    L1    L2     promoted 2025-06-30
 *   N2   Non-binary  2022-01-01  L2    L2    L2    L2
 *   U1   (blank)     2020-01-01  L1    L1    L1    L1
 */
export async function loadProgression(ws: Workspace): Promise<void> {
  const columns = { person_id: 'Employee ID', gender: 'Gender', hire_date: 'Hire Date', termination_date: 'Termination Date', level: 'Job Level', department: 'Department' };
  await importFixture(ws, progressionDir, ['2024-06-30', '2024-12-31', '2025-03-31', '2025-06-30'].map((d) => ({
    path: `roster_${d}.csv`, profile: { table: 'people' as const, snapshotDate: d, columns },
  })));
}

/** Runs a model and reads it back through Arrow, as every consumer sees it. */
export async function run(ws: Workspace, model: string, params: ModelParamsInput) {
  const result = await runModel(ws, model, params);
  const { rows } = arrowIPCToRows(resultToArrow(result));
  return { rows, notes: result.notes, result };
}

export const pick = (rows: Record<string, unknown>[], match: Record<string, unknown>) => {
  const found = rows.filter((r) => Object.entries(match).every(([k, v]) => r[k] === v));
  if (found.length !== 1) throw new Error(`expected one row matching ${JSON.stringify(match)}, found ${found.length}`);
  return found[0];
};
