import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { importFiles } from '../../src/ingest/importFiles';
import type { ImportTable } from '../../src/ingest/mappingProfile';
import { REFERENCES } from '../../src/ingest/tableRules';
import { cli } from '../helpers/runCli';
import { Workspace } from '../../src/workspace/workspace';
import { withTempWorkspace, tempDir } from '../helpers/tempWorkspace';
import { workspaceFingerprint } from './workspaceFingerprint';

/**
 * A file whose row refers to a person, program, match or session the workspace does not have:
 * that row is rejected with file, row and column (never an internal SQL error), the whole
 * import refused without onInvalid 'skip', the other rows landed with it. One case per
 * reference of every table that has references, each in a workspace on disk.
 */

const roster = 'Employee ID,As Of Date,Job Level\nE001,2026-06-30,1\nE002,2026-06-30,2\nE003,2026-06-30,3\n';
const programs = 'Program ID,Name,Layer\nP1,Mentoring,formal\nP2,Circles,peer\n';
const matches = 'Match ID,Program ID,Mentor ID,Mentee ID\nM1,P1,E001,E002\n';
const sessions = 'Session ID,Date,Layer,Program ID,Match ID,Host ID\nS1,2026-02-01,formal,P1,M1,E001\n';

interface Case {
  table: ImportTable;
  /** The reference's field, and the file's column mapped to it. */
  field: string;
  column: string;
  columns: Record<string, string>;
  /** Header, a valid row (row 2), the row with the unknown reference (row 3). */
  csv: string;
  reason: string;
  /** Tables one landed row adds to. */
  lands: string[];
}

const unknownPerson = (what: string) => `unknown ${what}: not in any roster snapshot`;
const unknownIn = (what: string, table: string) => `unknown ${what}: not in the imported ${table}`;

