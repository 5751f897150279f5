import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withTempWorkspace } from '../helpers/tempWorkspace';
import { importFiles } from '../../src/ingest/importFiles';
import { loadModels } from '../../src/models/registry';
import { runModel, missingInputs, execute } from '../../src/models/runModel';
import type { ModelHeader } from '../../src/models/modelHeader';
import type { ModelFile } from '../../src/models/registry';
import { ModelParamsSchema } from '../../src/api/contract';
import { periodFromLabel } from '../../src/models/period';

/**
 * The privacy promise, checked on random small organisations: whatever model runs, no shown
 * row carries a count of 1..k-1 people (directly, or as the complement of a rate), and no
 * block of rows has exactly one suppressed cell, which a shown total would give away by
 * subtraction. Across blocks too: wherever the true (unsuppressed) figures add up - a row that
 * is the sum of the other rows of its group (a total slice beside its parts), or a column
 * shown in the rows that is the sum of a count over them (a group's total beside its levels) -
 * those rows never hold exactly one suppressed row. The relations are found in the model's
 * own aggregated rows for the organisation at hand, not taken from its header, so a model
 * that forgets to declare one fails here.
 */

const GENDERS = ['Woman', 'Man', 'Non-binary', ''];
const RACES = ['White', 'Asian', 'Black', 'Hispanic', ''];

const person = fc.record({
  gender: fc.constantFrom(...GENDERS),
  race: fc.constantFrom(...RACES),
  level: fc.integer({ min: 1, max: 4 }),
  // Rare, as in a real quarter: with half the people promoted or leaving nearly every level
  // cell is small and hidden, and the relations across slices are never put to the test.
  promoted: fc.integer({ min: 0, max: 5 }).map((x) => x === 0),
  leaves: fc.integer({ min: 0, max: 5 }).map((x) => x === 0),
  sessions: fc.integer({ min: 0, max: 3 }),
  layer: fc.constantFrom('formal', 'peer', 'informal'),
  mentor: fc.integer({ min: 0, max: 1000 }),
  waits: fc.integer({ min: 0, max: 120 }),
  matched: fc.boolean(),
  rating: fc.integer({ min: 1, max: 5 }),
});

type Person = typeof person extends fc.Arbitrary<infer T> ? T : never;

function writeOrg(dir: string, people: Person[]): void {
  const id = (i: number) => `E${i}`;
  const roster = ['id,snap,level,gender,race,hire,term,dept'];
  people.forEach((p, i) => {
    roster.push(`${id(i)},2025-03-31,${p.level},${p.gender},${p.race},2020-01-01,,D${i % 3}`);
    if (!p.leaves) roster.push(`${id(i)},2025-06-30,${p.level + (p.promoted ? 1 : 0)},${p.gender},${p.race},2020-01-01,,D${i % 3}`);
  });
  writeFileSync(join(dir, 'roster.csv'), roster.join('\n'));
  writeFileSync(join(dir, 'programs.csv'), 'id,name,layer\nP1,Formal,formal\nP2,Circles,peer\nP3,Coaching,informal\n');
  const matches = ['id,program,mentor,mentee,requested,matched'];
  const sessions = ['id,date,layer,program,match,host,minutes'];
  const attendees = ['session,person'];
  const feedback = ['session,rating'];
  people.forEach((p, i) => {
    const mentor = id(p.mentor % people.length);
    const hasMatch = p.layer === 'formal' && mentor !== id(i);
    if (hasMatch) matches.push(`M${i},P1,${mentor},${id(i)},2025-01-01,${p.matched ? `2025-${String(1 + Math.floor(p.waits / 40)).padStart(2, '0')}-15` : ''}`);
    for (let s = 0; s < p.sessions; s++) {
      const sid = `S${i}_${s}`;
      const date = `2025-0${4 + s}-10`;
      if (hasMatch && p.matched) sessions.push(`${sid},${date},formal,P1,M${i},,30`);
      else {
        sessions.push(`${sid},${date},${p.layer === 'formal' ? 'peer' : p.layer},${p.layer === 'informal' ? 'P3' : 'P2'},,${mentor},30`);
        attendees.push(`${sid},${id(i)}`);
      }
      feedback.push(`${sid},${p.rating}`);
    }
  });
  writeFileSync(join(dir, 'matches.csv'), matches.join('\n'));
  writeFileSync(join(dir, 'sessions.csv'), sessions.join('\n'));
  writeFileSync(join(dir, 'attendees.csv'), attendees.join('\n'));
  writeFileSync(join(dir, 'feedback.csv'), feedback.join('\n'));
}

/** The model's own aggregated rows, before disclosure control: the truth an attacker subtracts towards. */
const rawRows = (ws: Parameters<typeof execute>[0], m: ModelFile, k: number, dimension: string) =>
  execute(ws, m, ModelParamsSchema.parse({ period: '2025-Q2', k, dimension }), periodFromLabel('2025-Q2'));

