import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import { CANONICAL_FIELDS, type ImportTable } from './mappingProfile';
import { FIELD_SPECS } from './fieldSpecs';
import { isLookupKind, lookupExpr, typedExpr, keyExpr, typeCheck, LOOKUP_VARIABLES } from './typing';
import { learnLevelLabels } from './levelOrder';
import { detectDateFormats } from './dateFormats';
import { ROW_KEYS, DATE_ORDER, REFERENCES } from './tableRules';

/**
 * The SQL of the import's typing and checking, over the staged file `stage` (one text column
 * per canonical field, plus __row and __dim<i> for declared extra dimensions). Every name
 * spliced here is a canonical field name of FIELD_SPECS or a generated alias, never file text.
 */

const dimField = (i: number) => `__dim${i}`;

export interface Lookups {
  /** The lookup tables made, one per looked-up field (lk_<field>). */
  tables: string[];
  /** Notes for the report (level order learned, date order read). */
  notes: string[];
}

/**
 * Builds one lookup table `lk_<field>` per looked-up field (and per extra dimension) from the
 * file's distinct values, found in one scan of the stage. In between, on those distinct
 * values only, new level labels are learned and each date column's day/month order is
 * detected (an ambiguous column stops the import with a request to choose).
 */
export async function buildLookups(
  c: DuckDBConnection, table: ImportTable, dims: string[], file: string, sourceOf: Map<string, string>, dateFormat: string | null,
): Promise<Lookups> {
  const spec = FIELD_SPECS[table];
  const fields = Object.entries(spec).filter(([, k]) => isLookupKind(k)).map(([f]) => f);
  const dates = Object.entries(spec).filter(([, k]) => k.kind === 'date' ).map(([f]) => f);
  const all = [...fields, ...dims.map((_, i) => dimField(i))];
  const notes: string[] = [];
  // Distinct dates too: the day/month order is detected on them, not on every row.
  const listed = [...all, ...dates.filter((f) => sourceOf.has(f))];
  if (listed.length) await c.run(`CREATE OR REPLACE TEMP TABLE dv AS SELECT ${listed.map((f) => `list(DISTINCT ${f}) FILTER (WHERE ${f} IS NOT NULL) AS ${f}`).join(', ')} FROM stage`);
  const levels = fields.filter((f) => spec[f].kind === 'level');
  if (levels.length) notes.push(...await learnLevelLabels(c, levels.map((f) => `SELECT unnest(${f}) AS l FROM dv`).join(' UNION ALL '), file));
  const present = dates.filter((f) => sourceOf.has(f));
  const detected = await detectDateFormats(c, dates, dateFormat, file, sourceOf, present.length ? `(SELECT ${present.map((f) => `unnest(${f}) AS ${f}`).join(', ')} FROM dv)` : 'stage');
  notes.push(...detected.notes);
  for (const f of dates) await c.run(`SET VARIABLE fmt_${f} = $fmts`, { fmts: listValue(detected.formats[f]) });
  await c.run(LOOKUP_VARIABLES);
  for (const f of fields) {
    const e = lookupExpr(f, spec[f]);
    const k = spec[f];
    if (k.kind === 'label') {
      await c.run(caseFolded(`lk_${f}`, `SELECT raw, ${e.val} AS val FROM (SELECT unnest(${f}) AS raw FROM dv)`, `SELECT DISTINCT ${f} AS val FROM people`));
      continue;
    }
    const params = k.kind === 'enum' ? { [`enum_${f}`]: listValue([...k.values]) } : undefined;
    await c.run(`CREATE OR REPLACE TEMP TABLE lk_${f} AS SELECT raw, ${e.val} AS val${e.label ? `, ${e.label} AS label` : ''} FROM (SELECT unnest(${f}) AS raw FROM dv)`, params);
  }
  for (let i = 0; i < dims.length; i++) {
    await c.run(caseFolded(`lk_${dimField(i)}`, `SELECT raw, normalize_label(raw, $dim) AS val FROM (SELECT unnest(${dimField(i)}) AS raw FROM dv)`,
      'SELECT DISTINCT element_at(extra_dims, $dim)[1] AS val FROM people'), { dim: dims[i] });
  }
  if (listed.length) await c.run('DROP TABLE dv');
  return { tables: all.map((f) => `lk_${f}`), notes };
}

/**
 * Equity labels that differ only in case ("yes", "Yes") are one group. The spelling kept is
 * the one the workspace already has for that dimension, else the file's first in byte order
 * (capitals first: "Yes" over "yes"). Synonym merges (label_merges) have applied before.
 */
