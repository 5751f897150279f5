import { basename, dirname } from 'node:path';
import { lstatSync, statSync } from 'node:fs';
import { ImportOptionsSchema, type ImportOptions, type FileReport, type ImportReport, type ImportProgress } from './importReport';
import { quotedIdentifier, listValue, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { PathwaysError } from '../errors';
import type { Workspace } from '../workspace/workspace';
import { detectFormat, type FileFormat } from './formats';
import { fileHash } from './fileHash';
import { openSource, malformedLines, type Source } from './readSource';
import { CANONICAL_FIELDS, MappingProfileSchema, type ImportTable, type MappingProfile, type MappingProfileInput } from './mappingProfile';
import { FIELD_SPECS, ENUM_SYNONYMS } from './fieldSpecs';
import { typingMacros } from './typing';
import { LANDING_ORDER } from './tableRules';
import { LANDING_SQL } from './landing';
import { paramsUsedBy } from '../workspace/bindUsed';
import { headerSignature } from './inspectFile';
import { instrument, ProgressTracker, cancelled } from './importConnection';
import { buildLookups, typedQuery, rowRules, tableChecks, wholeIdRule } from './rowChecks';
import { readErrorReason } from './readError';

const FORMAT_NAMES: Record<FileFormat, string> = { csv: 'CSV', xlsx: 'an Excel workbook', parquet: 'Parquet', json: 'JSON' };

export { ImportOptionsSchema, RejectSchema, FileReportSchema, ImportReportSchema } from './importReport';
export type { ImportOptions, Reject, FileReport, ImportReport, ImportProgress } from './importReport';

export interface ImportRequest {
  path: string;
  profile: MappingProfileInput;
  /** The name to report (an upload's original name); defaults to the file's own name. */
  name?: string;
}

/** What a caller can watch and stop; not part of the validated options because they are not data. */
export interface ImportHooks {
  /** Aborting interrupts the running statement; the whole import rolls back. */
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
}

const MAX_REPORTED_REJECTS = 1000;

class RolledBack extends Error {
  constructor(readonly report: ImportReport) { super('rolled back'); }
}

/**
 * Imports files into the workspace as ONE transaction: everything lands, or (on an error, a
 * cancel, a dry run, or a rejected row with onInvalid 'fail') nothing does and the workspace is
 * exactly as before. Rows are typed and checked in SQL; rejects name file, row, column, value
 * and reason.
 */
export async function importFiles(ws: Workspace, requests: ImportRequest[], options: ImportOptions = {}, hooks: ImportHooks = {}): Promise<ImportReport> {
  const opts = ImportOptionsSchema.parse(options);
  const jobs = requests.map((r) => {
    const name = r.name ?? basename(r.path);
    const parsed = MappingProfileSchema.safeParse(r.profile);
    if (!parsed.success) {
      throw new PathwaysError('MAPPING_INVALID', `the mapping for ${name} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, { file: name });
    }
    return { path: r.path, name, profile: parsed.data, format: detectFormat(r.path, name) };
  });
  jobs.sort((a, b) => LANDING_ORDER.indexOf(a.profile.table) - LANDING_ORDER.indexOf(b.profile.table));
  if (opts.rejectsPath) checkRejectsPath(opts.rejectsPath, jobs);
  if (hooks.signal?.aborted) throw cancelled();
  const hashes = await Promise.all(jobs.map((j) => fileHash(j.path)));
  const progress = new ProgressTracker(jobs.length, hooks.onProgress);

  try {
    const report = await ws.write(async (c0) => {
      const c = instrument(c0, hooks.signal, progress);
      await c.run(typingMacros(ws.salt));
      await c.run('CREATE OR REPLACE TEMP TABLE enum_synonyms (field VARCHAR, raw VARCHAR, canonical VARCHAR)');
      const syn = Object.entries(ENUM_SYNONYMS).flatMap(([field, m]) => Object.entries(m).map(([raw, canonical]) => [field, raw, canonical]));
      await c.run('INSERT INTO enum_synonyms SELECT unnest($f), unnest($r), unnest($c)', {
        f: listValue(syn.map((s) => s[0])), r: listValue(syn.map((s) => s[1])), c: listValue(syn.map((s) => s[2])),
      });
      await c.run('CREATE OR REPLACE TEMP TABLE all_rejects (file VARCHAR, row BIGINT, "column" VARCHAR, value VARCHAR, reason VARCHAR)');
      const files: FileReport[] = [];
      for (let i = 0; i < jobs.length; i++) {
        progress.startFile(i, jobs[i].name);
        files.push(await importOne(c, jobs[i].path, jobs[i].name, jobs[i].format, jobs[i].profile, hashes[i], progress));
      }
      const total = Number((await c.runAndReadAll('SELECT count(*) AS n FROM all_rejects')).getRowObjectsJS()[0].n);
      const rejects = (await c.runAndReadAll(`SELECT * FROM all_rejects ORDER BY file, row, "column", reason LIMIT ${MAX_REPORTED_REJECTS}`))
        .getRowObjectsJS().map((r) => ({ file: String(r.file), row: Number(r.row), column: String(r.column), value: r.value === null ? null : String(r.value), reason: String(r.reason) }));
      let rejectsFile: string | null = null;
      if (total > 0 && opts.rejectsPath) {
        // Written even when the import then fails: the user fixes the file from this list.
        await c.run(`COPY (SELECT * FROM all_rejects ORDER BY file, row, "column", reason) TO ${quotedString(opts.rejectsPath)} (HEADER, DELIMITER ',')`);
        rejectsFile = opts.rejectsPath;
      }
      const result: ImportReport = { ok: total === 0, files, rejects, rejectedTotal: total, rejectsFile };
      const nothingLands = (status: (f: FileReport) => FileReport['status']) => new RolledBack({
        ...result, files: files.map((f) => ({ ...f, status: status(f), rowsImported: 0, rowsReplaced: 0, importId: f.status === 'unchanged' ? f.importId : null })),
      });
      if (opts.dryRun) throw nothingLands((f) => (f.status === 'imported' ? 'checked' : f.status));
      if (total > 0 && opts.onInvalid === 'fail') throw nothingLands((f) => (f.rejected > 0 ? 'rejected' : f.status));
      await c.run('DROP TABLE IF EXISTS all_rejects; DROP TABLE IF EXISTS enum_synonyms;');
      return result;
    });
    progress.finish();
    return report;
  } catch (err) {
    if (err instanceof RolledBack) { progress.finish(); return err.report; }
    throw err;
  }
}

const quotedString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * The rejects list goes to a new file, checked before anything is read or written: never one
 * of the files being imported (a user's export replaced by its own rejects), never a file that
 * exists already (overwritten without a word), and a folder that exists.
 */
function checkRejectsPath(path: string, jobs: { path: string; name: string }[]): void {
  const refuse = (why: string) => new PathwaysError('BAD_REQUEST', `cannot write the rejects to ${path}: ${why} Nothing was imported.`);
  const stat = (p: string, follow = true) => { try { return follow ? statSync(p) : lstatSync(p); } catch { return null; } };
  // lstat: a symlink is an existing name even when what it points to is not there.
  if (stat(path, false)) {
    const st = stat(path);
    if (st?.isDirectory()) throw refuse('it is a folder; give a file name for the rejects list.');
    // The same file under another name too (a symlink, a hard link): same device and inode.
    const input = st && jobs.find((j) => { const i = stat(j.path); return i !== null && i.dev === st.dev && i.ino === st.ino; });
    if (input) throw refuse(`it is ${input.name}, one of the files being imported; give the rejects list a new file name.`);
    throw refuse('the file exists already and is not overwritten; give the rejects list a new file name (or remove the old list).');
  }
  const dir = dirname(path);
  if (!stat(dir)?.isDirectory()) throw refuse(`the folder ${dir} does not exist.`);
}

const one = async (c: DuckDBConnection, sql: string, params?: Record<string, DuckDBValue>) => (await c.runAndReadAll(sql, params)).getRowObjectsJS()[0];

async function importOne(c: DuckDBConnection, path: string, file: string, format: FileFormat, profile: MappingProfile, hash: string, progress: ProgressTracker): Promise<FileReport> {
  const table = profile.table;
  const base: FileReport = { file, table, format, hash, status: 'unchanged', rowsRead: 0, rowsValid: 0, rowsImported: 0, rowsReplaced: 0, rejected: 0, notes: [], importId: null };
  const seen = (await c.runAndReadAll('SELECT import_id, rejected_count FROM imports WHERE file_hash = $h AND table_name = $t ORDER BY import_id', { h: hash, t: table })).getRowObjectsJS();
  if (seen.length) {
    const id = Number(seen[0].import_id);
    const rejectedBefore = Number(seen[0].rejected_count);
    // Its rejected rows are not brought in by importing it again (the hash says nothing changed);
    // the way to get those that are valid now is to remove that import, then import again.
    const notes = rejectedBefore > 0
      ? [`this exact file was imported before (import ${id}): nothing changed. That import rejected ${rejectedBefore} row${rejectedBefore > 1 ? 's' : ''}; to bring in those that are valid now, remove import ${id} (in the app: Data page, "Imports in this workspace", Remove; "pathways serve" opens the app) and import the file again`]
      : ['this exact file was imported before: nothing changed'];
    return { ...base, notes, importId: id };
  }

  const source = await openSource(c, path, file, format, profile);
  try {
    const notes = [...source.notes];
    const spec = FIELD_SPECS[table];
    const { required } = CANONICAL_FIELDS[table];
    // Every mapped source column must exist: a wrong mapping is the user's to fix, not a reject per row.
    const mapped = Object.entries(profile.columns).filter(([field]) => field in spec);
    for (const [field, col] of Object.entries(profile.columns)) {
      if (!(field in spec)) throw new PathwaysError('MAPPING_INVALID', `${file}: "${field}" is not a field of ${table}.`, { file, column: col });
      if (!source.columns.includes(col)) {
        throw new PathwaysError('MAPPING_INVALID', `${file} has no column "${col}" (mapped to ${field}); its columns are: ${source.columns.slice(0, 30).join(', ')}${source.columns.length > 30 ? ', …' : ''}.`, { file, column: col });
      }
    }
    const dims = Object.entries(profile.extraDimensions);
    if (dims.length && table !== 'people') throw new PathwaysError('MAPPING_INVALID', `${file}: extra equity dimensions are declared on a roster (people) file only.`, { file });
    for (const [dim, col] of dims) {
      if (!source.columns.includes(col)) throw new PathwaysError('MAPPING_INVALID', `${file} has no column "${col}" (declared as dimension ${dim}).`, { file, column: col });
      if (dim in spec) throw new PathwaysError('MAPPING_INVALID', `${file}: "${dim}" is a field of ${table}, not an extra dimension; map it as a column instead.`, { file, column: col });
    }
    for (const col of profile.keep) {
      if (!source.columns.includes(col)) throw new PathwaysError('MAPPING_INVALID', `${file} has no column "${col}" (marked to keep).`, { file, column: col });
    }
    const missing = required.filter((f) => !(f in profile.columns) && !(table === 'people' && f === 'snapshot_date' && profile.snapshotDate) && !(table === 'sessions' && f === 'layer' && profile.layer));
    if (missing.length) {
      throw new PathwaysError('MAPPING_INVALID', `${file}: required field${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${table} ${missing.length > 1 ? 'are' : 'is'} not mapped to any column.`, { file });
    }
    const sourceOf = new Map(mapped);
    const numericIds = numericIdColumns(source, table, sourceOf);

    // Stage: one scan of the file into canonical names, text values, trimmed, blanks as NULL.
    // Only mapped columns are read, so names, e-mails and comments never even reach a table.
    // Trimming here, once, keeps every later expression over a plain column (DuckDB expands
    // macros and pushes filters by substitution, so a nested trim would be evaluated many times).
    const cell = (src: string) => `nullif(trim(${quotedIdentifier(src)}::VARCHAR), '')`;
    const select: string[] = [];
    for (const field of Object.keys(spec)) {
      const src = sourceOf.get(field);
      const numeric = numericIds.get(field);
      if (src && numeric) select.push(`${idCell(src, numeric)} AS ${field}`);
      else if (src) select.push(`${cell(src)} AS ${field}`);
      else if (field === 'snapshot_date' && profile.snapshotDate) select.push(`$snapshot_date::VARCHAR AS ${field}`);
      else if (field === 'layer' && profile.layer) select.push(`$layer::VARCHAR AS ${field}`);
      else select.push(`NULL::VARCHAR AS ${field}`);
    }
    dims.forEach(([, src], i) => select.push(`${cell(src)} AS __dim${i}`));
    profile.keep.forEach((src, i) => select.push(`${cell(src)} AS __keep${i}`));
    const stageParams: Record<string, DuckDBValue> = { ...source.params };
    if (profile.snapshotDate) stageParams.snapshot_date = profile.snapshotDate;
    if (profile.layer) stageParams.layer = profile.layer;
    // Blank lines (every mapped cell empty) are flagged in the same scan and skipped.
    const blankTest = [...sourceOf.keys(), ...dims.map((_, i) => `__dim${i}`)].map((f) => `${f} IS NULL`);
    try {
      await c.run(`CREATE OR REPLACE TEMP TABLE stage_all AS SELECT *, ${blankTest.length ? blankTest.join(' AND ') : 'false'} AS __blank FROM (SELECT ${select.join(', ')} FROM ${source.from})`, stageParams);
    } catch (err) {
      // The reader failing past what describing the file saw (a JSON record with a key twice):
      // the file's fault, said without the record DuckDB quotes.
      throw new PathwaysError('FILE_UNREADABLE', `${file} could not be read as ${FORMAT_NAMES[format]}: ${readErrorReason((err as Error).message)}`, { file });
    }
    const malformed = await malformedLines(c, source);
    // Row numbers: rows created inside a transaction get rowids from a large offset, so count
    // from the first; insertion order is file order. Lines the CSV reader set aside are not in
    // stage_all, so rows after each of them move down by one.
    const counts = await one(c, 'SELECT coalesce(min(rowid), 0) AS r, count(*) AS n, count(*) FILTER (WHERE __blank) AS blank FROM stage_all');
    const rowid0 = BigInt(counts.r as bigint);
    const skips = malformed.map((m, j) => m.row - source.rowOffset - j);
    const rowExpr = skips.length
      ? `(rowid - ${rowid0} + ${source.rowOffset} + len(list_filter([${skips.join(', ')}], x -> x <= rowid - ${rowid0})))::BIGINT`
      : `(rowid - ${rowid0} + ${source.rowOffset})::BIGINT`;
    await c.run(`CREATE OR REPLACE TEMP VIEW stage AS SELECT ${rowExpr} AS __row, * EXCLUDE (__blank) FROM stage_all WHERE NOT __blank`);
    const rowsRead = Number(counts.n);
    const blank = Number(counts.blank);
    // A header with no rows is legitimate (no goals set yet) but often a filter left on in the
    // source system: it lands nothing, and the report says so.
    if (rowsRead - blank === 0 && !malformed.length) notes.push('the file has a header but no data rows');
    if (blank) notes.push(`${blank} blank row${blank > 1 ? 's' : ''} skipped`);

    progress.setStep('checking');
    const lookups = await buildLookups(c, table, dims.map(([d]) => d), file, sourceOf, profile.dateFormat);
    notes.push(...lookups.notes);
    const sqlOpts = { dims: dims.map(([d]) => d), lookups: lookups.tables, fileHash: hash };
    const typed = typedQuery(table, sqlOpts);

    // Row rules in one scan that computes only what the rules read (no id hashing); the
    // reasons are then worked out for the flagged rows alone.
    const rules = [...rowRules(table, new Set(sourceOf.keys())), ...[...numericIds.keys()].map(wholeIdRule)];
    const ruleParams = { scale: profile.ratingScale };
    await c.run('CREATE OR REPLACE TEMP TABLE rejects (__row BIGINT, field VARCHAR, value VARCHAR, reason VARCHAR)');
    if (rules.length) {
      const flagSql = `CREATE OR REPLACE TEMP TABLE flagged AS SELECT __row FROM (${typed}) WHERE ${rules.map((r) => `coalesce(${r.when}, false)`).join(' OR ')}`;
      await c.run(flagSql, paramsUsedBy(flagSql, ruleParams));
      const detailSql = `INSERT INTO rejects SELECT __row, e.f, e.v, e.r FROM (
        SELECT __row, unnest(list_filter([${rules.map((r) => `{'f': '${r.field}', 'v': ${r.field}__raw, 'r': CASE WHEN ${r.when} THEN ${r.reason} END}`).join(', ')}], e -> e.r IS NOT NULL)) AS e
        FROM (${typed} WHERE s.__row IN (SELECT __row FROM flagged)))`;
      if (Number((await one(c, 'SELECT count(*) AS n FROM flagged')).n)) await c.run(detailSql, paramsUsedBy(detailSql, ruleParams));
      await c.run('DROP TABLE flagged');
    }
    // Checks across rows and tables: (row, field, reason); the raw value is looked up after.
    const checks = await tableChecks(c, table, { typed, keys: typedQuery(table, { ...sqlOpts, keysOnly: true }) }, sourceOf, notes);
    if (checks.length) {
      await c.run(`CREATE OR REPLACE TEMP TABLE cross_rejects AS ${checks.join('\nUNION ALL\n')}`);
      if (Number((await one(c, 'SELECT count(*) AS n FROM cross_rejects')).n)) {
        // A numeric id already rejected as not whole (1001.5) is not also reported as unknown.
        const numeric = [...numericIds.keys()];
        await c.run(`INSERT INTO rejects SELECT x.__row, x.field, CASE x.field ${Object.keys(spec).map((f) => `WHEN '${f}' THEN s.${f}`).join(' ')} END, x.reason
          FROM cross_rejects x JOIN stage s ON s.__row = x.__row${numeric.length ? `
          WHERE NOT (list_contains($numeric, x.field) AND EXISTS (SELECT 1 FROM rejects r WHERE r.__row = x.__row AND r.field = x.field))` : ''}`,
        numeric.length ? { numeric: listValue(numeric) } : undefined);
      }
      await c.run('DROP TABLE cross_rejects');
    }
    for (const m of malformed) {
      await c.run(`INSERT INTO rejects VALUES ($row, '(line)', NULL, $reason)`, { row: m.row, reason: m.reason });
    }
    // A person's id is never repeated in a report, a rejects file or a log: the row and the
    // column find it in the user's own file. Nor is a match, session or goal id, pseudonymized
    // like a person's because vendors build them from employee ids ("E001-2026-05-01").
    const personFields = Object.entries(spec).filter(([, k]) => k.kind === 'person' || k.kind === 'key').map(([f]) => f);
    if (personFields.length) await c.run('UPDATE rejects SET value = NULL WHERE list_contains($fields, field)', { fields: listValue(personFields) });
    await c.run(`INSERT INTO all_rejects
      SELECT $file, r.__row, coalesce(m.source, r.field), r.value, r.reason FROM rejects r
      LEFT JOIN (SELECT unnest($fields) AS field, unnest($sources) AS source) m ON m.field = r.field`,
      { file, fields: listValue(mapped.map(([f]) => f)), sources: listValue(mapped.map(([, s]) => s)) });
    const rejected = await one(c, 'SELECT count(DISTINCT __row) AS n, count(DISTINCT __row) FILTER (WHERE field <> \'(line)\') AS in_stage FROM rejects');
    const rejectedRows = Number(rejected.n);

    // Land: one import record, then the valid rows, typed (and their ids hashed) in the same
    // scan that writes them.
    progress.setStep('landing');
    const importId = Number((await one(c, "SELECT nextval('import_id_seq') AS id")).id);
    await c.run(`CREATE OR REPLACE TEMP VIEW valid AS SELECT * FROM (${typed}) t${Number(rejected.in_stage) ? ' WHERE NOT EXISTS (SELECT 1 FROM rejects r WHERE r.__row = t.__row)' : ''}`);
    const validRows = rowsRead - blank - Number(rejected.in_stage);
    const landing = LANDING_SQL[table];
    let replaced = 0;
    if (landing.replaceKey) {
      const k = landing.replaceKey;
      replaced = Number((await one(c, `SELECT count(*) AS n FROM ${table} WHERE ${k} IN (SELECT ${k} FROM valid)`)).n);
      if (replaced) await c.run(`DELETE FROM ${table} WHERE ${k} IN (SELECT ${k} FROM valid)`);
    }
    if (table === 'coaching_log') await c.run('CREATE OR REPLACE TEMP TABLE valid_log AS SELECT * FROM valid');
    const landParams: Record<string, DuckDBValue> = { import_id: importId };
    if (table === 'sessions') landParams.default_layer = profile.layer;
    if (table === 'feedback') landParams.rating_scale = profile.ratingScale;
    for (const sql of [landing.insert].flat()) await c.run(sql, paramsUsedBy(sql, landParams));
    // Columns kept on purpose: stored apart (kept_values), never in a canonical table.
    for (let i = 0; i < profile.keep.length; i++) {
      const who = 'person_id' in spec ? 'pseudo(s.person_id)' : 'NULL';
      await c.run(`INSERT INTO kept_values SELECT $id, __row, ${who}, $col, __keep${i} FROM stage s WHERE __keep${i} IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM rejects r WHERE r.__row = s.__row)`, { id: importId, col: profile.keep[i] });
    }
    const snapshot = table === 'people'
      ? await one(c, 'SELECT max(snapshot_date)::VARCHAR AS d, count(DISTINCT snapshot_date) AS n FROM people WHERE import_id = $id', { id: importId })
      : null;
    if (snapshot && Number(snapshot.n) > 1) notes.push(`the file holds ${snapshot.n} snapshots`);
    await c.run(`INSERT INTO imports VALUES ($id, $file, $hash, $format, $table, $rows, $rejected, $snapshot::DATE, $mapping::JSON, now()::TIMESTAMP)`, {
      id: importId, file, hash, format, table, rows: validRows, rejected: rejectedRows,
      snapshot: snapshot?.d === undefined ? null : (snapshot.d as string | null), mapping: JSON.stringify(profile),
    });
    // Declared extra dimensions become choices for every model's breakdown.
    for (const [d] of dims) await c.run('INSERT INTO equity_dimensions VALUES ($d, false) ON CONFLICT DO NOTHING', { d });
    // The mapping is offered again, automatically, when a file with the same header arrives.
    await c.run(`INSERT INTO mapping_profiles VALUES ($sig, $table, $profile::JSON, now()::TIMESTAMP)
      ON CONFLICT (header_signature) DO UPDATE SET table_name = excluded.table_name, profile = excluded.profile, saved_at = excluded.saved_at`,
      { sig: headerSignature(source.columns), table, profile: JSON.stringify(profile) });
    await c.run(`DROP VIEW IF EXISTS valid; DROP VIEW IF EXISTS stage; DROP TABLE IF EXISTS stage_all; DROP TABLE IF EXISTS typed;
      DROP TABLE IF EXISTS valid_log; DROP TABLE IF EXISTS rejects; ${lookups.tables.map((l) => `DROP TABLE IF EXISTS ${l};`).join(' ')}`);
    return { ...base, status: 'imported', rowsRead: rowsRead + malformed.length, rowsValid: validRows, rowsImported: validRows, rowsReplaced: replaced, rejected: rejectedRows, notes, importId };
  } finally {
    source.cleanup();
  }
}

/**
 * Id fields whose column the file itself stores as numbers with a fractional part: FLOAT,
 * DOUBLE or DECIMAL(p, s > 0) in Parquet or JSON (pandas writes an id column with a gap as
 * floats, 1001.0). CSV and Excel are read as text and keep the id as written.
 */
function numericIdColumns(source: Source, table: ImportTable, sourceOf: Map<string, string>): Map<string, string> {
  const found = new Map<string, string>();
  if (!source.types) return found;
  const ids = [...sourceOf].filter(([f]) => ['person', 'key', 'program'].includes(FIELD_SPECS[table][f].kind));
  for (const [f, col] of ids) {
    const t = source.types[col] ?? '';
    if (t === 'FLOAT' || t === 'DOUBLE' || /^DECIMAL\(\d+,\s*[1-9]\d*\)$/.test(t)) found.set(f, t);
  }
  return found;
}

/**
 * The staged text of a numeric id: a whole value as its integer text ('1001', as the roster
 * writes it), NaN as missing (pandas' empty cell). Anything else stays as the number's text
 * (1001.5, inf, a float too large to hold its integer exactly) and wholeIdRule rejects it.
 */
function idCell(src: string, type: string): string {
  const x = quotedIdentifier(src);
  if (type.startsWith('DECIMAL')) return `CASE WHEN ${x} = trunc(${x}) THEN ${x}::HUGEINT::VARCHAR ELSE ${x}::VARCHAR END`;
  // Integers are exact in a FLOAT up to 2^24, in a DOUBLE up to 2^53; beyond, the id may have been rounded.
  const exact = type === 'FLOAT' ? 2 ** 24 : 2 ** 53;
  return `CASE WHEN isnan(${x}) THEN NULL WHEN isfinite(${x}) AND ${x} = trunc(${x}) AND abs(${x}) <= ${exact} THEN ${x}::HUGEINT::VARCHAR ELSE ${x}::VARCHAR END`;
}

export type { ImportTable };
