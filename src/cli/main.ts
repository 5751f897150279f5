import { parseArgs } from 'node:util';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve, basename } from 'node:path';
import { Workspace } from '../workspace/workspace';
import { importFiles } from '../ingest/importFiles';
import { MappingProfileSchema, CANONICAL_FIELDS, type MappingProfileInput } from '../ingest/mappingProfile';
import { inspectFile } from '../ingest/inspectFile';
import { runModel, resultToArrow } from '../models/runModel';
import { loadModels } from '../models/registry';
import { workspaceInfo } from '../api/workspaceInfo';
import { removePerson } from '../workspace/removePerson';
import { fiscalStartMonth, setFiscalStartMonth } from '../workspace/fiscalYear';
import { createCore } from '../api/core';
import { startBrowserServer } from '../server/browserServer';
import { UploadStore } from '../api/uploads';
import { ensureDemoWorkspace } from '../app/demoWorkspace';
import { defaultDataDir, appRoot } from '../paths';
import { toErrorInfo, PathwaysError } from '../errors';
import { toTextTable, toCsv } from './format';
import { reportCommand, reviewCommand, UsageError } from './reportCommands';

const HELP: Record<string, string> = {
  '': `pathways — audit mentorship and career equity, offline.

Usage: pathways <command> [options]

Commands:
  demo      build the demo workspace from generated vendor-style exports
  import    import export files into a workspace
  run       run a model for a review period and print or save the result
  models    list the models
  info      describe a workspace: tables, imports, periods
  report    write the review pack for a period: pdf, html, csv (zip) or xlsx
  review    save (seal), list, show and compare reviews
  serve     open the app in browser mode on 127.0.0.1
  remove-person  erase one person from every table (data-subject request)
  fiscal-year    show or set the month the fiscal year starts in (review periods are its quarters)

Run "pathways <command> --help" for a command's options.`,
  demo: `pathways demo [--dir DIR] [--people N] [--seed S] [--no-disparities]

Builds DIR/workspace.duckdb (default: the app-data folder's demo/) from generated exports in DIR/files.`,
  import: `pathways import FILE... --workspace W [--mapping PROFILE.json] [--skip-invalid] [--rejects REJECTS.csv]

Imports the files as one transaction. PROFILE.json maps the files' columns onto a canonical table
({"table": "people", "columns": {"person_id": "Employee ID", ...}}). Without --mapping, a profile
saved in the workspace for the same header is used, else one suggested from the column names
when it covers every required field. Without --skip-invalid any
rejected row stops the import and nothing is written; the rejects are listed with file, row,
column, value and reason. --rejects writes them all to a new CSV file: an existing file (above
all one of the files being imported) is refused, never overwritten. Exit code 3 means rows were
rejected.`,
  run: `pathways run MODEL --workspace W --period YYYY-Qn [--dimension D] [--dimension2 D] [--k N]
               [--reference largest|highest|GROUP] [--format table|csv|json|arrow] [--out FILE]

Runs a model with disclosure control applied (k defaults to 5 and is never below 3).`,
  models: 'pathways models\n\nLists every model with the question it answers.',
  info: 'pathways info --workspace W\n\nTables, row counts, imports and review periods of a workspace.',
  report: `pathways report --workspace W --period YYYY-Qn --format pdf|html|csv|xlsx --out FILE
               [--dimension D[,D...]] [--k N] [--reference largest|highest|GROUP] [--compare YYYY-Qn]
               [--title TEXT] [--chromium PATH]

Writes the review pack for the period: executive summary, findings, one section per area with
charts and tables, methodology and provenance. Dimensions default to gender,race_ethnicity; k to 5
(never below 3); --compare to the quarter before. --format csv writes one zip holding one CSV per
table; xlsx one workbook with one sheet per table. PDF is printed by headless Chromium (found at
/usr/bin/chromium and the usual places, or --chromium / PATHWAYS_CHROMIUM).`,
  review: `pathways review save --workspace W --period YYYY-Qn [--dimension D[,D...]] [--k N] [--title TEXT] ...
pathways review list --workspace W
pathways review show ID --workspace W [--format pdf|html|csv|xlsx --out FILE]
pathways review compare A B --workspace W [--format text|json]

save seals a review in the workspace: settings, input file hashes, model versions and every
output. show prints a sealed review's findings (or writes it in a format, from what it stored);
it exits 1 if the stored review no longer matches its seal. compare lists what changed between
two sealed reviews and which group rates changed by more than chance (two-proportion tests).`,
  'remove-person': `pathways remove-person PERSON_ID --workspace W

Erases one person, named by the id their HR system uses, from every table in one transaction:
their roster snapshots, job events, enrollments, attendance, goals, feedback and kept values are
deleted; matches and sessions shared with others keep the other side, with the person's id
replaced by a random one that matches nothing. Sealed reviews hold only suppressed aggregates
and stay as they were. The id is not printed or stored. Exit code 1 if no row matched.`,
  'fiscal-year': `pathways fiscal-year --workspace W [--start-month N]

Prints the month (1-12) the workspace's fiscal year starts in, or sets it with --start-month.
Review periods are the quarters of that year, named after the calendar year in which it ends:
with April, 2026-Q1 is April to June 2025. Every figure is computed for the new quarters.`,
  serve: 'pathways serve [--workspace W] [--port N]\n\nServes the app on 127.0.0.1 (browser mode); prints the address to open.',
};

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  workspace: { type: 'string', short: 'w' },
  mapping: { type: 'string', short: 'm' },
  'skip-invalid': { type: 'boolean' },
  rejects: { type: 'string' },
  period: { type: 'string', short: 'p' },
  dimension: { type: 'string', short: 'd' },
  dimension2: { type: 'string' },
  k: { type: 'string' },
  reference: { type: 'string' },
  format: { type: 'string', short: 'f' },
  out: { type: 'string', short: 'o' },
  dir: { type: 'string' },
  people: { type: 'string' },
  seed: { type: 'string' },
  'no-disparities': { type: 'boolean' },
  port: { type: 'string' },
  compare: { type: 'string' },
  title: { type: 'string' },
  chromium: { type: 'string' },
  'start-month': { type: 'string' },
} as const;