const countColumns = (h: ModelHeader) => [h.groupSize, ...h.counts].filter((c): c is string => Boolean(c));

function checkRows(header: ModelHeader, rows: Record<string, unknown>[], k: number): string[] {
  const problems: string[] = [];
  const small = (v: unknown) => typeof v === 'number' && v >= 1 && v < k;
  for (const r of rows) {
    if (r.suppressed) {
      for (const [col, v] of Object.entries(r)) {
        if (typeof v === 'number' && !['t'].includes(col)) problems.push(`${header.name}: suppressed row shows ${col}=${v}`);
      }
      continue;
    }
    if (header.kind === 'rate') {
      if (small(r.numerator) || small(r.denominator) || small(Number(r.denominator) - Number(r.numerator))) {
        problems.push(`${header.name}: shown rate row ${r.slice}/${r.grp} has ${r.numerator} of ${r.denominator}`);
      }
    } else {
      for (const c of countColumns(header)) if (small(r[c])) problems.push(`${header.name}: shown row has ${c}=${r[c]}`);
      for (const c of ['n', 'at_risk']) if (small(r[c])) problems.push(`${header.name}: shown row has ${c}=${r[c]}`);
      if (r.row_type === 'summary' && (small(r.events) || small(Number(r.n) - Number(r.events)))) {
        problems.push(`${header.name}: shown survival summary ${r.slice}/${r.grp} has ${r.events} events of ${r.n}`);
      }
    }
  }
  // Complementary suppression: a block never has exactly one hidden cell among shown ones.
  const blockOf = (r: Record<string, unknown>) => header.kind === 'rate' ? String(r.slice) : header.block.map((b) => String(r[b])).join('|');
  const blocks = new Map<string, Record<string, unknown>[]>();
  for (const r of rows.filter((x) => x.row_type === undefined || x.row_type === 'summary')) blocks.set(blockOf(r), [...(blocks.get(blockOf(r)) ?? []), r]);
  for (const [b, rs] of blocks) {
    const hidden = rs.filter((r) => r.suppressed).length;
    if (hidden === 1 && rs.length > 1) problems.push(`${header.name}: block ${b} has exactly one suppressed row`);
  }
  return problems;
}

/** One output row as the truth behind it: its keys, its true counts, and whether it is hidden. */
interface Truth { key: Record<string, string>; q: Record<string, number>; hidden: boolean }

/**
 * The true counts behind each output row of a model whose rows are one per SQL row (rate and
 * plain table models, mean_ci, below_shown) or one summary per (slice, grp) (survival); null for the
 * post-processors that check their own structure (matrix, load, lift).
 */
function truthOf(header: ModelHeader, raw: Record<string, unknown>[], rows: Record<string, unknown>[]): Truth[] | null {
  if (header.kind === 'rate') {
    return raw.map((r, i) => ({
      key: { slice: String(r.slice ?? 'all'), grp: String(r.grp) },
      q: { numerator: Number(r.numerator), denominator: Number(r.denominator), without: Number(r.denominator) - Number(r.numerator) },
      hidden: Boolean(rows[i].suppressed),
    }));
  }
  if (header.postprocess === 'survival') {
    const byKey = new Map<string, Truth>();
    for (const r of raw) {
      const key = { slice: String(r.slice), grp: String(r.grp) };
      const id = `${key.slice}|${key.grp}`;
      const t = byKey.get(id) ?? { key, q: { n: 0, events: 0 }, hidden: false };
      t.q.n += Number(r.events) + Number(r.censored);
      t.q.events += Number(r.events);
      byKey.set(id, t);
    }
    for (const r of rows.filter((x) => x.row_type === 'summary')) {
      const t = byKey.get(`${r.slice}|${r.grp}`);
      if (t) t.hidden = Boolean(r.suppressed);
    }
    return [...byKey.values()];
  }
  if (header.postprocess && !['mean_ci', 'below_shown'].includes(header.postprocess)) return null;
  const keys = header.output.filter((o) => o.type === 'VARCHAR').map((o) => o.name);
  return raw.map((r, i) => ({
    key: Object.fromEntries(keys.map((k) => [k, String(r[k])])),
    q: Object.fromEntries(countColumns(header).map((c) => [c, Number(r[c] ?? 0)])),
    hidden: Boolean(rows[i].suppressed),
  }));
}

/**
 * A survival curve's steps: between two shown points of a group, the events the step stands
 * for (from the SQL rows) number at least k, but for the step at the group's median, which its
 * summary gives anyway.
 */
