import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import type { MappingProfileInput } from '../ingest/mappingProfile';
import { DemoManifestSchema, type DemoFile, type DemoManifest, type PlantedDisparity } from './demoManifest';

export { DemoManifestSchema, type DemoManifest } from './demoManifest';

/**
 * Deterministic generator of realistic vendor export files (Workday rosters, a BambooHR job
 * history, Chronus / Together / MentorcliQ / Qooper mentorship exports) for a fictional
 * company, with optional planted disparities for the models to find.
 *
 * Everything is computed in SQL inside an in-memory DuckDB: every random draw is a hash of
 * (seed, purpose, id, step) mapped to [0,1), so the same seed gives byte-identical files and
 * a million people take seconds. The only JavaScript loop is over the seven quarters between
 * roster snapshots (one SQL statement per quarter), never over people.
 */

export interface GenerateDemoOptions {
  outDir: string;
  /** headcount at the first snapshot (default 2,000) */
  people?: number;
  seed?: number;
  /** plant the three disparities documented in the manifest (default true) */
  plantDisparities?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Calendar: activity quarters k = 0..7 (2024-Q4 .. 2026-Q3); roster snapshot k is taken at the
// end of quarter k. Quarter k >= 1 starts from snapshot k-1: those are the covered periods.

interface Quarter { k: number; label: string; start: string; end: string; cohort: number }

const QUARTERS: Quarter[] = Array.from({ length: 8 }, (_, k) => {
  const idx = 3 + k; // 2024-Q4 is quarter index 3 of 2024
  const year = 2024 + Math.floor(idx / 4);
  const q = (idx % 4) + 1;
  const start = new Date(Date.UTC(year, 3 * (q - 1), 1));
  const end = new Date(Date.UTC(year, 3 * q, 0));
  return { k, label: `${year}-Q${q}`, start: iso(start), end: iso(end), cohort: year };
});
const DATA_END = QUARTERS[7].end; // 2026-09-30
const ACTIVITY_START = QUARTERS[0].start; // 2024-10-01
const SNAPSHOTS = QUARTERS.map((q) => q.end);
const PERIODS = QUARTERS.slice(1).map((q) => q.label);
const LEVELS = ['L1', 'L2', 'L3', 'L4', 'L5', 'L6'];

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Behaviour. Every probability is the same for every group unless a planted disparity says
// otherwise (and only when plantDisparities is on).

const LEAVE_RATE = 0.03; // per quarter
const HIRE_RATE = 0.035; // hires per quarter, as a share of the first headcount
/** quarterly promotion probability from level L to L+1 */
const PROMO: Record<number, number> = { 1: 0.06, 2: 0.06, 3: 0.09, 4: 0.035, 5: 0.02 };
const PROMO_WOMEN_L3_FACTOR = 0.5;
/** probability that someone at level L is in the mentor pool */
const MENTOR_WEIGHT: Record<number, number> = { 3: 0.14, 4: 0.35, 5: 0.5, 6: 0.5 };
const MENTOR_POOL_TARGET = 0.4;
const REQUEST_RATE = 0.045; // mentee requests per quarter among L1..L4
const WAIT_MEAN_DAYS = 28; // exponential: median = 19.4 days
const WAIT_FACTOR = 2;
const PEER_RATE = 0.1; // Peer Learning Circles, per yearly cohort
const MANAGER_COHORT_RATE = 0.25; // New Manager Cohort, among L4+
const COACHEE_RATE = 0.12; // informal coaching, per quarter
const CIRCLE_SIZE = 8;

const G_WOMAN = 'Woman';
const HISPANIC = 'Hispanic or Latino';
const BLACK = 'Black or African American';

type Weighted = [string | number | null, number][];

const DEPARTMENTS: Weighted = [
  ['Engineering', 0.3], ['Sales', 0.2], ['Operations', 0.18], ['Customer Success', 0.1],
  ['Finance', 0.07], ['Marketing', 0.07], ['People', 0.05], ['Legal', 0.03],
];
/** share of women by department (composition only: no behaviour depends on department) */
const WOMEN_SHARE: Record<string, number> = {
  Engineering: 0.3, Sales: 0.42, Operations: 0.45, 'Customer Success': 0.58,
  Finance: 0.5, Marketing: 0.6, People: 0.72, Legal: 0.5,
};
const JOB_FAMILIES: Record<string, Weighted> = {
  Engineering: [['Software Engineering', 0.6], ['Data & Analytics', 0.15], ['Quality Engineering', 0.1], ['Infrastructure', 0.15]],
  Sales: [['Account Management', 0.5], ['Sales Development', 0.3], ['Sales Engineering', 0.2]],
  Operations: [['Supply Chain', 0.4], ['Business Operations', 0.35], ['Facilities', 0.25]],
  'Customer Success': [['Customer Support', 0.6], ['Customer Success Management', 0.4]],
  Finance: [['Accounting', 0.5], ['FP&A', 0.3], ['Procurement', 0.2]],
  Marketing: [['Product Marketing', 0.4], ['Demand Generation', 0.35], ['Brand & Communications', 0.25]],
  People: [['HR Business Partners', 0.4], ['Talent Acquisition', 0.35], ['Learning & Development', 0.25]],
  Legal: [['Legal Counsel', 0.7], ['Compliance', 0.3]],
};
const RACES: Weighted = [
  ['White', 0.52], [HISPANIC, 0.17], [BLACK, 0.13], ['Asian', 0.12], ['Two or More Races', 0.03],
  ['American Indian or Alaska Native', 0.007], ['Native Hawaiian or Other Pacific Islander', 0.003],
  ['Decline to Self-Identify', 0.015], [null, 0.005],
];
const BLACK_SHARE = 0.13;
const LOCATIONS: Weighted = [
  ['Austin, TX', 0.2], ['New York, NY', 0.2], ['San Francisco, CA', 0.15], ['Chicago, IL', 0.12],
  ['Atlanta, GA', 0.08], ['Denver, CO', 0.05], ['Remote - US', 0.2],
];
const WORKER_TYPES: Weighted = [['Regular Full-Time', 0.9], ['Regular Part-Time', 0.07], ['Fixed Term', 0.03]];
const INIT_LEVELS: Weighted = [[1, 0.25], [2, 0.27], [3, 0.22], [4, 0.14], [5, 0.08], [6, 0.04]];
const HIRE_LEVELS: Weighted = [[1, 0.55], [2, 0.25], [3, 0.12], [4, 0.06], [5, 0.02]];
const AGE_BY_LEVEL: Weighted[] = [
  [['Under 25', 0.2], ['25-34', 0.5], ['35-44', 0.2], ['45-54', 0.07], ['55+', 0.03]],
  [['Under 25', 0.05], ['25-34', 0.35], ['35-44', 0.35], ['45-54', 0.17], ['55+', 0.08]],
  [['25-34', 0.15], ['35-44', 0.4], ['45-54', 0.3], ['55+', 0.15]],
];
const FIRST_NAMES = [
  'James', 'Maria', 'Wei', 'Aisha', 'Carlos', 'Priya', 'Liam', 'Fatima', 'Noah', 'Sofia', 'Mateo', 'Chloé',
  'Kwame', 'Emily', 'Hiroshi', 'Olivia', 'Diego', 'Amara', 'Ethan', 'Mei', 'Jamal', 'Isabella', 'Raj',
  'Zoë', 'Daniel', 'Lucía', 'Omar', 'Hannah', 'Tariq', 'Grace', 'Andrés', 'Nia', 'Samuel', 'Yuki', 'Ana',
  'Michael', 'Chen', 'Leila', 'David', 'Camila', 'Kofi', 'Sarah', 'Jordan', 'Alex', 'Taylor', 'Morgan',
  'Sean', 'Elena', 'Ibrahim', 'Jessica', 'Marcus', 'Ava', 'Luis', 'Imani', 'Ryan', 'Valentina', 'Arjun',
  'Naomi', 'Kevin', 'Rosa',
];
const LAST_NAMES = [
  'Smith', 'García', 'Johnson', 'Nguyen', 'Williams', 'Rodríguez', 'Brown', 'Patel', 'Jones', 'Martínez',
  'Kim', 'Davis', 'Hernández', 'Chen', 'Miller', 'López', 'Wilson', "O'Brien", 'Anderson', 'Gonzalez',
  'Thomas', 'Okafor', 'Taylor', 'Singh', 'Moore', 'Perez', 'Jackson', 'Wang', 'Martin', 'Sánchez',
  'Lee', 'Ramirez', 'Thompson', 'Ali', 'White', 'Torres', 'Harris', 'Kowalski', 'Clark', 'Rivera',
  'Lewis', 'Mensah', 'Robinson', 'Flores', 'Walker', 'Yamamoto', 'Young', 'Cohen', 'Allen', 'Diaz',
  'King', 'Müller', 'Wright', 'Reyes', 'Scott', 'Haddad', 'Green', 'Ortiz', 'Baker', 'Adeyemi',
];
const TOPICS = [
  'Career growth', 'Preparing for a promotion conversation', 'Feedback on a presentation', 'Navigating a reorg',
  'Stakeholder management', 'Work-life balance', 'Moving into management', 'Learning SQL', 'Building a network',
  'Negotiating scope, "quick wins" and priorities', 'Giving difficult feedback', 'Time management',
  'Public speaking', 'Switching teams', 'Writing a design doc', 'Salary and level questions',
  'Handling conflict with a peer', 'First 90 days as a manager', 'Getting visibility for my work',
  'Returning from leave',
];
const TOPIC_SUFFIXES = ['', '', '', '. Follow-up next month', ' (intro call)', ' - shared reading list', ', part 2'];
const COMMENTS = [
  'Great session, very actionable.', 'We ran out of time; rescheduling.', 'Helpful, though a bit unstructured.',
  'My mentor shared "real" examples from her own career, which helped a lot.', 'Not much new this time.',
  'Good discussion about next steps, promotion criteria and visibility.', 'Felt rushed.',
  'Loved the circle format!\nWould like more time for Q&A.', 'Very supportive, thank you.',
  "Didn't get to my questions, but useful overall.", 'Practical advice on stakeholder management.',
  'Meeting moved twice, hard to keep momentum.',
];

// ---------------------------------------------------------------------------------------------
// SQL helpers: literals are built only from the constants above or validated numbers.

function lit(v: string | number | null): string {
  if (v === null) return 'NULL';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
    return String(v);
  }
  return `'${v.replace(/'/g, "''")}'`;
}