class Usage extends Error {}

const need = (v: string | undefined, flag: string): string => {
  if (!v) throw new Usage(`missing --${flag}`);
  return v;
};
const int = (v: string | undefined, flag: string): number | undefined => {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new Usage(`--${flag} takes a whole number`);
  return Number(v);
};

/** The saved profile for this header, else a complete suggestion; never a silent partial guess. */
async function profileFor(ws: Workspace, path: string, err: NodeJS.WritableStream): Promise<MappingProfileInput> {
  const inspection = await inspectFile(path, { ws });
  if (inspection.savedProfile) return inspection.savedProfile;
  const s = inspection.suggestion;
  if (!s.table || s.confidence < 1) {
    // Where no table fits, the closest one still says what it found and what it lacks.
    const closest = s.table ?? (Object.keys(s.columns).length ? s.alternatives[0]?.table : undefined);
    const found = Object.entries(s.columns).map(([f, c]) => `${c} -> ${f}`).join(', ');
    const why = closest
      ? ` (${s.table ? 'looks like' : 'closest to'} ${closest}${found ? `, found ${found}` : ''}; required fields not found: ${CANONICAL_FIELDS[closest].required.filter((f) => !(f in s.columns)).join(', ')})`
      : ` (no column name matches a field of any table; its columns are: ${inspection.columns.slice(0, 12).join(', ')}${inspection.columns.length > 12 ? ', …' : ''})`;
    throw new PathwaysError('MAPPING_INVALID', `cannot tell how to map ${inspection.file}${why}; write a mapping profile and pass it with --mapping`, { file: inspection.file });
  }
  err.write(`${inspection.file}: mapped as ${s.table} from its column names (${Object.entries(s.columns).map(([f, c]) => `${c} -> ${f}`).join(', ')})${s.sensitive.length ? `; dropped: ${s.sensitive.join(', ')}` : ''}\n`);
  // The sheet and header row the inspection read the columns from: a workbook's first sheet is
  // often a summary, and its header often sits below title rows.
  return { table: s.table, columns: s.columns, sheet: inspection.sheet, headerRow: inspection.headerRow };
}