const CASES: Case[] = [
  {
    table: 'job_events', field: 'person_id', column: 'Employee ID', reason: unknownPerson('person'), lands: ['job_events'],
    columns: { person_id: 'Employee ID', effective_date: 'Effective Date', event_type: 'Event' },
    csv: 'Employee ID,Effective Date,Event\nE001,2026-03-01,promotion\nE999,2026-03-01,promotion\n',
  },
  {
    table: 'enrollments', field: 'person_id', column: 'Employee ID', reason: unknownPerson('person'), lands: ['enrollments'],
    columns: { person_id: 'Employee ID', program_id: 'Program ID', role: 'Role' },
    csv: 'Employee ID,Program ID,Role\nE001,P1,mentee\nE999,P1,mentor\n',
  },
  {
    table: 'enrollments', field: 'program_id', column: 'Program ID', reason: unknownIn('program', 'programs'), lands: ['enrollments'],
    columns: { person_id: 'Employee ID', program_id: 'Program ID', role: 'Role' },
    csv: 'Employee ID,Program ID,Role\nE002,P2,participant\nE003,P9,participant\n',
  },
  ...(['mentor_id', 'mentee_id', 'program_id'] as const).map((field, i): Case => {
    const bad = { mentor_id: 'M12,P1,E999,E003', mentee_id: 'M12,P1,E003,E999', program_id: 'M12,P9,E003,E001' }[field];
    return {
      table: 'matches', field, column: { mentor_id: 'Mentor ID', mentee_id: 'Mentee ID', program_id: 'Program ID' }[field],
      reason: field === 'program_id' ? unknownIn('program', 'programs') : unknownPerson(field === 'mentor_id' ? 'mentor' : 'mentee'),
      lands: ['matches'],
      columns: { match_id: 'Match ID', program_id: 'Program ID', mentor_id: 'Mentor ID', mentee_id: 'Mentee ID' },
      csv: `Match ID,Program ID,Mentor ID,Mentee ID\nM1${i},P1,E002,E003\n${bad.replace('M12', `M2${i}`)}\n`,
    };
  }),
  ...(['match_id', 'program_id', 'host_id'] as const).map((field, i): Case => {
    const bad = { match_id: 'P1,M9,E001', program_id: 'P9,M1,E001', host_id: 'P1,M1,E999' }[field];
    return {
      table: 'sessions', field, column: { match_id: 'Match ID', program_id: 'Program ID', host_id: 'Host ID' }[field],
      reason: { match_id: unknownIn('match', 'matches'), program_id: unknownIn('program', 'programs'), host_id: unknownPerson('host') }[field],
      lands: ['sessions'],
      columns: { session_id: 'Session ID', date: 'Date', layer: 'Layer', program_id: 'Program ID', match_id: 'Match ID', host_id: 'Host ID' },
      csv: `Session ID,Date,Layer,Program ID,Match ID,Host ID\nS1${i},2026-03-01,formal,P1,M1,E001\nS2${i},2026-03-02,formal,${bad}\n`,
    };
  }),
  {
    table: 'session_attendees', field: 'session_id', column: 'Session ID', reason: unknownIn('session', 'sessions'), lands: ['session_attendees'],
    columns: { session_id: 'Session ID', person_id: 'Employee ID' },
    csv: 'Session ID,Employee ID\nS1,E002\nS9,E003\n',
  },
  {
    table: 'session_attendees', field: 'person_id', column: 'Employee ID', reason: unknownPerson('attendee'), lands: ['session_attendees'],
    columns: { session_id: 'Session ID', person_id: 'Employee ID' },
    csv: 'Session ID,Employee ID\nS1,E003\nS1,E999\n',
  },
  {
    table: 'feedback', field: 'session_id', column: 'Session ID', reason: unknownIn('session', 'sessions'), lands: ['feedback'],
    columns: { session_id: 'Session ID', rating: 'Rating' },
    csv: 'Session ID,Rating\nS1,4\nS9,5\n',
  },
  {
    table: 'feedback', field: 'match_id', column: 'Match ID', reason: unknownIn('match', 'matches'), lands: ['feedback'],
    columns: { match_id: 'Match ID', rating: 'Rating' },
    csv: 'Match ID,Rating\nM1,3\nM9,5\n',
  },
  {
    table: 'goals', field: 'person_id', column: 'Employee ID', reason: unknownPerson('person'), lands: ['goals'],
    columns: { goal_id: 'Goal ID', person_id: 'Employee ID', set_date: 'Set Date', status: 'Status', match_id: 'Match ID' },
    csv: 'Goal ID,Employee ID,Set Date,Status,Match ID\nG1,E002,2026-01-10,on_track,M1\nG2,E999,2026-01-11,at_risk,M1\n',
  },
  {
    table: 'goals', field: 'match_id', column: 'Match ID', reason: unknownIn('match', 'matches'), lands: ['goals'],
    columns: { goal_id: 'Goal ID', person_id: 'Employee ID', set_date: 'Set Date', status: 'Status', match_id: 'Match ID' },
    csv: 'Goal ID,Employee ID,Set Date,Status,Match ID\nG3,E002,2026-01-10,on_track,M1\nG4,E002,2026-01-11,at_risk,M9\n',
  },
  ...(['coach_id', 'coachee_id'] as const).map((field, i): Case => ({
    table: 'coaching_log', field, column: field === 'coach_id' ? 'Coach' : 'Coachee',
    reason: unknownPerson(field === 'coach_id' ? 'coach' : 'coachee'), lands: ['sessions', 'session_attendees'],
    columns: { coach_id: 'Coach', coachee_id: 'Coachee', date: 'Date', minutes: 'Minutes' },
    csv: `Coach,Coachee,Date,Minutes\nE001,E003,2026-04-0${i + 1},30\n${field === 'coach_id' ? 'E999,E003' : 'E001,E999'},2026-04-0${i + 1},45\n`,
  })),
];

const personField = (table: ImportTable, field: string) => (REFERENCES[table] ?? []).some((r) => r.field === field && r.target === 'people');

async function counts(ws: Workspace): Promise<Record<string, number>> {
  const rows = await ws.all<{ t: string; n: bigint }>(['job_events', 'enrollments', 'matches', 'sessions', 'session_attendees', 'feedback', 'goals']
    .map((t) => `SELECT '${t}' AS t, count(*) AS n FROM ${t}`).join(' UNION ALL '));
  return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
}