/** CASE over a uniform draw `u` picking from weighted values (weights sum to 1). */
function wcase(u: string, items: Weighted): string {
  let acc = 0;
  const parts = items.map(([v, w], i) => {
    acc += w;
    return i === items.length - 1 ? `ELSE ${lit(v)}` : `WHEN ${u} < ${acc.toFixed(6)} THEN ${lit(v)}`;
  });
  return `(CASE ${parts.join(' ')} END)`;
}

function list(values: string[]): string {
  return `[${values.map(lit).join(', ')}]`;
}

function caseMap(expr: string, map: Record<string | number, number | string>, otherwise: string): string {
  return `(CASE ${expr} ${Object.entries(map).map(([k, v]) => `WHEN ${lit(isNaN(Number(k)) ? k : Number(k))} THEN ${lit(v)}`).join(' ')} ELSE ${otherwise} END)`;
}

const d = (s: string) => `DATE '${s}'`;

// ---------------------------------------------------------------------------------------------

export async function generateDemo(opts: GenerateDemoOptions): Promise<DemoManifest> {
  const N = opts.people ?? 2000;
  const seed = opts.seed ?? 42;
  const plant = opts.plantDisparities ?? true;
  if (!Number.isSafeInteger(N) || N < 50 || N > 20_000_000) throw new Error('people must be an integer between 50 and 20,000,000');
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 2 ** 31) throw new Error('seed must be an integer between 0 and 2^31');
  mkdirSync(opts.outDir, { recursive: true });

  const H = Math.max(1, Math.round(N * HIRE_RATE));
  const T = N + 7 * H; // every id that ever exists
  const idWidth = Math.max(7, String(T).length);
  const K3 = Math.max(1, Math.round((N * PEER_RATE) / CIRCLE_SIZE));
  const K4 = Math.max(1, Math.round((N * 0.26 * MANAGER_COHORT_RATE) / CIRCLE_SIZE));
  const P = plant ? 'TRUE' : 'FALSE';
  // weight of Black employees in the mentor draw so that their share among mentors is
  // MENTOR_POOL_TARGET times their share among those eligible (race is independent of level)
  const mentorFactor = (MENTOR_POOL_TARGET * (1 - BLACK_SHARE)) / (1 - MENTOR_POOL_TARGET * BLACK_SHARE);

  const instance = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'true',
  });
  const c = await instance.connect();
  const files: DemoFile[] = [];
  const run = async (sql: string, params?: Record<string, DuckDBValue>) => {
    const t0 = Date.now(); const r = await c.run(sql, params);
    if (process.env.DEMO_TIMING) console.error(`${Date.now() - t0}ms ${sql.trim().slice(0, 60).replace(/\s+/g, ' ')}`);
    return r;
  };
  const copy = async (query: string, file: string, options: string, params: Record<string, DuckDBValue> = {}) => {
    const r = await run(`COPY (${query}) TO $path (${options})`, { ...params, path: join(opts.outDir, file) });
    return Number(r.rowsChanged);
  };
  const add = (file: string, format: DemoFile['format'], mapping: MappingProfileInput, rows: number, description: string) => {
    files.push({ file, format, table: mapping.table, mapping, rows, description });
  };

  try {
    await setup(c, seed, idWidth);
    await run(`CREATE TABLE cal AS SELECT * FROM (VALUES ${QUARTERS.map((q) => `(${q.k}, ${d(q.start)}, ${d(q.end)}, ${q.cohort})`).join(', ')}) t(k, qstart, qend, cohort)`);
    await run(`ALTER TABLE cal ADD COLUMN ndays INTEGER; UPDATE cal SET ndays = qend - qstart + 1`);

    // ------------------------------------------------------------------ people
    const womenShare = caseMap('dept', WOMEN_SHARE, '0.45');
    const jobFamily = `(CASE dept ${Object.entries(JOB_FAMILIES).map(([dep, w]) => `WHEN ${lit(dep)} THEN ${wcase(`rnd('jf', id, 0)`, w)}`).join(' ')} END)`;
    await run(`
      CREATE TABLE person AS
      WITH b AS (
        SELECT i::INTEGER AS id, CASE WHEN i <= ${N} THEN 0 ELSE 1 + (i - ${N + 1}) // ${H} END::INTEGER AS hire_k
        FROM range(1, ${T + 1}) t(i)
      ), a AS (
        SELECT b.*, ${wcase(`rnd('dept', id, 0)`, DEPARTMENTS)} AS dept,
          CASE WHEN hire_k = 0 THEN ${wcase(`rnd('lvl', id, 0)`, INIT_LEVELS)} ELSE ${wcase(`rnd('lvl', id, 0)`, HIRE_LEVELS)} END::INTEGER AS init_level,
          rnd('gender', id, 0) AS ug,
          ${list(FIRST_NAMES)}[1 + floor(rnd('fn', id, 0) * ${FIRST_NAMES.length})::INTEGER] AS first_name,
          ${list(LAST_NAMES)}[1 + floor(rnd('ln', id, 0) * ${LAST_NAMES.length})::INTEGER] AS last_name
        FROM b
      )
      SELECT a.id, a.hire_k, a.dept, a.init_level, a.first_name, a.last_name,
        lower(regexp_replace(strip_accents(first_name || '.' || last_name), '[^A-Za-z.]', '', 'g')) || '.' || a.id || '@northwind-demo.example' AS email,
        CASE WHEN ug < ${womenShare} * 0.97 THEN 'Woman' WHEN ug < 0.97 THEN 'Man' WHEN ug < 0.982 THEN 'Non-binary'
             WHEN ug < 0.994 THEN 'Prefer not to say' ELSE NULL END AS gender,
        ${wcase(`rnd('race', id, 0)`, RACES)} AS race,
        CASE WHEN init_level <= 2 THEN ${wcase(`rnd('age', id, 0)`, AGE_BY_LEVEL[0])}
             WHEN init_level <= 4 THEN ${wcase(`rnd('age', id, 0)`, AGE_BY_LEVEL[1])}
             ELSE ${wcase(`rnd('age', id, 0)`, AGE_BY_LEVEL[2])} END AS age_band,
        ${wcase(`rnd('loc', id, 0)`, LOCATIONS)} AS location,
        ${jobFamily} AS job_family,
        ${wcase(`rnd('wt', id, 0)`, WORKER_TYPES)} AS worker_type,
        CASE WHEN hire_k = 0
             THEN ${d(QUARTERS[0].end)} - 1 - least(10950, floor(-ln(1 - rnd('tenure', id, 0)) * (300 + 500 * (init_level - 1))))::INTEGER
             ELSE cal.qstart + floor(rnd('hday', id, 0) * cal.ndays)::INTEGER END AS hire_date
      FROM a LEFT JOIN cal ON cal.k = a.hire_k
      ORDER BY a.id`);

    // ------------------------------------------------------------------ snapshots
    await run(`CREATE TABLE snap (k INTEGER, id INTEGER, level INTEGER, prev_level INTEGER, mgr INTEGER, promo_date DATE, term_date DATE)`);
    await run(`CREATE TEMP TABLE cur AS SELECT 0 AS k, id, init_level AS level, NULL::INTEGER AS prev_level, NULL::INTEGER AS mgr,
               NULL::DATE AS promo_date, NULL::DATE AS term_date FROM person WHERE hire_k = 0`);
    await assignManagers(c);
    // Promotions: within each (level, gender group) of those staying, the quota
    // n * probability (randomized rounding) with the lowest draws is promoted, so that realized
    // rates sit on the intended ones even for a small company.
    const promoProb = `(CASE level ${Object.entries(PROMO).map(([l, p]) => `WHEN ${l} THEN ${p}`).join(' ')} ELSE 0 END)
      * (CASE WHEN ${P} AND level = 3 AND gg = 1 THEN ${PROMO_WOMEN_L3_FACTOR} ELSE 1 END)`;
    for (let k = 1; k < QUARTERS.length; k++) {
      const q = QUARTERS[k];
      await run(`
        CREATE OR REPLACE TEMP TABLE cur AS
        WITH prev AS (
          SELECT s.id, s.level, s.mgr, CASE p.gender WHEN ${lit(G_WOMAN)} THEN 1 WHEN 'Man' THEN 2 ELSE 3 END AS gg,
                 rnd('leave', s.id, ${k}) < ${LEAVE_RATE} AS leaving, rnd('promo', s.id, ${k}) AS u
          FROM snap s JOIN person p USING (id)
          WHERE s.k = ${k - 1} AND s.term_date IS NULL
        ), ranked AS (
          SELECT *, row_number() OVER (PARTITION BY level, gg, leaving ORDER BY u, id) AS rk,
                 count(*) OVER (PARTITION BY level, gg, leaving) AS n
          FROM prev
        ), decided AS (
          SELECT *, NOT leaving AND level < 6 AND rk <= floor(n * ${promoProb} + rnd('pquota', level * 10 + gg, ${k})) AS up
          FROM ranked
        )
        SELECT ${k} AS k, id, level + CASE WHEN up THEN 1 ELSE 0 END AS level, level AS prev_level, mgr,
          CASE WHEN up THEN ${d(q.start)} + floor(rnd('pday', id, ${k}) * ${daysIn(q)})::INTEGER END AS promo_date,
          CASE WHEN leaving THEN ${d(q.start)} + floor(rnd('lday', id, ${k}) * ${daysIn(q)})::INTEGER END AS term_date
        FROM decided
        UNION ALL
        SELECT ${k}, id, init_level, NULL, NULL, NULL, NULL FROM person WHERE hire_k = ${k}`);
      await assignManagers(c);
    }
    await run(`CREATE TABLE pterm AS SELECT id, max(term_date) AS term_date FROM snap GROUP BY id`);

    const rosterMapping = (variant: 'plain' | 'eu' | 'noAsOf', snapshot: string): MappingProfileInput => ({
      table: 'people',
      columns: {
        person_id: 'Employee ID',
        ...(variant === 'noAsOf' ? {} : { snapshot_date: 'As Of Date' }),
        hire_date: 'Hire Date',
        termination_date: 'Termination Date',
        level: 'Job Level',
        department: 'Supervisory Organization',
        location: 'Location',
        job_family: 'Job Family',
        employment_type: 'Worker Type',
        manager_id: 'Manager ID',
        gender: 'Gender',
        race_ethnicity: 'Race/Ethnicity',
      },
      extraDimensions: { age_band: 'Age Band' },
      ...(variant === 'noAsOf' ? { snapshotDate: snapshot } : {}),
      ...(variant === 'eu' ? { delimiter: ';', dateFormat: '%d.%m.%Y' } : {}),
    });
    for (const q of QUARTERS) {
      // Snapshot 3 comes from an EU-configured export (semicolons, BOM, CRLF, dd.mm.yyyy);
      // snapshot 5 has no as-of column (the user gives the date at import).
      const variant = q.k === 3 ? 'eu' : q.k === 5 ? 'noAsOf' : 'plain';
      const file = `workday_worker_roster_${q.end}${variant === 'eu' ? '_eu' : ''}.csv`;
      const rows = await copy(`
        SELECT pid(s.id) AS "${variant === 'eu' ? '\uFEFF' : ''}Employee ID",
          p.first_name || ' ' || p.last_name AS "Legal Name", p.email AS "Work Email",
          ${variant === 'noAsOf' ? '' : `${d(q.end)} AS "As Of Date",`}
          p.hire_date AS "Hire Date", s.term_date AS "Termination Date", 'L' || s.level AS "Job Level",
          p.dept AS "Supervisory Organization", p.location AS "Location", p.job_family AS "Job Family",
          p.worker_type AS "Worker Type", pid(s.mgr) AS "Manager ID", p.gender AS "Gender",
          p.race AS "Race/Ethnicity", p.age_band AS "Age Band"
        FROM snap s JOIN person p USING (id) WHERE s.k = $k ORDER BY s.id`,
        file,
        variant === 'eu'
          ? `FORMAT csv, HEADER true, DELIMITER ';', NEW_LINE '\\r\\n', DATEFORMAT '%d.%m.%Y'`
          : 'FORMAT csv, HEADER true',
        { k: q.k });
      add(file, 'csv', rosterMapping(variant, q.end), rows,
        `Workday worker roster as of ${q.end}` +
        (variant === 'eu' ? ' (semicolon-delimited, UTF-8 BOM, CRLF, dd.mm.yyyy dates)' : '') +
        (variant === 'noAsOf' ? ' (no as-of column: snapshot date given in the mapping)' : '') +
        '; leavers of the quarter appear once with a Termination Date.');
    }

    // ------------------------------------------------------------------ job events
    {
      const file = 'bamboohr_job_history.csv';
      const rows = await copy(`
        SELECT pid(id) AS "Employee #", dt AS "Effective Date", ev AS "Event Type", fl AS "From Level", tl AS "To Level"
        FROM (
          SELECT id, hire_date AS dt, 'Hire' AS ev, NULL AS fl, 'L' || init_level AS tl, 1 AS o FROM person WHERE hire_k >= 1
          UNION ALL SELECT id, promo_date, 'Promotion', 'L' || prev_level, 'L' || level, 2 FROM snap WHERE promo_date IS NOT NULL
          UNION ALL SELECT id, term_date, 'Termination', 'L' || level, NULL, 3 FROM snap WHERE term_date IS NOT NULL
        ) ORDER BY dt, id, o`,
        file, `FORMAT csv, HEADER true, DATEFORMAT '%m/%d/%Y'`);
      add(file, 'csv', {
        table: 'job_events',
        columns: { person_id: 'Employee #', effective_date: 'Effective Date', event_type: 'Event Type', from_level: 'From Level', to_level: 'To Level' },
        dateFormat: '%m/%d/%Y',
      }, rows, `BambooHR job history ${PERIODS[0]}..${PERIODS[PERIODS.length - 1]}: hires, promotions and terminations (US dates), consistent with the roster snapshots.`);
    }

    // ------------------------------------------------------------------ programs
    {
      const file = 'chronus_programs.json';
      const rows = await copy(`
        SELECT * FROM (VALUES
          ('PRG-101', 'Career Mentoring Program', 'Formal Mentoring', 'formal', DATE '2024-07-01', NULL::DATE, 'Mentees: all employees at L1-L4. Mentors: L3 and above.'),
          ('PRG-102', 'Leadership Accelerator', 'Sponsorship Mentoring', 'formal', DATE '2024-09-01', NULL::DATE, 'Mentees at L3-L4 nominated by their manager; mentors at L5-L6.'),
          ('PRG-103', 'Peer Learning Circles', 'Peer Circle', 'peer', DATE '2024-10-01', NULL::DATE, 'Open to everyone; yearly cohorts of circles of about eight.'),
          ('PRG-104', 'New Manager Cohort', 'Group Mentoring', 'peer', DATE '2024-10-01', NULL::DATE, 'People at L4 and above; yearly cohorts.'),
          ('PRG-105', 'Coaching Connect', 'Informal Coaching', 'informal', DATE '2024-06-01', NULL::DATE, 'Everyone can book a coach; coaches are volunteers at L3 and above.')
        ) t("programId", "programName", "programType", "track", "startDate", "endDate", "eligibility")
        ORDER BY 1`,
        file, 'FORMAT json, ARRAY true');
      add(file, 'json', {
        table: 'programs',
        columns: { program_id: 'programId', name: 'programName', layer: 'track', start_date: 'startDate', end_date: 'endDate', eligibility: 'eligibility' },
      }, rows, 'Chronus program list (JSON array); "track" holds the canonical layer, "programType" the vendor wording.');
    }

    // ------------------------------------------------------------------ activity base
    // aq: who is employed at the start of each activity quarter, with their level then.
    await run(`
      CREATE TABLE aq AS
      SELECT cal.k, cal.cohort, cal.qstart, cal.qend, cal.ndays, s.id, s.level, p.race, t.term_date
      FROM cal JOIN snap s ON s.k = greatest(cal.k - 1, 0) AND s.term_date IS NULL
      JOIN person p ON p.id = s.id JOIN pterm t ON t.id = s.id
      WHERE p.hire_date < cal.qstart`);

    // ------------------------------------------------------------------ formal: mentors, requests, matches
    // Mentor pool, quarter by quarter: mentors stay in the pool while employed; each quarter,
    // every (level, Black or not) group is topped up to the quota n * weight (randomized
    // rounding) with the lowest fixed draws among those not yet in it. So the pool's
    // composition sits on the intended one and mentors do not come and go at random.
    const mentorWeight = caseMap('c.level', MENTOR_WEIGHT, '0');
    await run(`CREATE TABLE mentor_k (k INTEGER, id INTEGER, level INTEGER)`);
    for (const q of QUARTERS) {
      await run(`
        INSERT INTO mentor_k
        WITH c AS (
          SELECT a.k, a.id, a.level, (a.race IS NOT DISTINCT FROM ${lit(BLACK)})::INTEGER AS bg, rnd('mentor', a.id, 0) AS u,
                 m.id IS NOT NULL AS was
          FROM aq a LEFT JOIN mentor_k m ON m.k = ${q.k - 1} AND m.id = a.id
          WHERE a.k = ${q.k} AND a.level >= 3
        ), r AS (
          SELECT c.*, floor(count(*) OVER (PARTITION BY c.level, bg) * ${mentorWeight}
                            * (CASE WHEN ${P} AND bg = 1 THEN ${mentorFactor} ELSE 1 END) + rnd('mquota', c.level * 10 + bg, ${q.k}))
                      - count(*) FILTER (WHERE was) OVER (PARTITION BY c.level, bg) AS topup,
                 row_number() OVER (PARTITION BY c.level, bg, was ORDER BY u, id) AS rk
          FROM c
        )
        SELECT k, id, level FROM r WHERE was OR rk <= topup ORDER BY id`);
    }
    await run(`
      CREATE TABLE mentor_q AS
      WITH m AS (
        SELECT a.*, first_value(a.level) OVER (PARTITION BY a.id ORDER BY a.k) AS first_level
        FROM mentor_k m JOIN aq a ON a.k = m.k AND a.id = m.id
      )
      SELECT *, CASE WHEN first_level >= 5 AND rnd('mprog', id, 0) < 0.5 THEN 2 ELSE 1 END AS prog FROM m`);
    // mentors who can be picked: not about to leave
    await run(`
      CREATE TABLE mrank AS
      SELECT k, prog, id, level, term_date,
             row_number() OVER (PARTITION BY k, prog ORDER BY level DESC, id) AS rk
      FROM mentor_q m WHERE term_date IS NULL OR term_date > qend + 365`);
    await run(`
      CREATE TABLE mcge AS
      WITH n AS (SELECT k, prog, level, count(*) AS c FROM mrank GROUP BY ALL)
      SELECT k, prog, t, sum(c)::BIGINT AS cnt FROM n, range(3, 7) r(t) WHERE level >= t GROUP BY ALL`);
    await run(`
      CREATE TABLE req AS
      WITH r AS (
        SELECT a.k, a.id, a.level, a.race, a.term_date, a.qend,
          CASE WHEN a.level >= 3 AND rnd('rprog', a.id, a.k) < 0.4 THEN 2 ELSE 1 END AS prog,
          a.qstart + floor(rnd('rday', a.id, a.k) * a.ndays)::INTEGER AS requested_date
        FROM aq a WHERE a.level <= 4 AND rnd('req', a.id, a.k) < ${REQUEST_RATE}
      )
      SELECT *,
        CASE WHEN prog = 2 THEN greatest(5, least(6, level + 2))
             ELSE least(6, level + CASE WHEN rnd('gap', id, k) < 0.85 THEN 2 ELSE 1 END) END AS t
      FROM r WHERE term_date IS NULL OR requested_date <= term_date`);
    const FAR = `DATE '9999-12-31'`;
    // the mentor's rank in the pool is computed first, so that the pick is a plain equi-join
    await run(`
      CREATE TABLE req2 AS
      SELECT r.*, 1 + floor(rnd('mpick', r.id, r.k) * coalesce(g1.cnt, g0.cnt))::BIGINT AS pick_rk
      FROM req r
      LEFT JOIN mcge g1 ON g1.k = r.k AND g1.prog = r.prog AND g1.t = r.t
      LEFT JOIN mcge g0 ON g0.k = r.k AND g0.prog = r.prog AND g0.t = 3`);
    await run(`
      CREATE TABLE mt AS
      WITH pick AS (
        SELECT r.*, m.id AS mentor, m.term_date AS mentor_term
        FROM req2 r JOIN mrank m ON m.k = r.k AND m.prog = r.prog AND m.rk = r.pick_rk
        WHERE m.id <> r.id
      ), st AS (
        -- stratified draw: each quarter, the waits of each group (Hispanic or not) follow the exponential quantiles
        SELECT *, (row_number() OVER (PARTITION BY hg, k ORDER BY rnd('wait', id, k), id) - 0.5) / count(*) OVER (PARTITION BY hg, k) AS uw
        FROM (SELECT *, (race IS NOT DISTINCT FROM ${lit(HISPANIC)})::INTEGER AS hg FROM pick)
      ), w AS (
        SELECT *,
          requested_date + greatest(1, round(-ln(1 - uw) * ${WAIT_MEAN_DAYS}
            * (CASE WHEN ${P} AND race = ${lit(HISPANIC)} THEN ${WAIT_FACTOR} ELSE 1 END)))::INTEGER AS matched_raw,
          least(coalesce(term_date, ${FAR}), coalesce(mentor_term, ${FAR})) AS first_term,
          CASE WHEN prog = 1 THEN 180 ELSE 270 END AS planned,
          rnd('early', id, k) < 0.15 AS early,
          rnd('dormant', id, k) < 0.2 AS dormant
        FROM st
      ), e AS (
        SELECT *,
          CASE WHEN first_term < matched_raw THEN 'withdrawn' WHEN matched_raw > ${d(DATA_END)} THEN 'pending' END AS unmatched,
          least(CASE WHEN early THEN matched_raw + 30 + floor(rnd('elen', id, k) * (planned - 30))::INTEGER ELSE matched_raw + planned END,
                first_term) AS end_raw
        FROM w
      )
      SELECT row_number() OVER (ORDER BY requested_date, id, k)::INTEGER AS mid,
        k, id, level, race, prog, mentor, requested_date, dormant,
        CASE WHEN unmatched IS NULL THEN matched_raw END AS matched_date,
        CASE WHEN unmatched = 'withdrawn' THEN first_term WHEN unmatched IS NULL AND end_raw <= ${d(DATA_END)} THEN end_raw END AS end_date,
        CASE WHEN unmatched IS NOT NULL THEN unmatched
             WHEN end_raw > ${d(DATA_END)} THEN 'active'
             WHEN early OR end_raw < matched_raw + planned THEN 'ended_early'
             ELSE 'completed' END AS status,
        CASE WHEN prog = 1 THEN ${wcase(`rnd('method', id, k)`, [['self-selected', 0.5], ['algorithm', 0.3], ['admin', 0.2]])}
             ELSE ${wcase(`rnd('method', id, k)`, [['admin', 0.6], ['algorithm', 0.4]])} END AS method
      FROM e`);
    {
      const file = 'mentorcliq_matches.parquet';
      const rows = await copy(`
        SELECT 'MT-' || lpad(mid::VARCHAR, 6, '0') AS match_id, 'PRG-10' || prog AS program_id,
          pid(mentor) AS mentor_user_id, pid(id) AS mentee_user_id, requested_date AS requested_at,
          matched_date AS matched_at, end_date AS ended_at, status, method AS match_method
        FROM mt ORDER BY mid`,
        file, 'FORMAT parquet');
      add(file, 'parquet', {
        table: 'matches',
        columns: {
          match_id: 'match_id', program_id: 'program_id', mentor_id: 'mentor_user_id', mentee_id: 'mentee_user_id',
          requested_date: 'requested_at', matched_date: 'matched_at', end_date: 'ended_at', status: 'status', match_method: 'match_method',
        },
      }, rows, 'MentorcliQ match export of the formal programs: one row per mentee request with the requested mentor; matched_at is empty while the request waits (status pending) or after it was withdrawn.');
    }

    // ------------------------------------------------------------------ sessions (formal + peer)
    await run(`CREATE MACRO wkday(x) AS x + CASE dayofweek(x) WHEN 6 THEN 2 WHEN 0 THEN 1 ELSE 0 END`);
    await run(`
      CREATE TABLE fs AS
      WITH m AS (
        SELECT mid, prog, mentor, id AS mentee, matched_date, dormant,
          least(coalesce(end_date, ${d(DATA_END)}), ${d(DATA_END)}) AS stop,
          14 + floor(rnd('cadence', mid, 0) * 21)::INTEGER AS cadence,
          CASE WHEN dormant THEN 1 + floor(rnd('dn', mid, 0) * 2)::INTEGER ELSE 99 END AS nmax
        FROM mt WHERE matched_date IS NOT NULL
      ), s AS (
        SELECT m.*, j, wkday(matched_date + 4 + (j * cadence)::INTEGER + floor(rnd('sday', mid, j) * 7)::INTEGER - 3) AS dt
        FROM m, range(0, 20) r(j) WHERE j < nmax AND rnd('skip', mid, j) >= 0.1
      )
      SELECT mid, j, prog, mentor, mentee, dt,
        CASE WHEN rnd('host', mid, j) < 0.75 THEN mentor ELSE mentee END AS host,
        ${wcase(`rnd('dur', mid, j)`, [[30, 0.35], [45, 0.2], [60, 0.3], [25, 0.05], [50, 0.05], [90, 0.05]])} AS minutes
      FROM s WHERE dt >= matched_date AND dt <= stop`);
    await run(`
      CREATE TABLE pmem AS
      SELECT a.k, a.cohort, a.qstart, a.id, a.level, a.term_date, g.prog,
        floor(rnd('circle', a.id, a.cohort * 10 + g.prog) * (CASE g.prog WHEN 3 THEN ${K3} ELSE ${K4} END))::INTEGER AS circle,
        0.45 + 0.5 * rnd('engage', a.id, a.cohort) AS engage
      FROM aq a JOIN (VALUES (3), (4)) g(prog)
        ON (g.prog = 3 AND rnd('peer', a.id, a.cohort) < ${PEER_RATE})
        OR (g.prog = 4 AND a.level >= 4 AND rnd('mgrcohort', a.id, a.cohort) < ${MANAGER_COHORT_RATE})`);
    await run(`
      CREATE TABLE ps AS
      WITH circ AS (
        SELECT k, prog, circle, any_value(qstart) AS qstart, count(*) AS n, arg_min(id, rnd('fac', id, cohort)) AS host
        FROM pmem GROUP BY k, prog, circle HAVING count(*) >= 3
      ), s AS (
        SELECT circ.*, mo, wkday((qstart + to_months(mo))::DATE + 2 + floor(rnd('pday', prog * 10000000 + circle, k * 10 + mo) * 24)::INTEGER) AS dt
        FROM circ, range(0, 3) r(mo)
      )
      SELECT s.k, s.prog, s.circle, s.mo, s.dt, s.host,
        CASE WHEN s.prog = 4 THEN 90 ELSE ${wcase(`rnd('pdur', s.prog * 10000000 + s.circle, s.k * 10 + s.mo)`, [[60, 0.7], [45, 0.15], [90, 0.15]])} END AS minutes
      FROM s JOIN pterm t ON t.id = s.host
      WHERE s.dt <= ${d(DATA_END)} AND (t.term_date IS NULL OR s.dt <= t.term_date)`);
    await run(`
      CREATE TABLE sess AS
      SELECT row_number() OVER (ORDER BY dt, src, a, b)::BIGINT AS sid, * FROM (
        SELECT 'F' AS src, mid AS a, j AS b, dt, 'formal' AS layer, prog, mid, host, minutes, NULL::INTEGER AS k, NULL::INTEGER AS circle FROM fs
        UNION ALL
        SELECT 'P', prog * 10000000 + circle, k * 10 + mo, dt, 'peer', prog, NULL, host, minutes, k, circle FROM ps
      )`);
    await run(`CREATE MACRO sesid(x) AS 'SES-' || lpad(x::VARCHAR, 8, '0')`);
    {
      const file = 'chronus_sessions.csv';
      const rows = await copy(`
        SELECT sesid(sid) AS "Session ID", dt AS "Session Date", layer AS "Track", 'PRG-10' || prog AS "Program ID",
          CASE WHEN mid IS NOT NULL THEN 'MT-' || lpad(mid::VARCHAR, 6, '0') END AS "Match ID",
          pid(host) AS "Host ID", minutes AS "Duration (min)"
        FROM sess ORDER BY sid`,
        file, 'FORMAT csv, HEADER true');
      add(file, 'csv', {
        table: 'sessions',
        columns: { session_id: 'Session ID', date: 'Session Date', layer: 'Track', program_id: 'Program ID', match_id: 'Match ID', host_id: 'Host ID', duration_minutes: 'Duration (min)' },
      }, rows, 'Chronus meetings of the formal matches (with Match ID) and of the peer circles (with host).');
    }
    await run(`
      CREATE TABLE att AS
      SELECT s.sid, m.id
      FROM sess s JOIN pmem m ON s.src = 'P' AND m.k = s.k AND m.prog = s.prog AND m.circle = s.circle
      WHERE (m.term_date IS NULL OR s.dt <= m.term_date)
        AND (m.id = s.host OR rnd('attend', m.id, s.sid) < m.engage)`);
    {
      const file = 'chronus_session_attendees.csv';
      const rows = await copy(`
        SELECT sesid(a.sid) AS "Session ID", pid(a.id) AS "Attendee ID", p.first_name || ' ' || p.last_name AS "Attendee Name"
        FROM att a JOIN person p ON p.id = a.id ORDER BY a.sid, a.id`,
        file, 'FORMAT csv, HEADER true');
      add(file, 'csv', { table: 'session_attendees', columns: { session_id: 'Session ID', person_id: 'Attendee ID' } },
        rows, 'Who attended each peer-circle session (names to be dropped at import).');
    }

    // ------------------------------------------------------------------ informal coaching log
    await run(`
      CREATE TABLE cpool AS
      SELECT k, id, level, term_date, row_number() OVER (PARTITION BY k ORDER BY level DESC, id) AS rk
      FROM aq WHERE level >= 3 AND rnd('coach', id, 0) < (CASE level WHEN 3 THEN 0.08 WHEN 4 THEN 0.15 ELSE 0.2 END)`);
    await run(`
      CREATE TABLE ccge AS
      WITH n AS (SELECT k, level, count(*) AS c FROM cpool GROUP BY ALL)
      SELECT k, t, sum(c)::BIGINT AS cnt FROM n, range(1, 7) r(t) WHERE level >= t GROUP BY ALL`);
    await run(`
      CREATE TABLE coachee AS
      SELECT a.k, a.id, a.term_date, a.qstart, a.ndays, 1 + floor(rnd('nconv', a.id, a.k) * 3)::INTEGER AS n,
        1 + floor(rnd('cpick', a.id, a.k) * g.cnt)::BIGINT AS pick_rk
      FROM aq a JOIN ccge g ON g.k = a.k AND g.t = least(6, a.level + 1)
      WHERE rnd('coachee', a.id, a.k) < ${COACHEE_RATE}`);
    await run(`
      CREATE TABLE clog AS
      WITH pick AS (
        SELECT ce.*, cp.id AS coach, cp.term_date AS coach_term
        FROM coachee ce JOIN cpool cp ON cp.k = ce.k AND cp.rk = ce.pick_rk
        WHERE cp.id <> ce.id
      ), conv AS (
        SELECT pick.*, j, wkday(qstart + floor(rnd('cday', id, k * 10 + j) * ndays)::INTEGER) AS dt
        FROM pick, range(0, 3) r(j) WHERE j < n
      )
      SELECT k, j, coach, id AS coachee, dt,
        ${wcase(`rnd('cmin', id, k * 10 + j)`, [[15, 0.15], [20, 0.15], [30, 0.4], [45, 0.15], [60, 0.15]])} AS minutes,
        ${list(TOPICS)}[1 + floor(rnd('topic', id, k * 10 + j) * ${TOPICS.length})::INTEGER]
          || ${list(TOPIC_SUFFIXES)}[1 + floor(rnd('tsuf', id, k * 10 + j) * ${TOPIC_SUFFIXES.length})::INTEGER] AS topic
      FROM conv
      WHERE dt <= ${d(DATA_END)} AND dt <= coalesce(term_date, ${FAR}) AND dt <= coalesce(coach_term, ${FAR})`);
    {
      const file = 'coaching_log.csv';
      const rows = await copy(`
        SELECT pid(coach) AS "Coach", pid(coachee) AS "Coachee", dt AS "Date", minutes AS "Minutes", topic AS "Topic"
        FROM clog ORDER BY dt, coachee, k, j`,
        file, 'FORMAT csv, HEADER true');
      add(file, 'csv', { table: 'coaching_log', columns: { coach_id: 'Coach', coachee_id: 'Coachee', date: 'Date', minutes: 'Minutes' } },
        rows, 'Informal coaching log (Coaching Connect, PRG-105): one row per conversation; Topic is free text to be dropped.');
    }

    // ------------------------------------------------------------------ enrollments
    await run(`CREATE TABLE hosts AS SELECT DISTINCT ps.host AS id, ps.prog, cal.cohort FROM ps JOIN cal USING (k)`);
    await run(`
      CREATE TABLE enr AS
      SELECT id, prog, 'mentee' AS role, requested_date AS applied, matched_date AS enrolled,
        CASE status
          WHEN 'pending' THEN CASE WHEN ${d(DATA_END)} - requested_date < 14 THEN 'applied' ELSE 'waitlisted' END
          WHEN 'withdrawn' THEN 'withdrawn'
          WHEN 'ended_early' THEN 'withdrawn'
          WHEN 'completed' THEN 'completed'
          ELSE CASE WHEN EXISTS (SELECT 1 FROM fs WHERE fs.mid = mt.mid) THEN 'active' ELSE 'matched' END
        END AS status, k AS o, NULL::INTEGER AS cohort
      FROM mt
      UNION ALL
      SELECT id, any_value(prog), 'mentor', NULL, NULL, NULL, min(k), NULL FROM mentor_q GROUP BY id
      UNION ALL
      SELECT m.id, m.prog, CASE WHEN h.id IS NOT NULL THEN 'facilitator' ELSE 'participant' END, NULL, NULL, NULL, min(m.k), m.cohort
      FROM pmem m LEFT JOIN hosts h ON h.id = m.id AND h.prog = m.prog AND h.cohort = m.cohort
      GROUP BY m.id, m.prog, m.cohort, h.id
      UNION ALL
      SELECT coach, 5, 'coach', NULL, NULL, NULL, min(k), NULL FROM clog GROUP BY coach`);
    // dates and statuses of the rows that are not mentee requests: from the first quarter of participation
    await run(`
      CREATE TABLE enr2 AS
      SELECT e.id, e.prog, e.role, e.o,
        coalesce(e.enrolled, CASE WHEN e.role = 'mentee' THEN NULL ELSE cal.qstart - 1 - floor(rnd('enr', e.id, e.prog * 100 + e.o) * 20)::INTEGER END) AS enrolled,
        -- applications precede the earliest enrolment date above (qstart - 21)
        coalesce(e.applied, cal.qstart - 22 - floor(rnd('app', e.id, e.prog * 100 + e.o) * 30)::INTEGER) AS applied,
        coalesce(e.status,
          CASE WHEN e.cohort IS NOT NULL THEN
                 CASE WHEN t.term_date <= make_date(e.cohort, 12, 31) THEN 'withdrawn'
                      WHEN make_date(e.cohort, 12, 31) <= ${d(DATA_END)} THEN 'completed'
                      ELSE 'active' END
               WHEN t.term_date IS NOT NULL THEN 'withdrawn'
               ELSE 'active' END) AS status
      FROM enr e JOIN cal ON cal.k = e.o JOIN pterm t ON t.id = e.id`);
    {
      const file = 'together_enrollments.csv';
      const rows = await copy(`
        SELECT pid(e.id) AS "Participant ID", p.email AS "Participant Email", 'PRG-10' || e.prog AS "Program ID",
          e.role AS "Role", e.applied AS "Applied On", e.enrolled AS "Enrolled On", e.status AS "Status"
        FROM enr2 e JOIN person p ON p.id = e.id ORDER BY e.applied, e.id, e.prog, e.role, e.o`,
        file, 'FORMAT csv, HEADER true');
      add(file, 'csv', {
        table: 'enrollments',
        columns: { person_id: 'Participant ID', program_id: 'Program ID', role: 'Role', applied_date: 'Applied On', enrolled_date: 'Enrolled On', status: 'Status' },
      }, rows, 'Together applications and enrollments of every program: mentees (one row per request), mentors, circle participants and facilitators, coaches.');
    }

    // ------------------------------------------------------------------ feedback (1..10)
    await run(`
      CREATE TABLE fb AS
      WITH f AS (
        SELECT fs.mid, fs.j, s.sid, fs.dt, mt.mentor, mt.id AS mentee, mt.dormant,
          nrm('mq', fs.mid, 0) - CASE WHEN mt.dormant THEN 0.8 ELSE 0 END AS mq
        FROM fs JOIN mt USING (mid) JOIN sess s ON s.src = 'F' AND s.a = fs.mid AND s.b = fs.j
      ), raters AS (
        SELECT 1 AS src, sid AS fkey, 0 AS r, sid, mid, mentor AS rater, 'mentor' AS role, dt, mq FROM f WHERE rnd('fbm', sid, 0) < 0.3
        UNION ALL
        SELECT 1, sid, 1, sid, mid, mentee, 'mentee', dt, mq FROM f WHERE rnd('fbe', sid, 0) < 0.4
        UNION ALL
        SELECT 2, a.sid, a.id, a.sid, NULL, a.id, 'participant', s.dt, 0.0 FROM att a JOIN sess s USING (sid) WHERE rnd('fbp', a.id, a.sid) < 0.2
        UNION ALL
        SELECT 3, mid, 0, NULL, mid, mentor, 'mentor', end_date, nrm('mq', mid, 0) FROM mt WHERE status IN ('completed', 'ended_early') AND rnd('fbx', mid, 0) < 0.5
        UNION ALL
        SELECT 3, mid, 1, NULL, mid, id, 'mentee', end_date, nrm('mq', mid, 0) FROM mt WHERE status IN ('completed', 'ended_early') AND rnd('fbx', mid, 1) < 0.6
      )
      SELECT src, fkey, r, sid, mid, rater, role,
        dt + floor(rnd('fbd', fkey, src * 10000000 + r) * 5)::INTEGER AS submitted,
        greatest(1, least(10, round(CASE src WHEN 2 THEN 7.6 + 1.4 * nrm('fbr', fkey, src * 10000000 + r)
                                              ELSE 8.0 + 1.1 * mq + 1.0 * nrm('fbr', fkey, src * 10000000 + r) END)))::INTEGER AS rating,
        CASE WHEN rnd('fbc', fkey, src * 10000000 + r) < 0.3
             THEN ${list(COMMENTS)}[1 + floor(rnd('fbt', fkey, src * 10000000 + r) * ${COMMENTS.length})::INTEGER] END AS comment
      FROM raters`);
    {
      const file = 'qooper_feedback.csv';
      const rows = await copy(`
        SELECT 'R-' || lpad(row_number() OVER (ORDER BY submitted, src, fkey, r)::VARCHAR, 8, '0') AS "Response ID",
          CASE WHEN sid IS NOT NULL THEN sesid(sid) END AS "Session ID",
          CASE WHEN mid IS NOT NULL THEN 'MT-' || lpad(mid::VARCHAR, 6, '0') END AS "Match ID",
          pid(rater) AS "Respondent ID", role AS "Respondent Role", rating AS "Rating (1-10)",
          submitted AS "Submitted On", comment AS "Comments"
        FROM fb WHERE submitted <= ${d(DATA_END)} ORDER BY submitted, src, fkey, r`,
        file, 'FORMAT csv, HEADER true');
      add(file, 'csv', {
        table: 'feedback',
        columns: { session_id: 'Session ID', match_id: 'Match ID', rater_id: 'Respondent ID', rater_role: 'Respondent Role', rating: 'Rating (1-10)', submitted_date: 'Submitted On' },
        ratingScale: '1-10',
      }, rows, 'Qooper session and end-of-match surveys on a 1-10 scale; Comments is free text to be dropped.');
    }

    // ------------------------------------------------------------------ goals
    const goalStatus = (u: string, dormant: string, due: string) => `
      CASE WHEN ${dormant} THEN ${wcase(u, [['abandoned', 0.4], ['at_risk', 0.3], ['not_started', 0.3]])}
           WHEN ${due} <= ${d(DATA_END)} THEN ${wcase(u, [['completed', 0.6], ['abandoned', 0.15], ['at_risk', 0.15], ['on_track', 0.1]])}
           ELSE ${wcase(u, [['completed', 0.25], ['on_track', 0.45], ['at_risk', 0.15], ['not_started', 0.15]])} END`;
    await run(`
      CREATE TABLE goal AS
      WITH g AS (
        SELECT 1 AS src, mid AS gkey, j, id AS person, mid, dormant,
          matched_date + 3 + floor(rnd('gset', mid, j) * 30)::INTEGER AS set_date,
          least(coalesce(end_date, ${d(DATA_END)}), ${d(DATA_END)}) AS stop
        FROM mt, range(0, 3) r(j)
        WHERE matched_date IS NOT NULL AND rnd('hasgoal', mid, 0) < 0.85 AND j < 1 + floor(rnd('ngoal', mid, 0) * 3)
        UNION ALL
        SELECT 2, id, cohort, id, NULL, FALSE, min(qstart) + 7 + floor(rnd('pgset', id, cohort) * 30)::INTEGER, ${d(DATA_END)}
        FROM pmem WHERE prog = 3 AND rnd('pgoal', id, cohort) < 0.25 GROUP BY id, cohort
      ), g2 AS (
        SELECT *, set_date + 90 + floor(rnd('gdue', gkey, src * 10000 + j) * 91)::INTEGER AS due_date,
          rnd('gstat', gkey, src * 10000 + j) AS u
        FROM g WHERE set_date <= stop
      ), g3 AS (
        SELECT *, ${goalStatus('u', 'dormant', 'due_date')} AS status FROM g2
      )
      SELECT row_number() OVER (ORDER BY set_date, src, gkey, j) AS gid, person, mid, set_date, due_date, status,
        CASE WHEN status = 'completed' THEN
          set_date + floor((least(due_date, ${d(DATA_END)}) - set_date) * (0.4 + 0.6 * rnd('gdone', gkey, src * 10000 + j)))::INTEGER END AS completed_date
      FROM g3`);
    {
      const file = 'qooper_goals.ndjson';
      const rows = await copy(`
        SELECT 'G-' || lpad(gid::VARCHAR, 7, '0') AS "goalId", pid(person) AS "userId",
          CASE WHEN mid IS NOT NULL THEN 'MT-' || lpad(mid::VARCHAR, 6, '0') END AS "connectionId",
          set_date AS "createdAt", due_date AS "dueDate", status, completed_date AS "completedAt"
        FROM goal ORDER BY gid`,
        file, 'FORMAT json');
      add(file, 'ndjson', {
        table: 'goals',
        columns: { goal_id: 'goalId', person_id: 'userId', match_id: 'connectionId', set_date: 'createdAt', due_date: 'dueDate', status: 'status', completed_date: 'completedAt' },
      }, rows, 'Qooper goals (newline-delimited JSON): goals of formal mentees (with connectionId) and of peer-circle members.');
    }

    const totalPeople = Number((await c.runAndReadAll('SELECT count(DISTINCT id) FROM snap')).getRows()[0][0]);
    const planted: PlantedDisparity[] = plant ? [
      {
        id: 'slow-matching-hispanic',
        model: 'time_to_match',
        dimension: 'race_ethnicity',
        group: HISPANIC,
        reference: 'White',
        where: 'formal programs (PRG-101, PRG-102), all mentee requests',
        effect: `median days from request to match about ${WAIT_FACTOR}x the reference (exponential waits, median ${(WAIT_MEAN_DAYS * Math.LN2).toFixed(1)} vs ${(WAIT_FACTOR * WAIT_MEAN_DAYS * Math.LN2).toFixed(1)} days); more of the group's requests are still pending at ${DATA_END}`,
        expectedRatio: WAIT_FACTOR,
        window: `all requests ${ACTIVITY_START}..${DATA_END} (Kaplan-Meier, pending requests censored at ${DATA_END})`,
      },
      {
        id: 'l3-women-promotion',
        model: 'promotion_rate',
        dimension: 'gender',
        group: G_WOMAN,
        reference: 'Man',
        where: 'level L3',
        effect: `promoted at about ${PROMO_WOMEN_L3_FACTOR}x the reference rate (quarterly promotion probability ${(PROMO[3] * PROMO_WOMEN_L3_FACTOR).toFixed(3)} vs ${PROMO[3]}; other levels equal)`,
        expectedRatio: PROMO_WOMEN_L3_FACTOR,
        window: `every quarter; pool the four quarters ${PERIODS[0]}..${PERIODS[3]} (person-quarters of L3 headcount at quarter start) for significance with 2,000 people; a yearly cohort (L3 at ${SNAPSHOTS[0]}, promoted by ${SNAPSHOTS[4]}) reads about ${((1 - (1 - PROMO[3] * PROMO_WOMEN_L3_FACTOR) ** 4) / (1 - (1 - PROMO[3]) ** 4)).toFixed(2)}x`,
      },
      {
        id: 'black-mentor-pool',
        model: 'mentor_pool_representation',
        dimension: 'race_ethnicity',
        group: BLACK,
        reference: 'population eligible to mentor (level at or above the median level)',
        where: 'mentors of the formal programs (enrollments role mentor; matches mentor_user_id)',
        effect: `share among mentors about ${MENTOR_POOL_TARGET}x the group's share among those eligible to mentor`,
        expectedRatio: MENTOR_POOL_TARGET,
        window: `any quarter; e.g. mentors enrolled by ${SNAPSHOTS[4]} and employed then vs the eligible headcount at ${SNAPSHOTS[4]}`,
      },
    ] : [];

    const manifest: DemoManifest = DemoManifestSchema.parse({
      generator: 'pathways-demo/1',
      seed,
      peopleCount: N,
      totalPeople,
      plantDisparities: plant,
      periods: PERIODS,
      snapshots: SNAPSHOTS,
      activityStart: ACTIVITY_START,
      dataEnd: DATA_END,
      levelOrder: LEVELS,
      files,
      plantedDisparities: planted,
    });
    writeFileSync(join(opts.outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    return manifest;
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

function daysIn(q: Quarter): number {
  return Math.round((Date.parse(q.end) - Date.parse(q.start)) / 86_400_000) + 1;
}

async function setup(c: DuckDBConnection, seed: number, idWidth: number): Promise<void> {
  // rnd: uniform [0,1) from (seed, purpose, a, b). The outer hash re-mixes all bits: DuckDB's
  // multi-argument hash combines by XOR, which would correlate draws that differ only in purpose.
  await c.run(`CREATE MACRO rnd(p, a, b) AS
    (hash(hash(${seed}::BIGINT, p::VARCHAR, a::BIGINT, b::BIGINT)) >> 11)::DOUBLE / 9007199254740992.0`);
  // approximately standard normal (Irwin-Hall of four uniforms, rescaled)
  await c.run(`CREATE MACRO nrm(p, a, b) AS
    (rnd(p || '#1', a, b) + rnd(p || '#2', a, b) + rnd(p || '#3', a, b) + rnd(p || '#4', a, b) - 2.0) * 1.7320508075688772`);
  await c.run(`CREATE MACRO pid(i) AS 'E' || lpad(i::VARCHAR, ${idWidth}, '0')`);
}

/**
 * Fills in managers for the rows of `cur` and appends them to `snap`. A manager is kept while
 * they are employed and above their report; otherwise a new one is drawn in the same
 * department among the active people at least one level up (L3 at least); L6 report to the
 * department head (the department's first L6), who has no manager in the roster.
 */
async function assignManagers(c: DuckDBConnection): Promise<void> {
  await c.run(`
    CREATE OR REPLACE TEMP TABLE pool AS
    SELECT cur.id, cur.level, p.dept, row_number() OVER (PARTITION BY p.dept ORDER BY cur.level DESC, cur.id) AS rk
    FROM cur JOIN person p USING (id) WHERE cur.term_date IS NULL AND cur.level >= 3`);
  await c.run(`
    CREATE OR REPLACE TEMP TABLE pcge AS
    WITH n AS (SELECT dept, level, count(*) AS c FROM pool GROUP BY ALL)
    SELECT dept, t, sum(c)::BIGINT AS cnt FROM n, range(3, 7) r(t) WHERE level >= t GROUP BY ALL`);
  // the rank to pick is computed first, so that the pick is a plain equi-join
  await c.run(`
    CREATE OR REPLACE TEMP TABLE need AS
    SELECT cur.*, p.dept,
      cur.term_date IS NOT NULL OR (m.id IS NOT NULL AND m.level > cur.level) AS keep,
      CASE WHEN cur.level = 6 THEN 1 ELSE 1 + floor(rnd('mgr', cur.id, cur.k) * g.cnt)::BIGINT END AS pick_rk
    FROM cur JOIN person p USING (id)
    LEFT JOIN pool m ON m.id = cur.mgr
    LEFT JOIN pcge g ON g.dept = p.dept AND g.t = CASE WHEN cur.level <= 2 THEN 3 WHEN cur.level = 6 THEN 6 ELSE cur.level + 1 END`);
  await c.run(`
    INSERT INTO snap
    SELECT n.k, n.id, n.level, n.prev_level,
      CASE WHEN n.keep THEN n.mgr WHEN pk.id = n.id THEN NULL ELSE pk.id END AS mgr,
      n.promo_date, n.term_date
    FROM need n LEFT JOIN pool pk ON pk.dept = n.dept AND pk.rk = n.pick_rk
    ORDER BY n.id`);
}
