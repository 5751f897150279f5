import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { withTempWorkspace } from '../../helpers/tempWorkspace';
import { importFixture } from '../../helpers/importFixture';
import type { Workspace } from '../../../src/workspace/workspace';
import { run, pick } from './fixture';
import { execute } from '../../../src/models/runModel';
import { getModel } from '../../../src/models/registry';
import { ModelParamsSchema } from '../../../src/api/contract';
import { periodFromLabel } from '../../../src/models/period';
import { liftRows } from '../../../src/models/post/lift';

const dir = join(__dirname, '..', '..', 'fixtures', 'models', 'program_outcomes');

/**
 * 2025-Q2: base date 2024-06-30, window [2024-07-01, 2025-07-01). Tenure bands on the base date:
 * hired 2022-01-01 -> 1-3y, 2018-01-01 -> 5y+, 2024-01-01 -> <1y. Participants had a coaching
 * conversation on 2024-09-15 (generate.py); conversations on 2024-06-15 and 2025-07-01 fall
 * outside the window, and LATE (hired 2024-09-01) and the coach are not in the base headcount.
 *
 *   group       dept   stratum       role  n   promoted  left
 *   Man         Eng    L1 · 1-3y     NP   20   4         2
 *   Man         Eng    L1 · 1-3y     P     4   3         0
 *   Man         Sales  L1 · 1-3y     NP   20  10         5
 *   Man         Sales  L1 · 1-3y     P     6   3         3
 *   Woman       Eng    L1 · 1-3y     NP   10   2         1
 *   Woman       Eng    L1 · 1-3y     P     5   4         0
 *   Woman       Sales  L2 · 5y+      NP    8   2         2
 *   Woman       Sales  L2 · 5y+      P     4   1         1
 *   Woman       Eng    L3 · <1y      P     3   0         0   (no non-participant: left out)
 *   Non-binary  Eng    L1 · 1-3y     NP    3   1         0
 *   Non-binary  Eng    L1 · 1-3y     P     3   0         0
 *
 * Man: both of his strata have 20 non-participants per department, so department is used:
 *   promotion expected = 4 x 4/20 + 6 x 10/20 = 3.8, observed 6, lift 6/3.8
 *   retention expected = 4 x 18/20 + 6 x 15/20 = 8.1, observed 4 + 3 = 7, lift 7/8.1
 * Woman: 10 non-participants in L1 · 1-3y · Eng < 20, so level x tenure band only:
 *   promotion expected = 5 x 2/10 + 4 x 2/8 = 2, observed 4 + 1 = 5, lift 2.5 (participants 9)
 *   retention observed 5 + 3 = 8 of 9: the 1 leaver is a small count, suppressed
 * Non-binary: promotion expected = 3 x 1/3 = 1, observed 0; retention 3 of 3, hidden as the
 *   complement of the women's retention row (the smallest other group). The promotion row is
 *   hidden too: 1 of its 3 non-participants was promoted (expected_rate 1/3 x 3 would show
 *   it), and the women's promotion row goes with it as the complement; their standardization
 *   is checked on each group's cells alone.
 * All (level x tenure band: L2 · 5y+ has only 8 non-participants): L1 · 1-3y has 18
 *   participants and 53 non-participants (17 promoted, 45 retained), L2 · 5y+ 4 and 8 (2, 6):
 *   promotion expected = 18 x 17/53 + 4 x 2/8 = 359/53, observed 3+3+4+0+1 = 11
 *   retention expected = 18 x 45/53 + 4 x 6/8 = 969/53, observed 4+3+5+3+3 = 18
 * 95% CIs: exact Poisson on the observed count, chi2.ppf(0.025, 2 O) / 2 / E and
 * chi2.ppf(0.975, 2 O + 2) / 2 / E, computed once with scipy.stats.chi2.
 */
async function load(ws: Workspace) {
  const columns = { person_id: 'id', gender: 'gender', hire_date: 'hire', termination_date: 'term', level: 'level', department: 'department' };
  await importFixture(ws, dir, [
    ...['2024-06-30', '2025-06-30'].map((d) => ({ path: `roster_${d}.csv`, profile: { table: 'people' as const, snapshotDate: d, columns } })),
    { path: 'coaching_log.csv', profile: { table: 'coaching_log', columns: { session_id: 'session', coach_id: 'coach', coachee_id: 'coachee', date: 'date', minutes: 'minutes' } } },
  ]);
}

