import { basename } from 'node:path';
import { ImportOptionsSchema, type ImportOptions, type FileReport, type ImportReport } from './importReport';
import { quotedIdentifier, listValue, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { PathwaysError } from '../errors';
import type { Workspace } from '../workspace/workspace';
import { detectFormat, type FileFormat } from './formats';
import { fileHash } from './fileHash';
import { openSource, malformedLines } from './readSource';
import { CANONICAL_FIELDS, MappingProfileSchema, type ImportTable, type MappingProfile, type MappingProfileInput } from './mappingProfile';
import { FIELD_SPECS, ENUM_SYNONYMS } from './fieldSpecs';
import { typedExpr, typeCheck, TYPING_MACROS, LOOKUP_VARIABLES } from './typing';
import { ROW_KEYS, DATE_ORDER, REFERENCES, LANDING_ORDER } from './tableRules';
import { LANDING_SQL } from './landing';
import { detectDateFormats } from './dateFormats';
import { learnLevelLabels } from './levelOrder';
import { paramsUsedBy } from '../workspace/bindUsed';
import { headerSignature } from './inspectFile';

export { ImportOptionsSchema, RejectSchema, FileReportSchema, ImportReportSchema } from './importReport';
export type { ImportOptions, Reject, FileReport, ImportReport } from './importReport';

export interface ImportRequest {
  path: string;
  profile: MappingProfileInput;
  /** The name to report (an upload's original name); defaults to the file's own name. */
  name?: string;
}

const MAX_REPORTED_REJECTS = 1000;

class Rejected extends Error {
  constructor(readonly report: ImportReport) { super('rejected'); }
}

/**
 * Imports files into the workspace as ONE transaction: everything lands, or (on an error, or
 * on a rejected row with onInvalid 'fail') nothing does and the workspace is exactly as before.
 * Rows are typed and checked in SQL; rejects name file, row, column, value and reason.
 */
export async function importFiles(ws: Workspace, requests: ImportRequest[], options: ImportOptions = {}): Promise<ImportReport> {
  const opts = ImportOptionsSchema.parse(options);
  const jobs = requests.map((r) => {
    const parsed = MappingProfileSchema.safeParse(r.profile);
    if (!parsed.success) {
      throw new PathwaysError('MAPPING_INVALID', `the mapping for ${basename(r.path)} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, { file: basename(r.path) });
    }
    return { path: r.path, name: r.name ?? basename(r.path), profile: parsed.data, format: detectFormat(r.path, r.name) };
  });
  jobs.sort((a, b) => LANDING_ORDER.indexOf(a.profile.table) - LANDING_ORDER.indexOf(b.profile.table));
  const hashes = await Promise.all(jobs.map((j) => fileHash(j.path)));

  try {
    return await ws.write(async (c) => {
      await c.run(TYPING_MACROS);
      await c.run('SET VARIABLE pathways_salt = $salt', { salt: ws.salt });
      await c.run('CREATE OR REPLACE TEMP TABLE enum_synonyms (field VARCHAR, raw VARCHAR, canonical VARCHAR)');
      const syn = Object.entries(ENUM_SYNONYMS).flatMap(([field, m]) => Object.entries(m).map(([raw, canonical]) => [field, raw, canonical]));
      await c.run('INSERT INTO enum_synonyms SELECT unnest($f), unnest($r), unnest($c)', {
        f: listValue(syn.map((s) => s[0])), r: listValue(syn.map((s) => s[1])), c: listValue(syn.map((s) => s[2])),
      });
      await c.run('CREATE OR REPLACE TEMP TABLE all_rejects (file VARCHAR, row BIGINT, "column" VARCHAR, value VARCHAR, reason VARCHAR)');
      const files: FileReport[] = [];
      for (let i = 0; i < jobs.length; i++) {
        files.push(await importOne(c, jobs[i].path, jobs[i].name, jobs[i].format, jobs[i].profile, hashes[i]));
      }
      const total = Number((await c.runAndReadAll('SELECT count(*) AS n FROM all_rejects')).getRowObjectsJS()[0].n);
      const rejects = (await c.runAndReadAll(`SELECT * FROM all_rejects ORDER BY file, row, "column" LIMIT ${MAX_REPORTED_REJECTS}`))
        .getRowObjectsJS().map((r) => ({ file: String(r.file), row: Number(r.row), column: String(r.column), value: r.value === null ? null : String(r.value), reason: String(r.reason) }));
      let rejectsFile: string | null = null;
      if (total > 0 && opts.rejectsPath) {
        await c.run(`COPY (SELECT * FROM all_rejects ORDER BY file, row, "column") TO ${quotedString(opts.rejectsPath)} (HEADER, DELIMITER ',')`);
        rejectsFile = opts.rejectsPath;
      }
      const report: ImportReport = { ok: total === 0, files, rejects, rejectedTotal: total, rejectsFile };
      if (total > 0 && opts.onInvalid === 'fail') {
        throw new Rejected({ ...report, files: files.map((f) => ({ ...f, status: f.rejected > 0 ? 'rejected' : f.status, rowsImported: 0, rowsReplaced: 0, importId: null })) });
      }
      await c.run('DROP TABLE IF EXISTS all_rejects; DROP TABLE IF EXISTS enum_synonyms;');
      return report;
    });
  } catch (err) {
    if (err instanceof Rejected) return err.report;
    throw err;
  }
}

const quotedString = (s: string) => `'${s.replace(/'/g, "''")}'`;

async function importOne(c0: DuckDBConnection, path: string, file: string, format: FileFormat, profile: MappingProfile, hash: string): Promise<FileReport> {
  const c = traced(c0);
  const table = profile.table;
  const base: FileReport = { file, table, format, hash, status: 'unchanged', rowsRead: 0, rowsImported: 0, rowsReplaced: 0, rejected: 0, notes: [], importId: null };
  const seen = (await c.runAndReadAll('SELECT import_id FROM imports WHERE file_hash = $h AND table_name = $t', { h: hash, t: table })).getRowObjectsJS();
  if (seen.length) return { ...base, notes: ['this exact file was imported before: nothing changed'], importId: Number(seen[0].import_id) };

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
    for (const [dim, col] of Object.entries(profile.extraDimensions)) {
      if (!source.columns.includes(col)) throw new PathwaysError('MAPPING_INVALID', `${file} has no column "${col}" (declared as dimension ${dim}).`, { file, column: col });
    }
    const missing = required.filter((f) => !(f in profile.columns) && !(table === 'people' && f === 'snapshot_date' && profile.snapshotDate) && !(table === 'sessions' && f === 'layer' && profile.layer));
    if (missing.length) {
      throw new PathwaysError('MAPPING_INVALID', `${file}: required field${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${table} ${missing.length > 1 ? 'are' : 'is'} not mapped to any column.`, { file });
    }
    const sourceOf = new Map(mapped);

    // Stage: one scan of the file into canonical names, text values. Only mapped columns are
    // read, so names, e-mails and comments never even reach a table.
    const select: string[] = [];
    for (const field of Object.keys(spec)) {
      const src = sourceOf.get(field);
      if (src) select.push(`${quotedIdentifier(src)}::VARCHAR AS ${field}`);
      else if (field === 'snapshot_date' && profile.snapshotDate) select.push(`$snapshot_date::VARCHAR AS ${field}`);
      else if (field === 'layer' && profile.layer) select.push(`$layer::VARCHAR AS ${field}`);
      else select.push(`NULL::VARCHAR AS ${field}`);
    }
    const dims = Object.entries(profile.extraDimensions);
    dims.forEach(([, src], i) => select.push(`${quotedIdentifier(src)}::VARCHAR AS __dim${i}`));
    const stageParams: Record<string, DuckDBValue> = { ...source.params };
    if (profile.snapshotDate) stageParams.snapshot_date = profile.snapshotDate;
    if (profile.layer) stageParams.layer = profile.layer;
    // Blank lines (every mapped cell empty) are flagged in the same scan and skipped.
    const blankTest = [...sourceOf.values()].map((src) => `nullif(trim(${quotedIdentifier(src)}::VARCHAR), '') IS NULL`);
    await c.run(`CREATE OR REPLACE TEMP TABLE stage_all AS SELECT ${select.join(', ')}, ${blankTest.length ? blankTest.join(' AND ') : 'false'} AS __blank FROM ${source.from}`, stageParams);
    const malformed = await malformedLines(c, source);
    // Row numbers: rows created inside a transaction get rowids from a large offset, so count
    // from the first; insertion order is file order.
    const counts = (await c.runAndReadAll('SELECT coalesce(min(rowid), 0) AS r, count(*) AS n, count(*) FILTER (WHERE __blank) AS blank FROM stage_all')).getRowObjectsJS()[0];
    const rowid0 = BigInt(counts.r as bigint);
    await c.run(`CREATE OR REPLACE TEMP VIEW stage AS SELECT (rowid - ${rowid0} + ${source.rowOffset})::BIGINT AS __row, * EXCLUDE (__blank) FROM stage_all WHERE NOT __blank`);
    const rowsRead = Number(counts.n);
    const blank = Number(counts.blank);
    if (blank) notes.push(`${blank} blank row${blank > 1 ? 's' : ''} skipped`);

    if (table === 'people' || table === 'job_events') notes.push(...await learnLevelLabels(c, table === 'people' ? ['level'] : ['from_level', 'to_level'], file));

    // Type: each field per its kind; raw text kept beside it for the reject report.
    const params: Record<string, DuckDBValue> = {};
    const formats = await detectDateFormats(c, Object.entries(spec).filter(([, k]) => k.kind === 'date').map(([f]) => f), profile.dateFormat, file, sourceOf);
    for (const [f, fmts] of Object.entries(formats.formats)) params[`fmt_${f}`] = listValue(fmts);
    notes.push(...formats.notes);
    for (const [f, k] of Object.entries(spec)) if (k.kind === 'enum') params[`enum_${f}`] = listValue([...k.values]);
    const typedCols = Object.entries(spec).map(([f, k]) => `${typedExpr(f, k)} AS ${f}, ${f} AS ${f}__raw`);
    if (table === 'people') {
      typedCols.push(`regexp_replace(nullif(trim(level), ''), '\\s+', ' ', 'g') AS level_label`);
      typedCols.push(dims.length
        ? `map_from_entries(list_filter([${dims.map(([d], i) => `{'k': $dimname${i}, 'v': normalize_label(nullif(trim(__dim${i}), ''), $dimname${i})}`).join(', ')}], e -> e.v IS NOT NULL)) AS extra_dims`
        : 'NULL::MAP(VARCHAR, VARCHAR) AS extra_dims');
      dims.forEach(([d], i) => { params[`dimname${i}`] = d; });
    }
    if (table === 'coaching_log') {
      typedCols.push(`coalesce(pseudo(nullif(trim(session_id), '')), pseudo('log:' || $file_hash || ':' || __row)) AS sid`);
      params.file_hash = hash;
    }
    await c.run(LOOKUP_VARIABLES);
    const typedSql = `CREATE OR REPLACE TEMP TABLE typed AS SELECT __row, ${typedCols.join(', ')} FROM stage`;
    await c.run(typedSql, paramsUsedBy(typedSql, params));

    // Check: row by row in SQL, every failure one reject with its reason.
    // Row checks in one scan: each check is a struct whose reason is NULL when the row passes.
    const rowChecks: string[] = [];
    for (const f of required) {
      if (f in spec) rowChecks.push(`{'f': '${f}', 'v': ${f}__raw, 'r': CASE WHEN nullif(trim(${f}__raw), '') IS NULL THEN 'required value missing' END}`);
    }
    for (const [f, k] of Object.entries(spec)) {
      const t = typeCheck(f, k);
      if (t) rowChecks.push(`{'f': '${f}', 'v': ${f}__raw, 'r': CASE WHEN ${t.when} THEN ${t.reason} END}`);
    }
    const checks: string[] = rowChecks.length
      ? [`SELECT __row, e.f AS field, e.v AS value, e.r AS reason FROM (SELECT __row, unnest(list_filter([${rowChecks.join(', ')}], e -> e.r IS NOT NULL)) AS e FROM typed)`]
      : [];
    if (table === 'feedback') {
      checks.push(`SELECT __row, 'rating', rating__raw, 'rating outside the ' || $scale || ' scale' FROM typed WHERE rating IS NOT NULL AND (rating < 1 OR rating > CASE WHEN $scale = '1-10' THEN 10 ELSE 5 END)`);
      checks.push(`SELECT __row, 'session_id', NULL, 'a rating needs a session or a match' FROM typed WHERE session_id IS NULL AND match_id IS NULL`);
    }
    if (table === 'matches') checks.push(`SELECT __row, 'mentee_id', mentee_id__raw, 'mentor and mentee are the same person' FROM typed WHERE mentor_id = mentee_id`);
    for (const [a, b] of DATE_ORDER[table] ?? []) {
      checks.push(`SELECT __row, '${b}', ${b}__raw, '${b} is before ${a} (' || ${a}::VARCHAR || ')' FROM typed WHERE ${b} < ${a}`);
    }
    const key = ROW_KEYS[table];
    if (key) {
      const k = key.join(', ');
      checks.push(`SELECT __row, '${key[0]}', ${key[0]}__raw, 'duplicate of row ' || first_row::VARCHAR FROM (
        SELECT __row, ${key[0]}__raw, min(__row) OVER (PARTITION BY ${k}) AS first_row FROM typed WHERE ${key.map((f) => `${f} IS NOT NULL`).join(' AND ')}
      ) WHERE __row > first_row`);
    }
    if (table === 'people') {
      checks.push(`SELECT t.__row, 'person_id', t.person_id__raw, 'already imported for snapshot ' || t.snapshot_date::VARCHAR || ' (from ' || i.file_name || ')'
        FROM typed t JOIN people p ON p.person_id = t.person_id AND p.snapshot_date = t.snapshot_date JOIN imports i ON i.import_id = p.import_id`);
    }
    const skipped: string[] = [];
    for (const ref of REFERENCES[table] ?? []) {
      if (!(ref.field in spec) || (!sourceOf.has(ref.field))) continue;
      const has = Number((await c.runAndReadAll(`SELECT count(*) AS n FROM ${ref.target}`)).getRowObjectsJS()[0].n);
      if (!has) { skipped.push(`${ref.what}s (no ${ref.target} imported yet)`); continue; }
      checks.push(`SELECT t.__row, '${ref.field}', t.${ref.field}__raw, 'unknown ${ref.what}: not in ${ref.target === 'people' ? 'any roster snapshot' : `the imported ${ref.target}`}'
        FROM typed t WHERE t.${ref.field} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${ref.target} x WHERE x.${ref.targetField} = t.${ref.field})`);
    }
    if (skipped.length) notes.push(`not checked against other tables: ${skipped.join(', ')}`);
    const rejectsSql = `CREATE OR REPLACE TEMP TABLE rejects AS ${checks.length ? checks.join('\nUNION ALL\n') : 'SELECT NULL::BIGINT AS __row, NULL::VARCHAR AS field, NULL::VARCHAR AS value, NULL::VARCHAR AS reason WHERE false'}`;
    await c.run(rejectsSql, paramsUsedBy(rejectsSql, { scale: profile.ratingScale }));
    for (const m of malformed) {
      await c.run(`INSERT INTO rejects VALUES ($row, '(line)', NULL, $reason)`, { row: m.row, reason: m.reason });
    }
    await c.run(`INSERT INTO all_rejects
      SELECT $file, r.__row, coalesce(m.source, r.field), r.value, r.reason FROM rejects r
      LEFT JOIN (SELECT unnest($fields) AS field, unnest($sources) AS source) m ON m.field = r.field`,
      { file, fields: listValue(mapped.map(([f]) => f)), sources: listValue(mapped.map(([, s]) => s)) });
    const rejectedRows = Number((await c.runAndReadAll('SELECT count(DISTINCT __row) AS n FROM rejects')).getRowObjectsJS()[0].n);

    // Land: one import record, then the valid rows.
    const importId = Number((await c.runAndReadAll("SELECT nextval('import_id_seq') AS id")).getRowObjectsJS()[0].id);
    await c.run('CREATE OR REPLACE TEMP VIEW valid AS SELECT * FROM typed t WHERE NOT EXISTS (SELECT 1 FROM rejects r WHERE r.__row = t.__row)');
    const validRows = Number((await c.runAndReadAll('SELECT count(*) AS n FROM valid')).getRowObjectsJS()[0].n);
    const landing = LANDING_SQL[table];
    let replaced = 0;
    if (landing.replaceKey) {
      const k = landing.replaceKey;
      replaced = Number((await c.runAndReadAll(`SELECT count(*) AS n FROM ${table} WHERE ${k} IN (SELECT ${k} FROM valid)`)).getRowObjectsJS()[0].n);
      await c.run(`DELETE FROM ${table} WHERE ${k} IN (SELECT ${k} FROM valid)`);
    }
    if (table === 'coaching_log') await c.run('CREATE OR REPLACE TEMP TABLE valid_log AS SELECT * FROM valid');
    const landParams: Record<string, DuckDBValue> = { import_id: importId };
    if (table === 'sessions') landParams.default_layer = profile.layer;
    if (table === 'feedback') landParams.rating_scale = profile.ratingScale;
    for (const sql of [landing.insert].flat()) await c.run(sql, paramsUsedBy(sql, landParams));
    const snapshot = table === 'people'
      ? (await c.runAndReadAll('SELECT max(snapshot_date)::VARCHAR AS d, count(DISTINCT snapshot_date) AS n FROM valid')).getRowObjectsJS()[0]
      : null;
    if (snapshot && Number(snapshot.n) > 1) notes.push(`the file holds ${snapshot.n} snapshots`);
    await c.run(`INSERT INTO imports VALUES ($id, $file, $hash, $format, $table, $rows, $rejected, $snapshot::DATE, $mapping::JSON, now()::TIMESTAMP)`, {
      id: importId, file, hash, format, table, rows: validRows, rejected: rejectedRows,
      snapshot: snapshot?.d === undefined ? null : (snapshot.d as string | null), mapping: JSON.stringify(profile),
    });
    // The mapping is offered again, automatically, when a file with the same header arrives.
    await c.run(`INSERT INTO mapping_profiles VALUES ($sig, $table, $profile::JSON, now()::TIMESTAMP)
      ON CONFLICT (header_signature) DO UPDATE SET table_name = excluded.table_name, profile = excluded.profile, saved_at = excluded.saved_at`,
      { sig: headerSignature(source.columns), table, profile: JSON.stringify(profile) });
    await c.run('DROP VIEW IF EXISTS valid; DROP VIEW IF EXISTS stage; DROP TABLE IF EXISTS stage_all; DROP TABLE IF EXISTS typed; DROP TABLE IF EXISTS valid_log; DROP TABLE IF EXISTS rejects;');
    return { ...base, status: 'imported', rowsRead: rowsRead + malformed.length, rowsImported: validRows, rowsReplaced: replaced, rejected: rejectedRows, notes, importId };
  } finally {
    source.cleanup();
  }
}

/** PATHWAYS_TRACE=1 prints each import statement's time: for tuning, never on by default. */
function traced(c: DuckDBConnection): DuckDBConnection {
  if (!process.env.PATHWAYS_TRACE) return c;
  const wrap = <T>(name: string, fn: (sql: string, p?: Record<string, DuckDBValue>) => Promise<T>) => async (sql: string, p?: Record<string, DuckDBValue>) => {
    const t = performance.now();
    const r = await fn(sql, p);
    process.stderr.write(`[import] ${(performance.now() - t).toFixed(0).padStart(6)} ms  ${sql.replace(/\s+/g, ' ').slice(0, 90)}\n`);
    return r;
  };
  return new Proxy(c, {
    get(target, prop) {
      if (prop === 'run') return wrap('run', (s, p) => target.run(s, p));
      if (prop === 'runAndReadAll') return wrap('read', (s, p) => target.runAndReadAll(s, p));
      const v = Reflect.get(target, prop);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}