async function seed(ws: Workspace, dir: string): Promise<void> {
  const files: [string, string, ImportTable, Record<string, string>][] = [
    ['roster.csv', roster, 'people', { person_id: 'Employee ID', snapshot_date: 'As Of Date', level: 'Job Level' }],
    ['programs.csv', programs, 'programs', { program_id: 'Program ID', name: 'Name', layer: 'Layer' }],
    ['matches.csv', matches, 'matches', { match_id: 'Match ID', program_id: 'Program ID', mentor_id: 'Mentor ID', mentee_id: 'Mentee ID' }],
    ['sessions.csv', sessions, 'sessions', { session_id: 'Session ID', date: 'Date', layer: 'Layer', program_id: 'Program ID', match_id: 'Match ID', host_id: 'Host ID' }],
  ];
  for (const [name, text] of files) writeFileSync(join(dir, name), text);
  const report = await importFiles(ws, files.map(([name, , table, columns]) => ({ path: join(dir, name), profile: { table, columns } })));
  expect(report.ok).toBe(true);
}

describe('references to rows the workspace does not have', () => {
  it('every table with references is covered here', () => {
    const covered = new Set(CASES.map((c) => `${c.table}.${c.field}`));
    const all = Object.entries(REFERENCES).flatMap(([t, refs]) => refs!.map((r) => `${t}.${r.field}`));
    expect(all.filter((r) => !covered.has(r))).toEqual([]);
  });

  it('rejects the row with file, row and column; refuses the whole import without skip; lands the other rows with it', async () => {
    await withTempWorkspace(async (ws, dir) => {
      await seed(ws, dir);
      for (const [i, c] of CASES.entries()) {
        const file = `${c.table}_${c.field}_${i}.csv`;
        const path = join(dir, file);
        writeFileSync(path, c.csv);
        const request = [{ path, profile: { table: c.table, columns: c.columns } }];
        const expected = { file, row: 3, column: c.column, reason: c.reason, ...(personField(c.table, c.field) ? { value: null } : {}) };

        const before = await workspaceFingerprint(ws);
        const refused = await importFiles(ws, request);
        expect(refused.ok, file).toBe(false);
        expect(refused.files[0], file).toMatchObject({ status: 'rejected', rowsImported: 0, rejected: 1 });
        expect(refused.rejects, file).toHaveLength(1);
        expect(refused.rejects[0], file).toMatchObject(expected);
        expect(await workspaceFingerprint(ws), file).toEqual(before);

        const n0 = await counts(ws);
        const skipped = await importFiles(ws, request, { onInvalid: 'skip' });
        expect(skipped.files[0], file).toMatchObject({ status: 'imported', rowsImported: 1, rejected: 1 });
        expect(skipped.rejects[0], file).toMatchObject(expected);
        const n1 = await counts(ws);
        for (const t of Object.keys(n0)) expect(n1[t] - n0[t], `${file}: ${t}`).toBe(c.lands.includes(t) ? 1 : 0);
      }
    });
  });

  it('the command line prints the reject with file, row and column and no id; without --skip-invalid nothing lands (workspace on disk, reopened)', async () => {
    const t = tempDir();
    try {
      const wsPath = join(t.dir, 'w.duckdb');
      const ws = await Workspace.open(wsPath);
      try { await seed(ws, t.dir); } finally { ws.close(); }
      const enr = join(t.dir, 'enr.csv');
      writeFileSync(enr, 'Employee ID,Program ID,Role\nE001,P1,mentee\nE999,P1,mentor\n');
      const profile = join(t.dir, 'enr.json');
      writeFileSync(profile, JSON.stringify({ table: 'enrollments', columns: { person_id: 'Employee ID', program_id: 'Program ID', role: 'Role' } }));

      for (const skip of [false, true]) {
        const r = await run(['import', enr, '--workspace', wsPath, '--mapping', profile, ...(skip ? ['--skip-invalid'] : [])]);
        expect(r.code).toBe(3);
        expect(r.err).toContain('enr.csv, row 3, column "Employee ID": unknown person: not in any roster snapshot');
        expect(r.err).not.toMatch(/Binder Error|E999/);
        expect(r.out).toContain(skip ? 'enr.csv: imported, 1 rows into enrollments, 1 rejected' : 'enr.csv: rejected, 0 rows into enrollments, 1 rejected');
        const again = await Workspace.open(wsPath);
        try { expect((await counts(again)).enrollments).toBe(skip ? 1 : 0); } finally { again.close(); }
      }
    } finally { t.cleanup(); }
  });
});

const run = (args: string[]) => cli(...args);