describe('program_outcomes', () => {
  it('standardizes participants on non-participants of the same stratum, with k = 3', async () => {
    await withTempWorkspace(async (ws) => {
      await load(ws);
      const { rows, notes } = await run(ws, 'program_outcomes', { period: '2025-Q2', k: 3 });
      expect(rows.map((r) => `${r.outcome}|${r.grp}`)).toEqual([
        'promotion|All', 'promotion|Man', 'promotion|Non-binary', 'promotion|Woman',
        'retention|All', 'retention|Man', 'retention|Non-binary', 'retention|Woman',
      ]);

      const man = pick(rows, { outcome: 'promotion', grp: 'Man' });
      expect(man).toMatchObject({ participants: 10, observed: 6, non_participants: 40, standardized_on: 'level × tenure band × department', suppressed: false });
      expect(man.expected).toBeCloseTo(3.8, 12);
      expect(man.lift).toBeCloseTo(6 / 3.8, 12);
      expect(man.lift_lower).toBeCloseTo(0.5794458561818029, 9);
      expect(man.lift_upper).toBeCloseTo(3.4367036901364965, 9);

      // Hidden in the result (see above): the same standardization, each group's cells alone.
      const raw = await execute(ws, getModel('program_outcomes'), ModelParamsSchema.parse({ period: '2025-Q2', k: 3 }), periodFromLabel('2025-Q2'));
      const alone = (grp: string) => liftRows(raw.filter((r) => r.grp === grp && r.outcome === 'promotion'), 3).rows.find((r) => r.grp === grp)!;
      for (const grp of ['Woman', 'Non-binary']) {
        expect(pick(rows, { outcome: 'promotion', grp })).toMatchObject({ participants: null, expected: null, expected_rate: null, non_participants: null, suppressed: true, note: 'fewer than 3' });
      }

      const woman = alone('Woman');
      expect(woman).toMatchObject({ participants: 9, observed: 5, non_participants: 18, standardized_on: 'level × tenure band' });
      expect(woman.observed_rate).toBeCloseTo(5 / 9, 12);
      expect(woman.expected).toBeCloseTo(2, 12);
      expect(woman.expected_rate).toBeCloseTo(2 / 9, 12);
      expect(woman.lift).toBeCloseTo(2.5, 12);
      expect(woman.lift_lower).toBeCloseTo(0.8117431950592103, 9);
      expect(woman.lift_upper).toBeCloseTo(5.834166039661335, 9);

      // Alone, the non-binary row is hidden as well (1 promoted non-participant); its
      // statistics are the post-processor's below k: nothing shows them.
      expect(alone('Non-binary')).toMatchObject({ suppressed: true });

      const all = pick(rows, { outcome: 'promotion', grp: 'All' });
      expect(all).toMatchObject({ participants: 22, observed: 11, non_participants: 61, standardized_on: 'level × tenure band' });
      expect(all.expected).toBeCloseTo(359 / 53, 12);
      expect(all.lift).toBeCloseTo(11 / (359 / 53), 12);
      expect(all.lift_lower).toBeCloseTo(0.810672700455578, 9);
      expect(all.lift_upper).toBeCloseTo(2.9057048501532132, 9);

      const manRetained = pick(rows, { outcome: 'retention', grp: 'Man' });
      expect(manRetained).toMatchObject({ participants: 10, observed: 7, standardized_on: 'level × tenure band × department' });
      expect(manRetained.expected).toBeCloseTo(8.1, 12);
      expect(manRetained.lift_lower).toBeCloseTo(0.3474522285826995, 9);
      expect(manRetained.lift_upper).toBeCloseTo(1.7805772051484416, 9);
      const allRetained = pick(rows, { outcome: 'retention', grp: 'All' });
      expect(allRetained).toMatchObject({ participants: 22, observed: 18 });
      expect(allRetained.expected).toBeCloseTo(969 / 53, 12);
      expect(allRetained.lift_lower).toBeCloseTo(0.5834890210125645, 9);
      expect(allRetained.lift_upper).toBeCloseTo(1.5559662478627276, 9);

      // 1 woman participant left: a small count. Non-binary goes with it as the complement.
      for (const grp of ['Woman', 'Non-binary']) {
        expect(pick(rows, { outcome: 'retention', grp })).toMatchObject({ participants: null, observed: null, expected: null, lift: null, standardized_on: null, suppressed: true, note: 'fewer than 3' });
      }

      expect(notes[0]).toContain('an association, not a causal effect');
      expect(notes).toContain('Standardized on level × tenure band × department: Man.');
      expect(notes).toContain('Standardized on level × tenure band: All.');
      expect(notes.some((n) => n.includes('at least 20 non-participants'))).toBe(true);
      expect(notes.some((n) => n.includes('without any non-participant'))).toBe(true);
    });
  });

  it('with k = 5 hides groups whose participants with or without the outcome number 1..4', async () => {
    await withTempWorkspace(async (ws) => {
      await load(ws);
      const { rows } = await run(ws, 'program_outcomes', { period: '2025-Q2', k: 5 });
      // Man: 6 promoted, 4 not; Woman: 5 and 4; Non-binary: 3 participants.
      for (const grp of ['Man', 'Woman', 'Non-binary']) {
        expect(pick(rows, { outcome: 'promotion', grp })).toMatchObject({ observed: null, lift: null, suppressed: true, note: 'fewer than 5' });
      }
      expect(pick(rows, { outcome: 'promotion', grp: 'All' })).toMatchObject({ participants: 22, observed: 11, suppressed: false });
      // 4 of the 22 participants left: hidden.
      expect(pick(rows, { outcome: 'retention', grp: 'All' })).toMatchObject({ observed: null, suppressed: true, note: 'fewer than 5' });
    });
  });

  it('needs conversations to tell participants apart', async () => {
    await withTempWorkspace(async (ws) => {
      const columns = { person_id: 'id', gender: 'gender', hire_date: 'hire', termination_date: 'term', level: 'level', department: 'department' };
      await importFixture(ws, dir, [{ path: 'roster_2024-06-30.csv', profile: { table: 'people', snapshotDate: '2024-06-30', columns } }]);
      await expect(run(ws, 'program_outcomes', { period: '2025-Q2' })).rejects.toMatchObject({ code: 'NEEDS_DATA', message: expect.stringContaining('needs sessions data') });
    });
  });
});
