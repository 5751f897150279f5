import { describe, it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withTempWorkspace } from '../../helpers/tempWorkspace';
import { importFixture } from '../../helpers/importFixture';
import type { Workspace } from '../../../src/workspace/workspace';
import { execute } from '../../../src/models/runModel';
import { getModel } from '../../../src/models/registry';
import { ModelParamsSchema, type ModelParamsInput } from '../../../src/api/contract';
import { periodFromLabel } from '../../../src/models/period';
import { run, pick } from './fixture';

/**
 * The program filter of program_outcomes finds a conversation's program through its match
 * when the session names none, as the other models do (coalesce(s.program_id, m.program_id)):
 * formal logs often give only the match.
 *
 * 2025-Q2: base date 2024-06-30, window [2024-07-01, 2025-07-01). Everyone is a woman in Eng;
 * mentees at level 1 hired 2022-01-01 ('level 1 · 1-3y'), the two mentors at level 3 hired
 * 2010-01-01 ('level 3 · 5y+', where nobody is a non-participant).
 *
 *   who       match (program, mentor)  session (date, program on the session)
 *   A1..A6    XA1..XA6 (P1, MA)         2024-09-0i, none: P1 through the match
 *   B1, B2    XB1, XB2 (P1, MA)         2024-10-0i, P1
 *   C1..C3    XC1..XC3 (P2, MB)         2024-11-0i, none: P2 through the match
 *   D1        XD1 (P1, MA)              2024-12-01, P2: the session's own program wins
 *   E1        XE1 (P1, MA)              2024-06-15, none: before the window, no conversation
 *   N1..N8    -                         -
 * A1..A3 and N1..N3 are promoted (level 2 on 2025-06-30); nobody leaves.
 *
 * level 1 · 1-3y: non-participants are E1 and N1..N8 = 9 (3 promoted) whatever the filter, since
 * C and D talked in some program and are no one's comparison group.
 *   no filter: participants A1..A6, B1, B2, C1..C3, D1 = 12 (promoted A1..A3 = 3)
 *   P1:        A1..A6 (through the match) + B1, B2 = 8 (3 promoted); before the fix only B1, B2 = 2
 *   P2:        C1..C3 (through the match) + D1 = 4 (0 promoted); before the fix only D1 = 1
 *   P1, layer peer: 0 (every session is formal)
 * level 3 · 5y+: MA is a side of every P1 match, and of XD1 (the P2 session); MB of the P2 matches.
 *   no filter: MA, MB = 2; P1: MA = 1; P2: MA (XD1), MB = 2
 */
const people = ['person_id,snapshot_date,level,gender,hire_date,department'];
const matches = ['match_id,program_id,mentor_id,mentee_id,matched_date'];
const sessions = ['session_id,date,layer,program_id,match_id,host_id,duration_minutes'];
const mentee = (id: string, promoted = false) => {
  people.push(`${id},2024-06-30,1,Woman,2022-01-01,Eng`, `${id},2025-06-30,${promoted ? 2 : 1},Woman,2022-01-01,Eng`);
};
for (const id of ['MA', 'MB']) people.push(`${id},2024-06-30,3,Woman,2010-01-01,Eng`, `${id},2025-06-30,3,Woman,2010-01-01,Eng`);
for (let i = 1; i <= 6; i++) {
  mentee(`A${i}`, i <= 3);
  matches.push(`XA${i},P1,MA,A${i},2024-08-01`);
  sessions.push(`SA${i},2024-09-0${i},formal,,XA${i},,30`);
}
for (let i = 1; i <= 2; i++) {
  mentee(`B${i}`);
  matches.push(`XB${i},P1,MA,B${i},2024-08-01`);
  sessions.push(`SB${i},2024-10-0${i},formal,P1,XB${i},,30`);
}
for (let i = 1; i <= 3; i++) {
  mentee(`C${i}`);
  matches.push(`XC${i},P2,MB,C${i},2024-08-01`);
  sessions.push(`SC${i},2024-11-0${i},formal,,XC${i},,30`);
}
mentee('D1');
matches.push('XD1,P1,MA,D1,2024-08-01');
sessions.push('SD1,2024-12-01,formal,P2,XD1,,30');
mentee('E1');
matches.push('XE1,P1,MA,E1,2024-05-01');
sessions.push('SE1,2024-06-15,formal,,XE1,,30');
for (let i = 1; i <= 8; i++) mentee(`N${i}`, i <= 3);

