import { describe, it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { liftRows } from '../../src/models/post/lift';
import { withTempWorkspace } from '../helpers/tempWorkspace';
import { importFixture } from '../helpers/importFixture';
import { run, pick } from '../models/progression/fixture';

// A lift row shows expected_rate and non_participants: with one stratum their product is the
// number of non-participants with the outcome, so that count (and those without the outcome)
// obeys k like any other (METRICS.md: "counts between 1 and k-1 are suppressed too").

const cell = (grp: string, stratum: string, p: number, po: number, np: number, npo: number, outcome = 'promotion') => ({
  outcome, grp, stratum, refinement: 'Eng', participants: p, participant_outcomes: po, non_participants: np, non_participant_outcomes: npo,
});
const shown = (rows: ReturnType<typeof liftRows>['rows']) => rows.map((r) => [r.grp, !r.suppressed]);

describe('lift: non-participants with and without the outcome', () => {
  it('hides a row whose non-participants with the outcome number 1..k-1', () => {
    // The reviewer's case: 10 participants (5 promoted) against 10 non-participants (2
    // promoted). Shown, expected_rate 0.2 x non_participants 10 = 2 promoted people, below k = 5.
    const { rows } = liftRows([cell('Woman', 's', 10, 5, 10, 2)], 5);
    expect(shown(rows)).toEqual([['All', false], ['Woman', false]]);
    expect(rows[0]).toMatchObject({ participants: null, expected: null, expected_rate: null, non_participants: null, lift: null, note: 'fewer than 5' });
  });

  it('hides a row whose non-participants without the outcome number 1..k-1', () => {
    // 8 of 10 retained: the 2 leavers are 10 x (1 - 0.8).
    expect(shown(liftRows([cell('Woman', 's', 10, 5, 10, 8, 'retention')], 5).rows)).toEqual([['All', false], ['Woman', false]]);
  });

  it('shows k or more with and without, and 0 or all of them', () => {
    // 5 of 10 and 5 without at k = 5; 0 of 10; 10 of 10 (nobody without): nothing small.
    for (const npo of [5, 0, 10]) {
      const { rows } = liftRows([cell('Woman', 's', 10, 5, 10, npo)], 5);
      expect(shown(rows)).toEqual([['All', true], ['Woman', true]]);
      expect(rows[0]).toMatchObject({ non_participants: 10, expected: 10 * (npo / 10) });
    }
  });

  it('counts the non-participants over every cell the row counts in non_participants', () => {
    // Two strata of 10 non-participants, 2 promoted in each: 4 of 20 < 5, hidden.
    expect(shown(liftRows([cell('A', 's1', 10, 5, 10, 2), cell('A', 's2', 10, 5, 10, 2)], 5).rows)).toEqual([['All', false], ['A', false]]);
    // 3 in each: 6 of 20 and 14 without, shown (expected = 10 x 3/10 + 10 x 3/10 = 6), and
    // so is a stratum without participants, whose 5 promoted of 10 are counted as well:
    // 2 + 5 = 7 of 20.
    const three = liftRows([cell('A', 's1', 10, 5, 10, 3), cell('A', 's2', 10, 5, 10, 3)], 5).rows;
    expect(shown(three)).toEqual([['All', true], ['A', true]]);
    expect(three[0]).toMatchObject({ non_participants: 20, expected: 6 });
    const idle = liftRows([cell('A', 's1', 10, 5, 10, 2), cell('A', 's2', 0, 0, 10, 5)], 5).rows;
    expect(shown(idle)).toEqual([['All', true], ['A', true]]);
    expect(idle[0]).toMatchObject({ participants: 10, non_participants: 20, expected: 2 });
  });

  it('leaves a row without non-participants as it was', () => {
    // Nobody to compare with: the 10 participants are left out, and the row has none shown.
    const { rows, excludedAny } = liftRows([cell('A', 's', 10, 5, 0, 0)], 5);
    expect(excludedAny).toBe(true);
    expect(shown(rows)).toEqual([['All', false], ['A', false]]);
  });

  it('hides the next smallest group with a group hidden for its non-participants', () => {
    // A 30 participants, B 20, C 12 (all 6 promoted of 12 and more); C's non-participants: 3
    // of 30 promoted. C hidden, B (the next smallest) with it; All: 10 + 10 + 3 = 23 of 90.
    const { rows } = liftRows([
      cell('A', 's', 30, 15, 30, 10), cell('B', 's', 20, 10, 30, 10), cell('C', 's', 12, 6, 30, 3),
    ], 5);
    expect(shown(rows)).toEqual([['All', true], ['A', true], ['B', false], ['C', false]]);
    expect(rows[0]).toMatchObject({ participants: 62, non_participants: 90 });
  });
});

describe('program_outcomes: non-participants on a workspace', () => {
  /**
   * 2025-Q2: base date 2024-06-30, window [2024-07-01, 2025-07-01). Twenty women at level 1
   * hired 2022-01-01 ('level 1 · 1-3y'): P0..P9 mentees with a conversation on 2024-09-1i, of
   * whom P0..P4 are promoted; P10..P19 without one, of whom P10..P12 are promoted. Their
   * mentors (women at level 3, hired 2010) have no non-participant to be compared with.
   * promotion, All and Woman: 5 of 10 participants, 3 of 10 non-participants promoted, so
   * expected = 10 x 3/10 = 3 and expected_rate 0.3: 3 and 7 are shown at k = 3, hidden at k = 4.
   * retention: 10 of 10 and 10 of 10 retained, nothing small at any k.
   */
  async function load(ws: Parameters<Parameters<typeof withTempWorkspace>[0]>[0], dir: string) {
    const people = ['person_id,snapshot_date,level,gender,hire_date,department'];
    const matches = ['match_id,program_id,mentor_id,mentee_id,matched_date'];
    const sessions = ['session_id,date,layer,program_id,match_id,host_id,duration_minutes'];
    for (let i = 0; i < 20; i++) {
      const promoted = i < 5 || (i >= 10 && i < 13);
      people.push(`P${i},2024-06-30,1,Woman,2022-01-01,Eng`, `P${i},2025-06-30,${promoted ? 2 : 1},Woman,2022-01-01,Eng`);
    }
    for (let i = 0; i < 10; i++) {
      people.push(`MENTOR${i},2024-06-30,3,Woman,2010-01-01,Eng`, `MENTOR${i},2025-06-30,3,Woman,2010-01-01,Eng`);
      matches.push(`X${i},P1,MENTOR${i},P${i},2024-08-01`);
      sessions.push(`S${i},2024-09-1${i},formal,P1,X${i},,30`);
    }
    const files: Record<string, string[]> = { people, programs: ['program_id,name,layer', 'P1,Career,formal'], matches, sessions };
    for (const [name, lines] of Object.entries(files)) writeFileSync(join(dir, `${name}.csv`), lines.join('\n') + '\n');
    await importFixture(ws, dir, (['people', 'programs', 'matches', 'sessions'] as const).map((table) => ({
      path: `${table}.csv`, profile: { table, columns: Object.fromEntries(files[table][0].split(',').map((c) => [c, c])) },
    })));
  }

  it('shows 3 promoted non-participants at k = 3 and hides them at k = 4', async () => {
    await withTempWorkspace(async (ws, dir) => {
      await load(ws, dir);
      const k3 = (await run(ws, 'program_outcomes', { period: '2025-Q2', k: 3, withComparisons: false })).rows;
      for (const grp of ['All', 'Woman']) {
        const r = pick(k3, { outcome: 'promotion', grp });
        expect(r).toMatchObject({ participants: 10, observed: 5, non_participants: 10, suppressed: false });
        expect(r.expected_rate).toBeCloseTo(0.3, 12);
      }
      const k4 = (await run(ws, 'program_outcomes', { period: '2025-Q2', k: 4, withComparisons: false })).rows;
      for (const grp of ['All', 'Woman']) {
        expect(pick(k4, { outcome: 'promotion', grp })).toMatchObject({ expected_rate: null, non_participants: null, suppressed: true, note: 'fewer than 4' });
        expect(pick(k4, { outcome: 'retention', grp })).toMatchObject({ participants: 10, observed: 10, expected: 10, non_participants: 10, suppressed: false });
      }
    });
  });

  it('on the program_outcomes fixture at k = 3, hides the non-binary promotion row and the women\'s as its complement', async () => {
    // test/models/progression/program_outcomes.test.ts, k = 3: non-binary has 3 participants
    // (0 promoted) and 3 non-participants, 1 promoted. Shown, expected_rate 1/3 x 3 gave away
    // that 1. Hidden, it takes the smallest other group, the women (9 participants against the
    // men's 10), with it. Men: 14 of 40 non-participants promoted; All: 19 of 61; shown.
    await withTempWorkspace(async (ws) => {
      const dir = join(__dirname, '..', 'fixtures', 'models', 'program_outcomes');
      const columns = { person_id: 'id', gender: 'gender', hire_date: 'hire', termination_date: 'term', level: 'level', department: 'department' };
      await importFixture(ws, dir, [
        ...['2024-06-30', '2025-06-30'].map((d) => ({ path: `roster_${d}.csv`, profile: { table: 'people' as const, snapshotDate: d, columns } })),
        { path: 'coaching_log.csv', profile: { table: 'coaching_log', columns: { session_id: 'session', coach_id: 'coach', coachee_id: 'coachee', date: 'date', minutes: 'minutes' } } },
      ]);
      const { rows } = await run(ws, 'program_outcomes', { period: '2025-Q2', k: 3, withComparisons: false });
      const promotion = rows.filter((r) => r.outcome === 'promotion').map((r) => [r.grp, !r.suppressed]);
      expect(promotion).toEqual([['All', true], ['Man', true], ['Non-binary', false], ['Woman', false]]);
      expect(pick(rows, { outcome: 'promotion', grp: 'All' })).toMatchObject({ participants: 22, observed: 11, non_participants: 61 });
      expect(pick(rows, { outcome: 'promotion', grp: 'Man' })).toMatchObject({ participants: 10, observed: 6, non_participants: 40 });
    });
  });
});
