import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withTempWorkspace } from '../helpers/tempWorkspace';
import { importFiles } from '../../src/ingest/importFiles';
import { loadModels } from '../../src/models/registry';
import { runModel, missingInputs } from '../../src/models/runModel';
import type { ModelHeader } from '../../src/models/modelHeader';

/**
 * The privacy promise, checked on random small organisations: whatever model runs, no shown
 * row carries a count of 1..k-1 people (directly, or as the complement of a rate), and no
 * block of rows has exactly one suppressed cell, which a shown total would give away by
 * subtraction.
 */

const GENDERS = ['Woman', 'Man', 'Non-binary', ''];
const RACES = ['White', 'Asian', 'Black', 'Hispanic', ''];

const person = fc.record({
  gender: fc.constantFrom(...GENDERS),
  race: fc.constantFrom(...RACES),
  level: fc.integer({ min: 1, max: 4 }),
  promoted: fc.boolean(),
  leaves: fc.boolean(),
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

describe('disclosure control across every model', () => {
  it('never shows a count below k, and never leaves one suppressed cell alone in a block', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(person, { minLength: 4, maxLength: 40 }), fc.integer({ min: 3, max: 7 }), fc.constantFrom('gender', 'race_ethnicity'), async (people, k, dimension) => {
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
          }
          expect(problems).toEqual([]);
        });
      }),
      { numRuns: 25, seed: 20261125 },
    );
  }, 600_000);
});
