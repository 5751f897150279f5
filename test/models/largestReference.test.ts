import { describe, it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rateStats } from '../../src/models/rateStats';
import { withTempWorkspace } from '../helpers/tempWorkspace';
import { importFixture } from '../helpers/importFixture';
import { runRows, pick } from './participation/fixture';

// METRICS.md: "reference group per dimension: the largest group by default". Without an 'all'
// slice the group's size is its largest denominator over the slices, not their sum: the slices
// of such a model share one population or nest (goal_progress), and a sum counts the people of
// a nested slice twice.

const refs = (rows: ReturnType<typeof rateStats>) => [...new Set(rows.map((r) => r.reference_group))];

describe('the largest group as reference, without an all slice', () => {
  it('nested slices: the group with more mentees, not more goal-setters', () => {
    // Men: 100 mentees, 10 with a goal (5 on track); women: 90 mentees, 85 with a goal (40).
    // Summed denominators gave women 90 + 85 = 175 against men's 100 + 10 = 110; the
    // populations are 100 men and 90 women.
    const rows = rateStats([
      { slice: 'goal set', grp: 'Man', numerator: 10, denominator: 100 },
      { slice: 'goal set', grp: 'Woman', numerator: 85, denominator: 90 },
      { slice: 'completed or on track', grp: 'Man', numerator: 5, denominator: 10 },
      { slice: 'completed or on track', grp: 'Woman', numerator: 40, denominator: 85 },
    ], { k: 5, reference: 'largest', adverse: false, crossBlock: ['grp'] });
    expect(refs(rows)).toEqual(['Man']);
    expect(rows.filter((r) => r.is_reference).map((r) => `${r.slice}|${r.grp}`)).toEqual(['goal set|Man', 'completed or on track|Man']);
    // goal set: (85/90) / (10/100) = 9.444...; completed or on track: (40/85) / (5/10) = 0.941...
    expect(rows[1].impact_ratio).toBeCloseTo((85 / 90) / 0.1, 12);
    expect(rows[3].impact_ratio).toBeCloseTo((40 / 85) / 0.5, 12);
  });

  it('one population in every slice (funnel stages, programs): the larger population', () => {
    // Men 100 and women 90 at every stage, whatever the numerators.
    const rows = rateStats(['1 eligible', '2 applied', '3 matched'].flatMap((slice, i) => [
      { slice, grp: 'Man', numerator: [100, 20, 10][i], denominator: 100 },
      { slice, grp: 'Woman', numerator: [90, 60, 50][i], denominator: 90 },
    ]), { k: 5, reference: 'largest', adverse: false });
    expect(refs(rows)).toEqual(['Man']);
  });

  it('an all slice still decides where there is one, and unknown groups are never the reference', () => {
    // 'all': Woman 50 > Man 40; a level where men outnumber women does not change it, nor do
    // 200 'Not recorded'.
    const rows = rateStats([
      { slice: 'all', grp: 'Man', numerator: 10, denominator: 40 },
      { slice: 'all', grp: 'Woman', numerator: 10, denominator: 50 },
      { slice: 'all', grp: 'Not recorded', numerator: 50, denominator: 200 },
      { slice: 'level 3', grp: 'Man', numerator: 10, denominator: 30 },
      { slice: 'level 3', grp: 'Woman', numerator: 10, denominator: 20 },
    ], { k: 5, reference: 'largest', adverse: false, crossBlock: ['grp'], totalBlock: 'all' });
    expect(refs(rows.filter((r) => r.grp !== 'Not recorded'))).toEqual(['Woman']);
  });

  it('goal_progress on a workspace: men, the larger group of mentees, are the reference', async () => {
    // 2025-Q2 (last day 06-30); every match made 2025-01-01 in P1, still open.
    //   men:   20 mentees, 8 with a goal set 2025-02-01, 4 of them on track (4 not started)
    //   women: 16 mentees, all 16 with a goal, 10 on track (6 at risk)
    // By mentees men are larger (20 > 16); summed over the slices women were (16 + 16 = 32
    // against 20 + 8 = 28). With men as reference, k = 3 (no count below 3 but zeros):
    //   goal set:              women 16/16 = 1,      men 8/20 = 0.4 -> impact ratio 2.5
    //   completed or on track: women 10/16 = 0.625,  men 4/8 = 0.5  -> impact ratio 1.25
    await withTempWorkspace(async (ws, dir) => {
      const people = ['person_id,snapshot_date,level,gender,hire_date', 'MENTOR,2025-06-30,5,Non-binary,2010-01-01'];
      const matches = ['match_id,program_id,mentor_id,mentee_id,matched_date'];
      const goals = ['goal_id,person_id,match_id,set_date,status'];
      const add = (gender: string, n: number, withGoal: number, onTrack: number, other: string) => {
        for (let i = 1; i <= n; i++) {
          const id = `${gender[0]}${i}`;
          people.push(`${id},2025-06-30,1,${gender},2022-01-01`);
          matches.push(`X${id},P1,MENTOR,${id},2025-01-01`);
          if (i <= withGoal) goals.push(`G${id},${id},X${id},2025-02-01,${i <= onTrack ? 'on_track' : other}`);
        }
      };
      add('Man', 20, 8, 4, 'not_started');
      add('Woman', 16, 16, 10, 'at_risk');
      const files: Record<string, string[]> = { people, programs: ['program_id,name,layer', 'P1,Career,formal'], matches, goals };
      for (const [name, lines] of Object.entries(files)) writeFileSync(join(dir, `${name}.csv`), lines.join('\n') + '\n');
      await importFixture(ws, dir, (['people', 'programs', 'matches', 'goals'] as const).map((table) => ({
        path: `${table}.csv`, profile: { table, columns: Object.fromEntries(files[table][0].split(',').map((c) => [c, c])) },
      })));

      const { rows } = await runRows(ws, 'goal_progress', { k: 3 });
      for (const slice of ['goal set', 'completed or on track']) {
        expect(pick(rows, slice, 'Man')).toMatchObject({ is_reference: true, reference_group: 'Man', suppressed: false });
        expect(pick(rows, slice, 'Woman')).toMatchObject({ is_reference: false, reference_group: 'Man', suppressed: false });
      }
      expect(pick(rows, 'goal set', 'Man')).toMatchObject({ numerator: 8, denominator: 20 });
      expect(pick(rows, 'goal set', 'Woman')).toMatchObject({ numerator: 16, denominator: 16 });
      expect(pick(rows, 'goal set', 'Woman').impact_ratio).toBeCloseTo(2.5, 12);
      expect(pick(rows, 'completed or on track', 'Man')).toMatchObject({ numerator: 4, denominator: 8 });
      expect(pick(rows, 'completed or on track', 'Woman')).toMatchObject({ numerator: 10, denominator: 16 });
      expect(pick(rows, 'completed or on track', 'Woman').impact_ratio).toBeCloseTo(1.25, 12);
    });
  });
});
