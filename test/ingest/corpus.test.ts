import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { importFiles, type ImportOptions } from '../../src/ingest/importFiles';
import { inspectFile } from '../../src/ingest/inspectFile';
import type { MappingProfileInput } from '../../src/ingest/mappingProfile';
import { setLevelOrder } from '../../src/workspace/settings';
import { workspaceInfo } from '../../src/api/workspaceInfo';
import type { Workspace } from '../../src/workspace/workspace';
import { withTempWorkspace } from '../helpers/tempWorkspace';
import { workspaceFingerprint } from './workspaceFingerprint';

// Every file of test/fixtures/ingest/corpus (written by generate.mts there) with its expected
// outcome: the rows that land, the rejects with row, column and reason, and an unchanged
// workspace where the import must fail. Expected values are read off the files by hand.

const fx = (name: string) => join(__dirname, '..', 'fixtures', 'ingest', 'corpus', name);
const pid = (ws: Workspace, id: string) => `p${createHash('sha256').update(ws.salt + id).digest('hex').slice(0, 20)}`;
const day = (d: unknown) => (d === null ? null : (d as Date).toISOString().slice(0, 10));

/** Imports one corpus file with the mapping suggested for it (plus overrides). */
async function importSuggested(ws: Workspace, file: string, extra: Partial<MappingProfileInput> = {}, options: ImportOptions = {}) {
  const inspection = await inspectFile(fx(file), { ws });
  const s = inspection.suggestion;
  const profile = { table: s.table!, columns: s.columns, sheet: inspection.sheet, headerRow: inspection.headerRow, ...extra } as MappingProfileInput;
  return { inspection, report: await importFiles(ws, [{ path: fx(file), profile }], options) };
}

/** The workday roster and the programs most mentorship files refer to. */
async function withBase(ws: Workspace) {
  expect((await importSuggested(ws, 'workday_roster_bom_crlf.csv')).report.ok).toBe(true);
  expect((await importSuggested(ws, 'chronus_programs.json')).report.ok).toBe(true);
}

/** Asserts that `fn` leaves the workspace exactly as it was (every table's rows hashed). */
async function unchangedBy(ws: Workspace, fn: () => Promise<unknown>) {
  const before = await workspaceFingerprint(ws);
  await fn();
  expect(await workspaceFingerprint(ws)).toEqual(before);
}

const peopleOf = (ws: Workspace, cols = 'person_id, level_rank, level_label, gender, race_ethnicity, department, location') =>
  ws.all<Record<string, unknown>>(`SELECT ${cols} FROM people ORDER BY level_rank, person_id`);