async function load(ws: Workspace, dir: string) {
  const files: Record<string, string[]> = {
    people, matches, sessions, programs: ['program_id,name,layer', 'P1,Career,formal', 'P2,Leaders,formal'],
  };
  for (const [name, lines] of Object.entries(files)) writeFileSync(join(dir, `${name}.csv`), lines.join('\n') + '\n');
  const identity = (name: string) => Object.fromEntries(files[name][0].split(',').map((c) => [c, c]));
  await importFixture(ws, dir, (['people', 'programs', 'matches', 'sessions'] as const).map((table) => ({
    path: `${table}.csv`, profile: { table, columns: identity(table) },
  })));
}

/** The model's own rows (before standardization and disclosure control) of one outcome and stratum. */
async function cell(ws: Workspace, params: Partial<ModelParamsInput>, stratum: string, outcome = 'promotion') {
  const p = ModelParamsSchema.parse({ period: '2025-Q2', withComparisons: false, ...params });
  const rows = await execute(ws, getModel('program_outcomes'), p, periodFromLabel(p.period));
  const found = rows.filter((r) => r.outcome === outcome && r.stratum === stratum);
  expect(found).toHaveLength(1);
  const r = found[0];
  return {
    participants: Number(r.participants), participant_outcomes: Number(r.participant_outcomes),
    non_participants: Number(r.non_participants), non_participant_outcomes: Number(r.non_participant_outcomes),
  };
}

const L1 = 'level 1 · 1-3y';
const L3 = 'level 3 · 5y+';

describe('program_outcomes with a program filter', () => {
  it('takes the program from the match where the session gives none', async () => {
    await withTempWorkspace(async (ws, dir) => {
      await load(ws, dir);
      expect(await cell(ws, {}, L1)).toEqual({ participants: 12, participant_outcomes: 3, non_participants: 9, non_participant_outcomes: 3 });
      expect(await cell(ws, { programId: 'P1' }, L1)).toEqual({ participants: 8, participant_outcomes: 3, non_participants: 9, non_participant_outcomes: 3 });
      expect(await cell(ws, { programId: 'P2' }, L1)).toEqual({ participants: 4, participant_outcomes: 0, non_participants: 9, non_participant_outcomes: 3 });
      expect(await cell(ws, { programId: 'P1', layer: 'formal' }, L1)).toMatchObject({ participants: 8, non_participants: 9 });
      expect(await cell(ws, { programId: 'P1', layer: 'peer' }, L1)).toMatchObject({ participants: 0, non_participants: 9 });
      expect((await cell(ws, {}, L3)).participants).toBe(2);
      expect((await cell(ws, { programId: 'P1' }, L3)).participants).toBe(1);
      expect((await cell(ws, { programId: 'P2' }, L3)).participants).toBe(2);
      // Retention is counted from the same participants.
      expect(await cell(ws, { programId: 'P1' }, L1, 'retention')).toEqual({ participants: 8, participant_outcomes: 8, non_participants: 9, non_participant_outcomes: 9 });
    });
  });

  it('standardizes the filtered participants', async () => {
    await withTempWorkspace(async (ws, dir) => {
      await load(ws, dir);
      const { rows } = await run(ws, 'program_outcomes', { period: '2025-Q2', k: 3, programId: 'P1', withComparisons: false });
      // The mentor (level 3 · 5y+) has no non-participant to compare with and is left out:
      // expected = 8 x 3/9 = 8/3, observed 3, lift = 3 / (8/3) = 1.125.
      for (const grp of ['All', 'Woman']) {
        const r = pick(rows, { outcome: 'promotion', grp });
        expect(r).toMatchObject({ participants: 8, observed: 3, non_participants: 9, suppressed: false });
        expect(r.expected).toBeCloseTo(8 / 3, 12);
        expect(r.lift).toBeCloseTo(1.125, 12);
      }
    });
  });
});