function curveProblems(name: string, raw: Record<string, unknown>[], rows: Record<string, unknown>[], k: number): string[] {
  const problems: string[] = [];
  for (const s of rows.filter((r) => r.row_type === 'summary' && !r.suppressed)) {
    const mine = (r: Record<string, unknown>) => r.slice === s.slice && r.grp === s.grp;
    const times = rows.filter((r) => mine(r) && r.row_type === 'point').map((r) => Number(r.t));
    for (let i = 1; i < times.length; i++) {
      const events = raw.filter((r) => mine(r) && (i === 1 ? Number(r.t) >= 0 : Number(r.t) > times[i - 1]) && Number(r.t) <= times[i]).reduce((n, r) => n + Number(r.events), 0);
      if (events < k && times[i] !== s.median) problems.push(`${name}: ${s.slice}/${s.grp} curve steps at t=${times[i]} for ${events} events`);
    }
  }
  return problems;
}

/**
 * Along each key column, the rows that agree on every other key: where the truth makes one of
 * them the sum of the others, or a column constant over them the sum of a count, exactly one
 * hidden row among them is recovered by subtraction.
 */
function crossProblems(name: string, truth: Truth[]): string[] {
  const problems: string[] = [];
  const keyCols = Object.keys(truth[0]?.key ?? {});
  const qCols = Object.keys(truth[0]?.q ?? {});
  for (const along of keyCols) {
    const sets = new Map<string, Truth[]>();
    for (const t of truth) {
      const id = keyCols.filter((c) => c !== along).map((c) => t.key[c]).join('|');
      sets.set(id, [...(sets.get(id) ?? []), t]);
    }
    for (const [id, members] of sets) {
      if (members.length < 2 || members.filter((m) => m.hidden).length !== 1) continue;
      for (const q of qCols) {
        const sum = members.reduce((s, m) => s + m.q[q], 0);
        // All zero: subtraction can only tell a hidden row holds nobody, which singles no one out.
        if (sum === 0) continue;
        const rowTotal = members.find((m) => 2 * m.q[q] === sum);
        const colTotal = qCols.find((c) => c !== q && members.every((m) => m.q[c] === sum));
        if (rowTotal || colTotal) {
          const how = rowTotal ? `${along}=${rowTotal.key[along]} is the sum of the others` : `${colTotal} is their sum`;
          problems.push(`${name}: rows with ${id} across ${along}: ${q} adds up (${how}) and exactly one row is suppressed`);
          break;
        }
      }
    }
  }
  return problems;
}

describe('disclosure control across every model', () => {
  it('never shows a count below k, and never leaves one suppressed cell alone in a block or among rows that add up', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(person, { minLength: 4, maxLength: 80 }), fc.integer({ min: 3, max: 7 }), fc.constantFrom('gender', 'race_ethnicity'), async (people, k, dimension) => {
        await withTempWorkspace(async (ws, dir) => {
          writeOrg(dir, people);
          const report = await importFiles(ws, [
            { path: join(dir, 'roster.csv'), profile: { table: 'people', columns: { person_id: 'id', snapshot_date: 'snap', level: 'level', gender: 'gender', race_ethnicity: 'race', hire_date: 'hire', termination_date: 'term', department: 'dept' } } },
            { path: join(dir, 'programs.csv'), profile: { table: 'programs', columns: { program_id: 'id', name: 'name', layer: 'layer' } } },
            { path: join(dir, 'matches.csv'), profile: { table: 'matches', columns: { match_id: 'id', program_id: 'program', mentor_id: 'mentor', mentee_id: 'mentee', requested_date: 'requested', matched_date: 'matched' } } },
            { path: join(dir, 'sessions.csv'), profile: { table: 'sessions', columns: { session_id: 'id', date: 'date', layer: 'layer', program_id: 'program', match_id: 'match', host_id: 'host', duration_minutes: 'minutes' } } },
            { path: join(dir, 'attendees.csv'), profile: { table: 'session_attendees', columns: { session_id: 'session', person_id: 'person' } } },
            { path: join(dir, 'feedback.csv'), profile: { table: 'feedback', columns: { session_id: 'session', rating: 'rating' } } },
          ], { onInvalid: 'skip' });
          expect(report.files.every((f) => f.status === 'imported')).toBe(true);
          const problems: string[] = [];
          for (const m of loadModels().models.values()) {
            if ((await missingInputs(ws, m)).length) continue;
            const result = await runModel(ws, m.header.name, { period: '2025-Q2', k, dimension });
            problems.push(...checkRows(m.header, result.rows, k));
            const truth = truthOf(m.header, await rawRows(ws, m, k, dimension), result.rows);
            if (truth) problems.push(...crossProblems(m.header.name, truth));
            if (m.header.postprocess === 'survival') problems.push(...curveProblems(m.header.name, await rawRows(ws, m, k, dimension), result.rows, k));
          }
          expect(problems).toEqual([]);
        });
      }),
      { numRuns: 25, seed: 20261125, endOnFailure: true },
    );
  }, 600_000);
});