describe('import corpus: HRIS rosters', () => {
  it('Workday export with BOM and CRLF: header read cleanly, names and e-mails dropped', async () => {
    await withTempWorkspace(async (ws) => {
      const { inspection, report } = await importSuggested(ws, 'workday_roster_bom_crlf.csv');
      expect(inspection.columns[0]).toBe('Employee ID');
      expect(inspection.suggestion.sensitive).toEqual(['Legal Name', 'Work Email']);
      expect(report.files[0]).toMatchObject({ status: 'imported', rowsRead: 5, rowsImported: 5, rejected: 0 });
      const rows = await ws.all<Record<string, unknown>>('SELECT person_id, gender, race_ethnicity, location, hire_date FROM people');
      const byId = Object.fromEntries(rows.map((r) => [r.person_id, r]));
      expect(byId[pid(ws, 'W1001')]).toMatchObject({ gender: 'Woman', race_ethnicity: 'Asian', location: 'London' });
      expect(day(byId[pid(ws, 'W1001')].hire_date)).toBe('2021-03-01');
      expect(byId[pid(ws, 'W1005')]).toMatchObject({ gender: 'Non-binary', location: 'Berlin' });
      const dump = JSON.stringify(await ws.all('SELECT * EXCLUDE (extra_dims) FROM people'), (_k, v) => (typeof v === 'bigint' ? Number(v) : v));
      for (const secret of ['W1001', 'Ada Brook', 'ada@example.com']) expect(dump).not.toContain(secret);
    });
  });

  it('BambooHR export: semicolons, day.month.year dates, snapshot date given at import', async () => {
    await withTempWorkspace(async (ws) => {
      const { inspection, report } = await importSuggested(ws, 'bamboohr_roster_semicolon.csv', { snapshotDate: '2025-06-30' });
      expect(inspection.dialect).toMatchObject({ delimiter: ';', encoding: 'utf-8' });
      expect(inspection.suggestion.sensitive).toEqual(['First Name', 'Last Name']);
      expect(report.ok).toBe(true);
      // The detected dialect can be overridden: read with commas, the whole line is one column.
      expect((await inspectFile(fx('bamboohr_roster_semicolon.csv'), { delimiter: ',' })).columns).toHaveLength(1);
      const rows = await ws.all<Record<string, unknown>>('SELECT level_rank, hire_date, snapshot_date, employment_type FROM people ORDER BY level_rank');
      expect(rows.map((r) => [r.level_rank, day(r.hire_date), day(r.snapshot_date), r.employment_type])).toEqual([
        [1, '2023-06-13', '2025-06-30', 'Full-Time'], [2, '2022-09-01', '2025-06-30', 'Full-Time'],
        [3, '2020-01-15', '2025-06-30', 'Full-Time'], [4, '2019-02-28', '2025-06-30', 'Part-Time'],
      ]);
    });
  });

  it('SuccessFactors export: tabs, grade labels ordered by their numbers, manager ids pseudonymized like person ids', async () => {
    await withTempWorkspace(async (ws) => {
      const { inspection, report } = await importSuggested(ws, 'successfactors_roster_tab.tsv');
      expect(inspection.dialect?.delimiter).toBe('\t');
      expect(report.files[0].notes).toContain("level order taken from the labels' numbers: G3 < G4 < G5");
      const rows = await ws.all<Record<string, unknown>>('SELECT person_id, manager_id, level_rank, level_label, gender FROM people ORDER BY level_rank');
      expect(rows).toEqual([
        { person_id: pid(ws, 'S-101'), manager_id: pid(ws, 'S-100'), level_rank: 3, level_label: 'G3', gender: 'Man' },
        { person_id: pid(ws, 'S-102'), manager_id: pid(ws, 'S-100'), level_rank: 4, level_label: 'G4', gender: 'Woman' },
        { person_id: pid(ws, 'S-100'), manager_id: null, level_rank: 5, level_label: 'G5', gender: 'Woman' },
      ]);
    });
  });

  it('Windows-1252 file: read as Latin-1, accented letters intact', async () => {
    await withTempWorkspace(async (ws) => {
      const { inspection, report } = await importSuggested(ws, 'roster_latin1.csv');
      expect(inspection.dialect?.encoding).toBe('latin-1');
      expect((await inspectFile(fx('roster_latin1.csv'), { encoding: 'latin-1' })).preview[1][4]).toBe('Zürich');
      expect(inspection.preview[0]).toEqual(['L1', '2025-06-30', 'L2', 'Recherche & Développement', 'São Paulo', 'Female']);
      expect(report.files[0].notes).toContain('the file is not UTF-8; read it as Latin-1 (Windows-1252)');
      expect(await ws.all('SELECT DISTINCT department, location FROM people ORDER BY 1')).toEqual([
        { department: 'Müller Büro', location: 'Zürich' }, { department: 'Recherche & Développement', location: 'São Paulo' },
      ]);
    });
  });

  it('quoted values with commas, doubled quotes and line breaks: one record each, the comment column dropped', async () => {
    await withTempWorkspace(async (ws) => {
      const { inspection, report } = await importSuggested(ws, 'roster_quoted_newlines.csv');
      expect(inspection.suggestion.sensitive).toEqual(['Manager Comments']);
      expect(report.files[0]).toMatchObject({ rowsRead: 4, rowsImported: 4 });
      expect(await ws.all('SELECT department, count(*)::INTEGER AS n FROM people GROUP BY 1 ORDER BY 1')).toEqual([
        { department: 'Sales, EMEA', n: 2 }, { department: 'Support', n: 2 },
      ]);
      expect(JSON.stringify(await ws.all('SELECT * EXCLUDE (extra_dims) FROM people', undefined), (_k, v) => (typeof v === 'bigint' ? 0 : v))).not.toContain('mentor');
    });
  });

  it('Excel report with title rows: the header row is found (row 4) and Excel dates read as dates', async () => {
    await withTempWorkspace(async (ws) => {
      const { inspection, report } = await importSuggested(ws, 'roster_title_rows.xlsx');
      expect(inspection).toMatchObject({ format: 'xlsx', sheet: 'Headcount', headerRow: 4 });
      expect(inspection.sheets?.[0].rows[0][0]).toBe('Headcount report — all employees');
      expect(report.files[0].notes).toContain('read sheet "Headcount" with its header on row 4');
      const rows = await ws.all<Record<string, unknown>>('SELECT level_label, department, gender, hire_date, snapshot_date FROM people ORDER BY hire_date');
      expect(rows.map((r) => [r.level_label, r.department, r.gender, day(r.hire_date), day(r.snapshot_date)])).toEqual([
        ['L2', 'Engineering', 'Man', '2018-09-17', '2025-06-30'],
        ['L1', 'Engineering', 'Woman', '2020-04-01', '2025-06-30'],
        ['L2', 'Finance', 'Woman', '2021-12-06', '2025-06-30'],
      ]);
    });
  });

  it('Excel workbook whose roster is on its second sheet: that sheet is offered and imported', async () => {
    await withTempWorkspace(async (ws) => {
      const { inspection, report } = await importSuggested(ws, 'roster_two_sheets.xlsx');
      expect(inspection.sheets?.map((s) => s.sheet)).toEqual(['Summary', 'Employees']);
      expect(inspection.sheet).toBe('Employees');
      expect(report.ok).toBe(true);
      expect(await ws.all('SELECT level_rank, department, gender FROM people ORDER BY level_rank')).toEqual([
        { level_rank: 1, department: 'Finance', gender: 'Woman' }, { level_rank: 2, department: 'Engineering', gender: 'Woman' },
        { level_rank: 3, department: 'Engineering', gender: 'Man' },
      ]);
      // Asking for the first sheet explicitly shows it has no roster.
      const summary = await inspectFile(fx('roster_two_sheets.xlsx'), { sheet: 'Summary' });
      expect(summary.columns).toEqual(['Department', 'Headcount']);
      expect(summary.suggestion.table).toBeNull();
    });
  });

  it('10,000 columns: the three mapped ones are found wherever they are', async () => {
    await withTempWorkspace(async (ws) => {
      const { inspection, report } = await importSuggested(ws, 'roster_10000_columns.csv');
      expect(inspection.columns).toHaveLength(10_000);
      expect(inspection.suggestion.columns).toEqual({ person_id: 'Employee ID', snapshot_date: 'As Of Date', level: 'Job Level', gender: 'Gender' });
      expect(report.files[0]).toMatchObject({ rowsImported: 3, rejected: 0 });
      expect(await ws.all('SELECT level_label, gender FROM people ORDER BY level_rank')).toEqual([
        { level_label: 'L1', gender: 'Woman' }, { level_label: 'L2', gender: 'Man' }, { level_label: 'L3', gender: 'Woman' },
      ]);
    });
  });

  it('equity labels as people type them: trimmed, case-folded, synonyms merged, an extra dimension declared', async () => {
    await withTempWorkspace(async (ws) => {
      const { report } = await importSuggested(ws, 'roster_labels_messy.csv', { extraDimensions: { veteran_status: 'Veteran Status' } });
      expect(report.ok).toBe(true);
      const rows = await ws.all<Record<string, unknown>>("SELECT person_id, gender, race_ethnicity, element_at(extra_dims, 'veteran_status')[1] AS veteran FROM people");
      const byId = Object.fromEntries(rows.map((r) => [r.person_id, [r.gender, r.race_ethnicity, r.veteran]]));
      expect([1, 2, 3, 4, 5, 6].map((i) => byId[pid(ws, `G${i}`)])).toEqual([
        ['Woman', 'Black or African American', 'Yes'],
        ['Woman', 'White', 'No'],
        ['Woman', 'White', 'Yes'],
        ['Man', 'Asian', 'No'],
        ['Man', 'Two or More Races', null],
        ['Prefer not to say', 'Prefer not to say', 'Declined'],
      ]);
      expect((await workspaceInfo(ws)).dimensions).toEqual(['gender', 'race_ethnicity', 'veteran_status']);
    });
  });

  it('blank rows are skipped and counted; the rows around them land', async () => {
    await withTempWorkspace(async (ws) => {
      const { report } = await importSuggested(ws, 'roster_blank_lines.csv');
      expect(report.files[0]).toMatchObject({ rowsImported: 3, rejected: 0 });
      expect(report.files[0].notes).toContain('3 blank rows skipped');
    });
  });
});