function caseFolded(table: string, values: string, known: string): string {
  return `CREATE OR REPLACE TEMP TABLE ${table} AS
    WITH v AS (${values}),
         w AS (SELECT lower(val) AS k, min(val) AS val FROM (${known}) WHERE val IS NOT NULL GROUP BY 1),
         f AS (SELECT lower(val) AS k, min(val) AS val FROM v WHERE val IS NOT NULL GROUP BY 1)
    SELECT v.raw, coalesce(w.val, f.val) AS val FROM v LEFT JOIN w ON w.k = lower(v.val) LEFT JOIN f ON f.k = lower(v.val)`;
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * One SELECT over `stage s` and its lookups giving, per row, __row, each field typed (<f>)
 * and as given (<f>__raw), and the table's extra columns. It has no parameters (so views can
 * be built on it) and ends in its FROM clause, so a caller may append a WHERE over `s`.
 * `keysOnly`: ids trimmed instead of pseudonymized, for the duplicate check.
 */
export function typedQuery(table: ImportTable, opts: { dims: string[]; lookups: string[]; fileHash: string; keysOnly?: boolean }): string {
  const spec = FIELD_SPECS[table];
  const cols = Object.entries(spec).map(([f, k]) => `${opts.keysOnly ? keyExpr(f, k) : typedExpr(f, k)} AS ${f}, s.${f} AS ${f}__raw`);
  if (table === 'people') {
    cols.push('lk_level.label AS level_label');
    // Dimension names are checked by the profile schema (^[a-z][a-z0-9_]*$) before they get here.
    cols.push(opts.dims.length
      ? `map_from_entries(list_filter([${opts.dims.map((d, i) => `{'k': ${sqlString(d)}, 'v': lk_${dimField(i)}.val}`).join(', ')}], e -> e.v IS NOT NULL)) AS extra_dims`
      : 'NULL::MAP(VARCHAR, VARCHAR) AS extra_dims');
  }
  if (table === 'coaching_log') {
    // A log without its own ids: one derived from the file's hash and the row, stable on re-import.
    if (!/^[0-9a-f]{64}$/.test(opts.fileHash)) throw new Error('file hash is not sha256 hex');
    cols.push(`coalesce(pseudo(s.session_id), pseudo('log:${opts.fileHash}:' || s.__row)) AS sid`);
  }
  const joins = opts.lookups.map((l) => `LEFT JOIN ${l} ON ${l}.raw = s.${l.slice(3)}`);
  return `SELECT s.__row, ${cols.join(', ')} FROM stage s ${joins.join(' ')}`;
}

export interface RowRule {
  /** The canonical field the reject is reported on. */
  field: string;
  /** SQL over typedQuery's columns: true when the row breaks the rule. */
  when: string;
  /** SQL giving the reason, evaluated where `when` holds. */
  reason: string;
}

/** Rules a row breaks on its own: required values, types, allowed values, dates in order. */
export function rowRules(table: ImportTable, mapped: Set<string> = new Set()): RowRule[] {
  const spec = FIELD_SPECS[table];
  const rules: RowRule[] = [];
  for (const f of CANONICAL_FIELDS[table].required) {
    if (f in spec) rules.push({ field: f, when: `${f}__raw IS NULL`, reason: `'required value missing'` });
  }
  for (const [f, k] of Object.entries(spec)) {
    const t = typeCheck(f, k);
    if (t) rules.push({ field: f, ...t });
  }
  if (table === 'feedback') {
    rules.push({ field: 'rating', when: `rating IS NOT NULL AND (rating < 1 OR rating > CASE WHEN $scale = '1-10' THEN 10 ELSE 5 END)`, reason: `'rating outside the ' || $scale || ' scale'` });
    // Reported on whichever of the two columns the file has.
    rules.push({ field: mapped.has('session_id') || !mapped.has('match_id') ? 'session_id' : 'match_id', when: 'session_id IS NULL AND match_id IS NULL', reason: `'a rating needs a session or a match'` });
  }
  if (table === 'matches') rules.push({ field: 'mentee_id', when: 'mentor_id = mentee_id', reason: `'mentor and mentee are the same person'` });
  for (const [a, b] of DATE_ORDER[table] ?? []) {
    rules.push({ field: b, when: `${b} < ${a}`, reason: `'${b} is before ${a} (' || ${a}::VARCHAR || ')'` });
  }
  return rules;
}