/** A mapping profile file, checked against the schema, with a message that says what is wrong where. */
function readProfile(path: string): MappingProfileInput {
  const name = basename(path);
  let text: string;
  try { text = readFileSync(path, 'utf8'); } catch {
    throw new PathwaysError('FILE_UNREADABLE', `the mapping profile ${name} cannot be read: no such file or no permission`, { file: name });
  }
  let json: unknown;
  try { json = JSON.parse(text); } catch (e) {
    throw new PathwaysError('MAPPING_INVALID', `the mapping profile ${name} is not valid JSON (${(e as Error).message})`, { file: name });
  }
  const parsed = MappingProfileSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`).join('; ');
    throw new PathwaysError('MAPPING_INVALID', `the mapping profile ${name} is not a valid profile: ${issues}. A profile looks like {"table": "people", "columns": {"person_id": "Employee ID", "snapshot_date": "As Of Date", "level": "Job Level"}}`, { file: name });
  }
  return parsed.data;
}

export async function main(argv: string[], out = process.stdout, err = process.stderr): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    err.write(`pathways: ${(e as Error).message}\n`);
    return 2;
  }
  const { values: o, positionals } = parsed;
  const [command = '', ...rest] = positionals;
  if (o.help || command === '' || command === 'help') {
    out.write(`${HELP[command === 'help' ? '' : command] ?? HELP['']}\n`);
    return command in HELP || command === 'help' ? 0 : 2;
  }
  if (!(command in HELP)) {
    err.write(`pathways: unknown command "${command}"\n\n${HELP['']}\n`);
    return 2;
  }
  try {
    switch (command) {
      case 'demo': {
        const dir = resolve(o.dir ?? join(defaultDataDir(), 'demo'));
        const r = await ensureDemoWorkspace({ dir, people: int(o.people, 'people'), seed: int(o.seed, 'seed'), plantDisparities: !o['no-disparities'], onProgress: (m) => err.write(`${m}\n`) });
        out.write(`${r.created ? 'built' : 'already built'}: ${r.path}\n`);
        return 0;
      }
      case 'import': {
        if (!rest.length) throw new Usage('name at least one file to import');
        const given = o.mapping ? readProfile(resolve(o.mapping)) : null;
        const ws = await Workspace.open(resolve(need(o.workspace, 'workspace')));
        try {
          const requests = [];
          for (const f of rest) requests.push({ path: resolve(f), profile: given ?? await profileFor(ws, resolve(f), err) });
          const report = await importFiles(ws, requests, {
            onInvalid: o['skip-invalid'] ? 'skip' : 'fail', rejectsPath: o.rejects ? resolve(o.rejects) : null,
          });
          for (const f of report.files) {
            out.write(`${f.file}: ${f.status}, ${f.rowsImported} rows into ${f.table}${f.rowsReplaced ? ` (${f.rowsReplaced} replaced)` : ''}${f.rejected ? `, ${f.rejected} rejected` : ''}\n`);
            for (const n of f.notes) out.write(`  note: ${n}\n`);
          }
          for (const r of report.rejects.slice(0, 50)) err.write(`${r.file}, row ${r.row}, column "${r.column}": ${r.reason}${r.value !== null ? ` (value: ${JSON.stringify(r.value)})` : ''}\n`);
          if (report.rejectedTotal > 50) err.write(`… and ${report.rejectedTotal - 50} more${report.rejectsFile ? ` (all in ${report.rejectsFile})` : ''}\n`);
          if (!report.ok && !o['skip-invalid']) err.write('nothing was imported; fix the file, or import the valid rows with --skip-invalid [--rejects rejects.csv]\n');
          return report.ok ? 0 : 3;
        } finally { ws.close(); }
      }
      case 'run': {
        const model = rest[0] ?? '';
        if (!model) throw new Usage('name the model to run (see "pathways models")');
        const ref = o.reference === undefined || o.reference === 'largest' || o.reference === 'highest' ? (o.reference ?? 'largest') : { group: o.reference };
        const ws = await Workspace.open(resolve(need(o.workspace, 'workspace')));
        try {
          const result = await runModel(ws, model, {
            period: need(o.period, 'period'), dimension: o.dimension ?? 'gender', dimension2: o.dimension2 ?? null,
            k: int(o.k, 'k') ?? 5, reference: ref as 'largest',
          });
          const format = o.format ?? 'table';
          const cols = result.columns.map((c) => c.name);
          let text: string | Uint8Array;
          if (format === 'arrow') text = resultToArrow(result);
          else if (format === 'csv') text = toCsv(result.rows, cols);
          else if (format === 'json') text = `${JSON.stringify({ ...result, columns: cols }, null, 2)}\n`;
          else if (format === 'table') text = `${result.title} — ${result.period.label}\n${result.question}\n\n${toTextTable(result.rows, cols)}\n`;
          else throw new Usage('--format is one of table, csv, json, arrow');
          if (o.out) writeFileSync(resolve(o.out), text);
          else if (typeof text === 'string') out.write(text);
          else throw new Usage('--format arrow needs --out FILE');
          return 0;
        } finally { ws.close(); }
      }
      case 'report':
        return await reportCommand(o, out, err);
      case 'review':
        return await reviewCommand(rest[0], rest.slice(1), o, out, err);
      case 'models': {
        for (const m of loadModels().models.values()) out.write(`${m.header.name.padEnd(28)} ${m.header.area.padEnd(15)} ${m.header.question}\n`);
        return 0;
      }
      case 'info': {
        const ws = await Workspace.open(resolve(need(o.workspace, 'workspace')));
        try {
          out.write(`${JSON.stringify(await workspaceInfo(ws), null, 2)}\n`);
          return 0;
        } finally { ws.close(); }
      }
      case 'remove-person': {
        if (rest.length !== 1) throw new Usage('name exactly one person id');
        const ws = await Workspace.open(resolve(need(o.workspace, 'workspace')));
        try {
          const r = await removePerson(ws, rest[0]);
          if (!r.found) {
            err.write('pathways remove-person: no row of this workspace belongs to that id (ids are matched exactly as the HR system wrote them); nothing changed\n');
            return 1;
          }
          const deleted = Object.entries(r.deleted).filter(([, n]) => n > 0).map(([t, n]) => `${n} from ${t}`);
          const unlinked = Object.entries(r.unlinked).filter(([, n]) => n > 0).map(([t, n]) => `${n} in ${t}`);
          out.write(`removed: ${deleted.join(', ') || 'no rows of their own'}${unlinked.length ? `; unlinked from shared rows: ${unlinked.join(', ')}` : ''}\n`);
          return 0;
        } finally { ws.close(); }
      }
      case 'fiscal-year': {
        const month = int(o['start-month'], 'start-month');
        if (month !== undefined && (month < 1 || month > 12)) throw new Usage('--start-month takes a month number from 1 (January) to 12');
        const ws = await Workspace.open(resolve(need(o.workspace, 'workspace')));
        try {
          if (month !== undefined) await setFiscalStartMonth(ws, month);
          const m = await fiscalStartMonth(ws);
          out.write(`the fiscal year starts in month ${m} (${new Date(Date.UTC(2000, m - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' })})\n`);
          return 0;
        } finally { ws.close(); }
      }
      case 'serve': {
        const path = o.workspace ? resolve(o.workspace) : (await ensureDemoWorkspace({ dir: join(defaultDataDir(), 'demo'), onProgress: (m) => err.write(`${m}\n`) })).path;
        const ws = await Workspace.open(path);
        const uploads = new UploadStore();
        const server = await startBrowserServer({ core: createCore(ws, uploads, { prepare: true }), uploads, staticDir: join(appRoot(), 'dist', 'renderer'), port: int(o.port, 'port') });
        out.write(`Pathways is running in browser mode for ${path}\nOpen ${server.openUrl}\nPress Ctrl+C to stop.\n`);
        await new Promise<void>((done) => {
          const stop = () => { void server.close().then(() => { ws.close(); uploads.cleanup(); done(); }); };
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        return 0;
      }
    }
    return 2;
  } catch (e) {
    if (e instanceof Usage || e instanceof UsageError) {
      err.write(`pathways ${command}: ${e.message}\n\n${HELP[command]}\n`);
      return 2;
    }
    const info = toErrorInfo(e);
    const where = info.where ? ` [${[info.where.file, info.where.row && `row ${info.where.row}`, info.where.column && `column "${info.where.column}"`].filter(Boolean).join(', ')}]` : '';
    err.write(`pathways ${command}: ${info.message}${where}\n`);
    return e instanceof PathwaysError && e.code === 'BAD_REQUEST' ? 2 : 1;
  }
}