describe('import corpus: dates', () => {
  it('month/day/year is detected from days above 12', async () => {
    await withTempWorkspace(async (ws) => {
      const { report } = await importSuggested(ws, 'roster_dates_mdy.csv');
      expect(report.ok).toBe(true);
      const rows = await ws.all<Record<string, unknown>>('SELECT hire_date, snapshot_date FROM people ORDER BY hire_date');
      expect(rows.map((r) => [day(r.hire_date), day(r.snapshot_date)])).toEqual([
        ['2019-12-01', '2025-06-30'], ['2020-01-15', '2025-06-30'], ['2021-03-04', '2025-06-30'],
      ]);
    });
  });

  it('an ambiguous column (03/04/2025) stops the import until the user chooses; then reads as chosen', async () => {
    await withTempWorkspace(async (ws) => {
      await importSuggested(ws, 'roster_labels_messy.csv');
      await unchangedBy(ws, async () => {
        await expect(importSuggested(ws, 'roster_dates_ambiguous.csv', { snapshotDate: '2025-06-30' })).rejects.toMatchObject({
          code: 'MAPPING_INVALID', where: { file: 'roster_dates_ambiguous.csv', column: 'Hire Date' },
        });
      });
      const { report } = await importSuggested(ws, 'roster_dates_ambiguous.csv', { snapshotDate: '2025-06-30', dateFormat: '%d/%m/%Y' });
      expect(report.ok).toBe(true);
      const rows = await ws.all<Record<string, unknown>>('SELECT hire_date FROM people WHERE snapshot_date = DATE \'2025-06-30\' AND hire_date IS NOT NULL ORDER BY hire_date');
      expect(rows.map((r) => day(r.hire_date))).toEqual(['2023-12-11', '2024-06-05', '2025-04-03']);
    });
  });

  it('a column mixing day-first and month-first: read as the majority, the other rows rejected by row and column', async () => {
    await withTempWorkspace(async (ws) => {
      const { report } = await importSuggested(ws, 'roster_dates_mixed.csv', {}, { onInvalid: 'skip' });
      expect(report.files[0].notes).toContain('column "Hire Date" mixes day-first and month-first dates; read as day/month, the others are rejected');
      expect(report.rejects).toEqual([
        { file: 'roster_dates_mixed.csv', row: 4, column: 'Hire Date', value: '04/28/2019', reason: 'not a date (expected e.g. 2025-03-31)' },
      ]);
      const rows = await ws.all<Record<string, unknown>>('SELECT hire_date FROM people ORDER BY hire_date');
      expect(rows.map((r) => day(r.hire_date))).toEqual(['2017-02-01', '2018-03-15', '2020-03-25', '2021-04-30']);
    });
  });
});

