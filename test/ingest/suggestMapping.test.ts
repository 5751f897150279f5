import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { suggestMapping } from '../../src/ingest/suggestMapping';
import { FIELD_ALIASES, normalizeHeader } from '../../src/ingest/aliases';
import { inspectFile } from '../../src/ingest/inspectFile';
import { importFiles } from '../../src/ingest/importFiles';
import { addLabelMerge } from '../../src/workspace/settings';
import { withTempWorkspace } from '../helpers/tempWorkspace';

const cols = (headers: string[], rows: string[][] = []) => headers.map((name, i) => ({ name, samples: rows.map((r) => r[i]).filter(Boolean) }));

describe('mapping suggestions', () => {
  it('knows at least 10 distinct vendor names for every common field', () => {
    const common: [string, string][] = [
      ['people', 'person_id'], ['people', 'snapshot_date'], ['people', 'hire_date'], ['people', 'termination_date'], ['people', 'level'],
      ['people', 'department'], ['people', 'location'], ['people', 'job_family'], ['people', 'employment_type'], ['people', 'manager_id'],
      ['people', 'gender'], ['people', 'race_ethnicity'], ['job_events', 'effective_date'], ['job_events', 'event_type'],
      ['programs', 'program_id'], ['programs', 'name'], ['programs', 'layer'], ['enrollments', 'role'], ['enrollments', 'status'],
      ['matches', 'match_id'], ['matches', 'mentor_id'], ['matches', 'mentee_id'], ['matches', 'matched_date'],
      ['sessions', 'session_id'], ['sessions', 'date'], ['sessions', 'duration_minutes'], ['feedback', 'rating'], ['goals', 'goal_id'],
    ];
    for (const [table, field] of common) {
      const names = new Set((FIELD_ALIASES as Record<string, Record<string, string[]>>)[table][field].map(normalizeHeader));
      names.delete(field);
      expect(names.size, `${table}.${field}`).toBeGreaterThanOrEqual(10);
    }
  });

  it.each([
    ['Workday', ['Employee ID', 'Legal Name', 'As Of Date', 'Management Level', 'Supervisory Organization', 'Primary Work Location', 'Gender', 'Race/Ethnicity (Locale Sensitive)', 'Original Hire Date', 'Termination Date', 'Worker Type', 'Manager Employee ID'],
      { person_id: 'Employee ID', snapshot_date: 'As Of Date', level: 'Management Level', department: 'Supervisory Organization', location: 'Primary Work Location', gender: 'Gender', race_ethnicity: 'Race/Ethnicity (Locale Sensitive)', hire_date: 'Original Hire Date', termination_date: 'Termination Date', employment_type: 'Worker Type', manager_id: 'Manager Employee ID' }],
    ['BambooHR', ['Employee #', 'First Name', 'Last Name', 'Hire Date', 'Department', 'Division', 'Job Level', 'Gender', 'Ethnicity', 'Employment Status', 'Reports To'],
      { person_id: 'Employee #', hire_date: 'Hire Date', department: 'Department', level: 'Job Level', gender: 'Gender', race_ethnicity: 'Ethnicity', employment_type: 'Employment Status', manager_id: 'Reports To' }],
    ['SuccessFactors', ['Person ID External', 'Effective As Of', 'Pay Grade', 'Org Unit', 'Gender', 'Ethnic Group', 'Date of Hire', 'Line Manager ID', 'Employee Class'],
      { person_id: 'Person ID External', snapshot_date: 'Effective As Of', level: 'Pay Grade', department: 'Org Unit', gender: 'Gender', race_ethnicity: 'Ethnic Group', hire_date: 'Date of Hire', manager_id: 'Line Manager ID', employment_type: 'Employee Class' }],
  ])('maps a %s roster header', (_vendor, headers, expected) => {
    const s = suggestMapping(cols(headers));
    expect(s.table).toBe('people');
    expect(s.columns).toEqual(expected);
  });

  it.each([
    ['Chronus matches', ['Connection ID', 'Program', 'Mentor Employee ID', 'Mentee Employee ID', 'Connection Start Date', 'Connection Status'], 'matches',
      { match_id: 'Connection ID', program_id: 'Program', mentor_id: 'Mentor Employee ID', mentee_id: 'Mentee Employee ID', matched_date: 'Connection Start Date', status: 'Connection Status' }],
    ['Together sessions', ['Meeting ID', 'Meeting Date', 'Session Type', 'Organizer ID', 'Meeting Duration'], 'sessions',
      { session_id: 'Meeting ID', date: 'Meeting Date', layer: 'Session Type', host_id: 'Organizer ID', duration_minutes: 'Meeting Duration' }],
    ['Together coaching log', ['Coach', 'Coachee', 'Date', 'Minutes', 'Topic'], 'coaching_log', { coach_id: 'Coach', coachee_id: 'Coachee', date: 'Date', minutes: 'Minutes' }],
    ['Chronus enrollments', ['Participant ID', 'Program Code', 'Participant Role', 'Applied On', 'Enrollment Status'], 'enrollments',
      { person_id: 'Participant ID', program_id: 'Program Code', role: 'Participant Role', applied_date: 'Applied On', status: 'Enrollment Status' }],
  ])('maps a %s header', (_what, headers, table, expected) => {
    const s = suggestMapping(cols(headers));
    expect(s.table).toBe(table);
    expect(s.columns).toEqual(expected);
  });

  it('reads ids, levels, gender and race from the values when the headers say nothing, and says so', () => {
    const s = suggestMapping(cols(['Col A', 'Col B', 'Col C', 'Col D', 'Col E'], [
      ['EMP-0001', 'IC2', 'F', 'Asian', '2025-06-30'],
      ['EMP-0002', 'IC3', 'M', 'White', '2025-06-30'],
      ['EMP-0003', 'IC2', 'Female', 'Black', '2025-06-30'],
      ['EMP-0004', 'IC4', 'Non-binary', 'Hispanic or Latino', '2025-06-30'],
    ]));
    expect(s.table).toBe('people');
    expect(s.columns).toEqual({ person_id: 'Col A', level: 'Col B', gender: 'Col C', race_ethnicity: 'Col D', snapshot_date: 'Col E' });
    expect(s.basis).toEqual({ person_id: 'values', level: 'values', gender: 'values', race_ethnicity: 'values', snapshot_date: 'values' });
  });

  it('flags names, e-mails and comments as sensitive, but not a program name', () => {
    expect(suggestMapping(cols(['Employee ID', 'Full Name', 'Contact', 'Job Level', 'Notes'], [['E1', 'Ann', 'ann@example.com', 'L1', 'x']])).sensitive)
      .toEqual(['Full Name', 'Contact', 'Notes']);
    expect(suggestMapping(cols(['Program ID', 'Program Name', 'Program Type'])).sensitive).toEqual([]);
  });

  it('reuses the saved profile, automatically, for a file with the same header (spelled differently)', async () => {
    await withTempWorkspace(async (ws, dir) => {
      const a = join(dir, 'march.csv');
      const b = join(dir, 'june.csv');
      writeFileSync(a, 'Worker,Snap,Band,Sex\nE100,2025-03-31,B1,F\nE101,2025-03-31,B2,M\n');
      writeFileSync(b, 'worker ,SNAP,band,sex\nE100,2025-06-30,B2,F\n');
      const profile = { table: 'people' as const, columns: { person_id: 'Worker', snapshot_date: 'Snap', level: 'Band', gender: 'Sex' } };
      expect((await inspectFile(a, { ws })).savedProfile).toBeNull();
      expect((await importFiles(ws, [{ path: a, profile }])).ok).toBe(true);
      const again = await inspectFile(b, { ws });
      // The saved profile, pointed at this file's own spelling of the same columns: it imports it.
      expect(again.savedProfile).toMatchObject({ ...profile, columns: { person_id: again.columns[0], snapshot_date: 'SNAP', level: 'band', gender: 'sex' } });
      expect(again.headerSignature).toBe((await inspectFile(a, { ws })).headerSignature);
      expect((await importFiles(ws, [{ path: b, profile: again.savedProfile! }])).ok).toBe(true);
    });
  });

  it('a label merge applies to the rows already imported and to later imports', async () => {
    await withTempWorkspace(async (ws, dir) => {
      const a = join(dir, 'a.csv');
      writeFileSync(a, 'Employee ID,As Of Date,Job Level,Gender\nE1,2025-03-31,L1,Femme\nE2,2025-03-31,L1,Man\n');
      await importFiles(ws, [{ path: a, profile: { table: 'people', columns: { person_id: 'Employee ID', snapshot_date: 'As Of Date', level: 'Job Level', gender: 'Gender' } } }]);
      expect(await addLabelMerge(ws, { dimension: 'gender', from: ' FEMME ', to: 'Woman' })).toEqual({ rowsUpdated: 1 });
      const b = join(dir, 'b.csv');
      writeFileSync(b, 'Employee ID,As Of Date,Job Level,Gender\nE1,2025-06-30,L1,femme\n');
      await importFiles(ws, [{ path: b, profile: { table: 'people', columns: { person_id: 'Employee ID', snapshot_date: 'As Of Date', level: 'Job Level', gender: 'Gender' } } }]);
      expect(await ws.all('SELECT snapshot_date::VARCHAR AS d, gender FROM people ORDER BY 1, 2')).toEqual([
        { d: '2025-03-31', gender: 'Man' }, { d: '2025-03-31', gender: 'Woman' }, { d: '2025-06-30', gender: 'Woman' },
      ]);
    });
  });
});