/**
 * An id the file stores as a number (see importFiles' numeric id columns) must be whole: its
 * staged text is then the integer's digits. What else is left there is a fraction, an infinity,
 * or a float too large to hold its integer exactly (the id may have been rounded).
 */
export function wholeIdRule(field: string): RowRule {
  const v = `${field}__raw`;
  const d = `TRY_CAST(${v} AS DOUBLE)`;
  return {
    field,
    when: `${v} IS NOT NULL AND NOT regexp_full_match(${v}, '-?[0-9]+')`,
    reason: `CASE WHEN isfinite(${d}) AND ${d} = trunc(${d})
      THEN 'a whole number too large for the file''s floating-point column to hold exactly (it may have been rounded): export the ids as text'
      ELSE 'not a whole number: the file stores this id column as decimal numbers, and an id has no fraction' END`,
  };
}

/**
 * Checks across rows and tables: duplicate keys in the file, roster rows already imported for
 * the same snapshot, references to other tables. Each is a SELECT of (__row, field, reason)
 * that names those columns: whichever comes first in the UNION ALL names cross_rejects' columns.
 * `typed` is typedQuery's SELECT; `keys` its keysOnly form. References are checked only when
 * the target table has rows (a file imported before its roster would otherwise reject
 * everything); `notes` says so.
 */
export async function tableChecks(c: DuckDBConnection, table: ImportTable, sql: { typed: string; keys: string }, sourceOf: Map<string, string>, notes: string[]): Promise<string[]> {
  const spec = FIELD_SPECS[table];
  const checks: string[] = [];
  const key = ROW_KEYS[table];
  if (key) {
    const k = key.join(', ');
    const given = key.map((f) => `${f} IS NOT NULL`).join(' AND ');
    // A 64-bit hash of the key finds the few candidate groups cheaply; the window then
    // compares the real keys of those rows only, so a hash collision cannot reject a row.
    checks.push(`SELECT __row, '${key[0]}' AS field, 'duplicate of row ' || first_row::VARCHAR AS reason FROM (
        SELECT __row, min(__row) OVER (PARTITION BY ${k}) AS first_row FROM (${sql.keys}) k
        WHERE ${given} AND hash(${k}) IN (SELECT h FROM (SELECT hash(${k}) AS h FROM (${sql.keys}) k WHERE ${given}) GROUP BY h HAVING count(*) > 1)
      ) WHERE __row > first_row`);
  }
  if (table === 'people') {
    const hasPeople = Number((await c.runAndReadAll('SELECT count(*) AS n FROM (SELECT 1 FROM people LIMIT 1)')).getRowObjectsJS()[0].n) > 0;
    const overlap = hasPeople ? Number((await c.runAndReadAll(`SELECT count(*) AS n FROM (SELECT DISTINCT snapshot_date FROM (${sql.keys}) k)
      WHERE snapshot_date IN (SELECT DISTINCT snapshot_date FROM people)`)).getRowObjectsJS()[0].n) : 0;
    if (overlap > 0) {
      checks.push(`SELECT t.__row, 'person_id' AS field, 'already imported for snapshot ' || t.snapshot_date::VARCHAR || ' (from ' || i.file_name || ')' AS reason
        FROM (${sql.typed}) t JOIN people p ON p.person_id = t.person_id AND p.snapshot_date = t.snapshot_date JOIN imports i ON i.import_id = p.import_id`);
    }
  }
  const skipped: string[] = [];
  for (const ref of REFERENCES[table] ?? []) {
    if (!(ref.field in spec) || !sourceOf.has(ref.field)) continue;
    const has = Number((await c.runAndReadAll(`SELECT count(*) AS n FROM (SELECT 1 FROM ${ref.target} LIMIT 1)`)).getRowObjectsJS()[0].n);
    if (!has) { skipped.push(`${ref.what}${ref.what.endsWith('ch') ? 'es' : 's'} (no ${ref.target} imported yet)`); continue; }
    checks.push(`SELECT t.__row, '${ref.field}' AS field, 'unknown ${ref.what}: not in ${ref.target === 'people' ? 'any roster snapshot' : `the imported ${ref.target}`}' AS reason
        FROM (${sql.typed}) t WHERE t.${ref.field} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${ref.target} x WHERE x.${ref.targetField} = t.${ref.field})`);
  }
  if (skipped.length) notes.push(`not checked against other tables: ${skipped.join(', ')}`);
  return checks;
}