describe('import corpus: rows that must be rejected', () => {
  it('duplicate ids in one snapshot (also after trimming): rejected, and with onInvalid fail nothing changes', async () => {
    await withTempWorkspace(async (ws) => {
      await importSuggested(ws, 'workday_roster_bom_crlf.csv');
      let failed;
      await unchangedBy(ws, async () => { failed = (await importSuggested(ws, 'roster_duplicate_ids.csv')).report; });
      expect(failed!).toMatchObject({ ok: false, rejectedTotal: 2 });
      expect(failed!.files[0]).toMatchObject({ status: 'rejected', rowsImported: 0, rowsValid: 3, importId: null });
      expect(failed!.rejects).toEqual([
        { file: 'roster_duplicate_ids.csv', row: 4, column: 'Employee ID', value: null, reason: 'duplicate of row 2' },
        { file: 'roster_duplicate_ids.csv', row: 5, column: 'Employee ID', value: null, reason: 'duplicate of row 3' },
      ]);
      const { report } = await importSuggested(ws, 'roster_duplicate_ids.csv', {}, { onInvalid: 'skip' });
      expect(report.files[0]).toMatchObject({ status: 'imported', rowsImported: 3, rejected: 2 });
      expect(await ws.all("SELECT count(*)::INTEGER AS n FROM people WHERE import_id = (SELECT max(import_id) FROM imports)")).toEqual([{ n: 3 }]);
    });
  });

  it('unknown level labels: every row rejected until the order is set once, then the same file lands', async () => {
    await withTempWorkspace(async (ws) => {
      await unchangedBy(ws, async () => {
        const { report } = await importSuggested(ws, 'roster_unknown_levels.csv');
        expect(report.rejects.map((r) => [r.row, r.column, r.value, r.reason])).toEqual([2, 3, 4, 5].map((row, i) => [
          row, 'Career Level', ['Associate', 'Senior Associate', 'Director', 'associate'][i], "level label has no place in the workspace's level order",
        ]));
        expect(report.files[0].notes[0]).toMatch(/^roster_unknown_levels\.csv: level labels without a known order \(Associate, Senior Associate, Director/);
      });
      await setLevelOrder(ws, [{ label: 'Associate', rank: 1 }, { label: 'Senior Associate', rank: 2 }, { label: 'Director', rank: 3 }]);
      const { report } = await importSuggested(ws, 'roster_unknown_levels.csv');
      expect(report.ok).toBe(true);
      expect(await ws.all('SELECT level_rank, level_label FROM people ORDER BY level_rank, level_label')).toEqual([
        { level_rank: 1, level_label: 'Associate' }, { level_rank: 1, level_label: 'associate' },
        { level_rank: 2, level_label: 'Senior Associate' }, { level_rank: 3, level_label: 'Director' },
      ]);
    });
  });

  it('a truncated last line is rejected as a line; the rows before it land', async () => {
    await withTempWorkspace(async (ws) => {
      const { inspection } = await importSuggested(ws, 'roster_truncated.csv', {}, { dryRun: true });
      expect(inspection.dialect?.delimiter).toBe(',');
      await unchangedBy(ws, async () => {
        const { report } = await importSuggested(ws, 'roster_truncated.csv');
        expect(report.rejects).toEqual([
          { file: 'roster_truncated.csv', row: 4, column: '(line)', value: null, reason: 'the line has fewer fields than the header (cut off?)' },
        ]);
      });
      const { report } = await importSuggested(ws, 'roster_truncated.csv', {}, { onInvalid: 'skip' });
      expect(report.files[0]).toMatchObject({ rowsRead: 3, rowsImported: 2, rejected: 1 });
    });
  });

  it('enrollments: vendor words for roles and statuses accepted, unknown ones rejected with the allowed values', async () => {
    await withTempWorkspace(async (ws) => {
      await withBase(ws);
      const { report } = await importSuggested(ws, 'enrollments_unknown_enum.csv', {}, { onInvalid: 'skip' });
      expect(report.rejects).toEqual([
        { file: 'enrollments_unknown_enum.csv', row: 5, column: 'Participant Role', value: 'Buddy', reason: 'not one of: mentee, mentor, participant, facilitator, coach' },
        { file: 'enrollments_unknown_enum.csv', row: 6, column: 'Enrollment Status', value: 'On hold', reason: 'not one of: applied, waitlisted, matched, active, completed, withdrawn' },
      ]);
      const rows = await ws.all<Record<string, unknown>>('SELECT person_id, role, status FROM enrollments');
      expect(Object.fromEntries(rows.map((r) => [r.person_id, `${r.role}/${r.status}`]))).toEqual({
        [pid(ws, 'W1001')]: 'mentee/active', [pid(ws, 'W1002')]: 'mentor/active', [pid(ws, 'W1003')]: 'mentee/waitlisted',
      });
    });
  });

  it('matches: a mentor in no roster, a self-match and an end before the start are rejected; the rest lands', async () => {
    await withTempWorkspace(async (ws) => {
      await withBase(ws);
      const { report } = await importSuggested(ws, 'chronus_matches.csv', {}, { onInvalid: 'skip' });
      expect(report.rejects).toEqual([
        { file: 'chronus_matches.csv', row: 3, column: 'Mentor Employee ID', value: null, reason: 'unknown mentor: not in any roster snapshot' },
        { file: 'chronus_matches.csv', row: 4, column: 'Mentee Employee ID', value: null, reason: 'mentor and mentee are the same person' },
        { file: 'chronus_matches.csv', row: 5, column: 'Ended On', value: '2025-01-01', reason: 'end_date is before matched_date (2025-02-10)' },
      ]);
      expect(await ws.all('SELECT mentor_id, mentee_id, program_id, match_method FROM matches')).toEqual([
        { mentor_id: pid(ws, 'W1003'), mentee_id: pid(ws, 'W1001'), program_id: 'P-MENTOR', match_method: 'admin' },
      ]);
    });
  });

  it('job events: Workday business processes read as event types, an unknown one rejected', async () => {
    await withTempWorkspace(async (ws) => {
      await withBase(ws);
      const { report } = await importSuggested(ws, 'workday_job_events.csv', {}, { onInvalid: 'skip' });
      expect(report.rejects.map((r) => [r.row, r.column, r.value, r.reason])).toEqual([
        [6, 'Business Process Type', 'Secondment', 'not one of: hire, promotion, demotion, lateral, termination'],
      ]);
      const rows = await ws.all<Record<string, unknown>>('SELECT event_type, from_level, to_level, effective_date FROM job_events ORDER BY effective_date');
      expect(rows.map((r) => [r.event_type, r.from_level, r.to_level, day(r.effective_date)])).toEqual([
        ['hire', null, 1, '2021-03-01'], ['promotion', 1, 2, '2024-04-01'], ['lateral', 3, 3, '2024-09-01'], ['termination', 1, null, '2025-05-31'],
      ]);
      expect((await workspaceInfo(ws)).derivedEvents).toBe(false);
    });
  });

  it('sessions: durations that are not numbers or out of range, and a layer word nobody uses, are rejected', async () => {
    await withTempWorkspace(async (ws) => {
      await withBase(ws);
      const { report } = await importSuggested(ws, 'sessions_bad_numbers.csv', {}, { onInvalid: 'skip' });
      expect(report.rejects.map((r) => [r.row, r.column, r.value, r.reason])).toEqual([
        [4, 'Duration (min)', 'abc', 'not a number'],
        [5, 'Duration (min)', '-5', 'out of range (0 to 1440)'],
        [6, 'Session Type', 'Webinar', 'not one of: formal, peer, informal'],
      ]);
      expect(report.files[0].notes).toContain('not checked against other tables: matches (no matches imported yet)');
      expect(await ws.all('SELECT layer, duration_minutes FROM sessions ORDER BY date')).toEqual([
        { layer: 'formal', duration_minutes: 45 }, { layer: 'peer', duration_minutes: 60.5 },
      ]);
    });
  });

  it('feedback on a 1-10 scale: rescaled to 1-5, a rating of 11 and a rating tied to nothing rejected, comments dropped', async () => {
    await withTempWorkspace(async (ws) => {
      await withBase(ws);
      const { inspection, report } = await importSuggested(ws, 'qooper_feedback_1to10.csv', { ratingScale: '1-10' }, { onInvalid: 'skip' });
      expect(inspection.suggestion.sensitive).toEqual(['Comments']);
      expect(report.rejects.map((r) => [r.row, r.column, r.value, r.reason])).toEqual([
        [4, 'Score', '11', 'rating outside the 1-10 scale'],
        [5, 'Connection ID', null, 'a rating needs a session or a match'],
      ]);
      // 1 + (r - 1) * 4 / 9: 10 -> 5, 7 -> 3.667
      const rows = await ws.all<{ rater_role: string; rating: number }>('SELECT rater_role, rating FROM feedback ORDER BY rating');
      expect(rows.map((r) => [r.rater_role, Math.round(r.rating * 1000) / 1000])).toEqual([['mentor', 3.667], ['mentee', 5]]);
    });
  });

  it('goals: due or completed before set are rejected; vendor status words read', async () => {
    await withTempWorkspace(async (ws) => {
      await withBase(ws);
      const { report } = await importSuggested(ws, 'goals_dates_out_of_order.csv', {}, { onInvalid: 'skip' });
      expect(report.rejects.map((r) => [r.row, r.column, r.value, r.reason])).toEqual([
        [3, 'Target Date', '2025-01-31', 'due_date is before set_date (2025-02-10)'],
        [4, 'Completed On', '2025-02-01', 'completed_date is before set_date (2025-03-01)'],
      ]);
      expect(await ws.all('SELECT person_id, status FROM goals')).toEqual([{ person_id: pid(ws, 'W1001'), status: 'on_track' }]);
    });
  });
});

describe('import corpus: files that must be refused whole', () => {
  it('a header without rows lands nothing and says so', async () => {
    await withTempWorkspace(async (ws) => {
      const { report } = await importSuggested(ws, 'header_only.csv');
      expect(report.files[0]).toMatchObject({ status: 'imported', rowsRead: 0, rowsImported: 0, rejected: 0 });
      expect(report.files[0].notes).toContain('the file has a header but no data rows');
      expect(await ws.all('SELECT count(*)::INTEGER AS n FROM people')).toEqual([{ n: 0 }]);
    });
  });

  it('an empty file, a text file named .xlsx, an export of another kind: refused, workspace unchanged', async () => {
    await withTempWorkspace(async (ws) => {
      await importSuggested(ws, 'workday_roster_bom_crlf.csv');
      const people = { table: 'people' as const, columns: { person_id: 'Employee ID', snapshot_date: 'As Of Date', level: 'Job Level' } };
      await unchangedBy(ws, async () => {
        await expect(inspectFile(fx('empty.csv'))).rejects.toMatchObject({ code: 'FILE_UNREADABLE', message: 'empty.csv is empty.' });
        await expect(importFiles(ws, [{ path: fx('empty.csv'), profile: people }])).rejects.toMatchObject({ code: 'FILE_UNREADABLE', where: { file: 'empty.csv' } });
        await expect(importFiles(ws, [{ path: fx('not_really.xlsx'), profile: people }])).rejects.toMatchObject({ code: 'UNSUPPORTED_FORMAT', where: { file: 'not_really.xlsx' } });
        const invoices = await inspectFile(fx('wrong_table_invoices.csv'));
        expect(invoices.suggestion).toMatchObject({ table: null, confidence: 0, columns: {} });
        await expect(importFiles(ws, [{ path: fx('wrong_table_invoices.csv'), profile: people }])).rejects.toMatchObject({
          code: 'MAPPING_INVALID', where: { file: 'wrong_table_invoices.csv', column: 'Employee ID' },
        });
      });
    });
  });

  it('a batch is one transaction: a good roster and a rejected match file together land nothing', async () => {
    await withTempWorkspace(async (ws) => {
      await importSuggested(ws, 'chronus_programs.json');
      const roster = (await inspectFile(fx('workday_roster_bom_crlf.csv'))).suggestion;
      const matches = (await inspectFile(fx('chronus_matches.csv'))).suggestion;
      await unchangedBy(ws, async () => {
        const report = await importFiles(ws, [
          { path: fx('chronus_matches.csv'), profile: { table: 'matches', columns: matches.columns } },
          { path: fx('workday_roster_bom_crlf.csv'), profile: { table: 'people', columns: roster.columns } },
        ]);
        // The roster lands first inside the transaction, so the matches are checked against it.
        expect(report.files.map((f) => [f.file, f.status, f.rowsValid])).toEqual([
          ['workday_roster_bom_crlf.csv', 'imported', 5], ['chronus_matches.csv', 'rejected', 1],
        ]);
        expect(report.rejectedTotal).toBe(3);
      });
    });
  });
});

describe('import corpus: mentorship platforms and other formats', () => {
  it('Chronus programs as a JSON array: layer words mapped', async () => {
    await withTempWorkspace(async (ws) => {
      const { inspection, report } = await importSuggested(ws, 'chronus_programs.json');
      expect(inspection.format).toBe('json');
      expect(inspection.suggestion.columns).toMatchObject({ program_id: 'id', name: 'Program Name', layer: 'Program Type' });
      expect(report.ok).toBe(true);
      const rows = await ws.all<Record<string, unknown>>('SELECT program_id, name, layer, start_date, end_date FROM programs ORDER BY program_id');
      expect(rows.map((r) => [r.program_id, r.name, r.layer, day(r.start_date), day(r.end_date)])).toEqual([
        ['P-CIRCLE', 'Women in Tech Circle', 'peer', '2025-02-01', null],
        ['P-MENTOR', 'Mentoring Program 2025', 'formal', '2025-01-01', '2025-12-31'],
      ]);
    });
  });

  it('MentorcliQ matches as Parquet with typed columns (integer ids, dates)', async () => {
    await withTempWorkspace(async (ws) => {
      await withBase(ws);
      const { inspection, report } = await importSuggested(ws, 'mentorcliq_matches.parquet');
      expect(inspection.format).toBe('parquet');
      expect(report.files[0]).toMatchObject({ rowsImported: 2, rejected: 0 });
      const rows = await ws.all<Record<string, unknown>>('SELECT match_id, mentee_id, requested_date, end_date, status, match_method FROM matches ORDER BY requested_date');
      expect(rows.map((r) => [r.match_id, r.mentee_id, day(r.requested_date), day(r.end_date), r.status, r.match_method])).toEqual([
        [pid(ws, '501'), pid(ws, 'W1001'), '2025-01-20', null, 'active', 'algorithm'],
        [pid(ws, '502'), pid(ws, 'W1004'), '2025-01-22', '2025-06-30', 'completed', 'admin'],
      ]);
    });
  });

  it('Together sessions as NDJSON: rows numbered from the first record, a 25-hour session rejected', async () => {
    await withTempWorkspace(async (ws) => {
      await withBase(ws);
      const { report } = await importSuggested(ws, 'together_sessions.ndjson', {}, { onInvalid: 'skip' });
      expect(report.rejects).toEqual([
        { file: 'together_sessions.ndjson', row: 3, column: 'Duration', value: '1500', reason: 'out of range (0 to 1440)' },
      ]);
      expect(await ws.all('SELECT layer, program_id, host_id, duration_minutes FROM sessions ORDER BY date')).toEqual([
        { layer: 'peer', program_id: 'P-CIRCLE', host_id: pid(ws, 'W1004'), duration_minutes: 60 },
        { layer: 'peer', program_id: 'P-CIRCLE', host_id: pid(ws, 'W1004'), duration_minutes: 55 },
      ]);
    });
  });

  it('an informal coaching log becomes sessions hosted by the coach and attended by the coachee; the topic is dropped', async () => {
    await withTempWorkspace(async (ws) => {
      await withBase(ws);
      const { inspection, report } = await importSuggested(ws, 'together_coaching_log.csv');
      expect(inspection.suggestion).toMatchObject({ table: 'coaching_log', sensitive: ['Topic'] });
      expect(report.ok).toBe(true);
      const rows = await ws.all<Record<string, unknown>>(`SELECT s.layer, s.host_id, a.person_id, s.duration_minutes FROM sessions s
        JOIN session_attendees a USING (session_id) ORDER BY s.date`);
      expect(rows).toEqual([
        { layer: 'informal', host_id: pid(ws, 'W1003'), person_id: pid(ws, 'W1001'), duration_minutes: 30 },
        { layer: 'informal', host_id: pid(ws, 'W1002'), person_id: pid(ws, 'W1005'), duration_minutes: 45 },
        { layer: 'informal', host_id: pid(ws, 'W1003'), person_id: pid(ws, 'W1004'), duration_minutes: null },
      ]);
      // Same file again: nothing changes.
      await unchangedBy(ws, async () => {
        expect((await importSuggested(ws, 'together_coaching_log.csv')).report.files[0].status).toBe('unchanged');
      });
    });
  });

  it('two roster snapshots and no job events: a second snapshot is added, and events are derived from the pair', async () => {
    await withTempWorkspace(async (ws) => {
      await importSuggested(ws, 'roster_snapshot_2025-03-31.csv');
      expect((await workspaceInfo(ws)).derivedEvents).toBe(false);
      const { report } = await importSuggested(ws, 'roster_snapshot_2025-06-30.csv');
      expect(report.ok).toBe(true);
      expect(await ws.all('SELECT snapshot_date::VARCHAR AS d, count(*)::INTEGER AS n FROM people GROUP BY 1 ORDER BY 1')).toEqual([
        { d: '2025-03-31', n: 3 }, { d: '2025-06-30', n: 2 },
      ]);
      expect((await workspaceInfo(ws)).derivedEvents).toBe(true);
      expect(await ws.all(`SELECT level_rank FROM people WHERE person_id = $p ORDER BY snapshot_date`, { p: pid(ws, 'R1') })).toEqual([{ level_rank: 1 }, { level_rank: 2 }]);
    });
  });
});
