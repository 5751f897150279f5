import { z } from 'zod';

export const TableNameSchema = z.enum([
  'people', 'job_events', 'programs', 'enrollments', 'matches', 'sessions', 'session_attendees', 'feedback', 'goals',
]);
export type TableName = z.infer<typeof TableNameSchema>;

const ColumnDocSchema = z.object({ name: z.string(), type: z.string(), doc: z.string() });

/** What a model's header comment declares; the runner trusts nothing else about a model. */
export const ModelHeaderSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/),
  title: z.string(),
  question: z.string(),
  kind: z.enum(['rate', 'table']),
  outcome: z.enum(['favourable', 'adverse']).optional(),
  requires: z.array(TableNameSchema),
  inputs: z.array(TableNameSchema),
  parameters: z.array(ColumnDocSchema),
  output: z.array(ColumnDocSchema),
  population: z.string().optional(),
  area: z.string(),
  /** table kind: the column holding the number of people behind a row (suppressed below k) */
  groupSize: z.string().optional(),
  /** table kind: further person-count columns; a count of 1..k-1 suppresses the row too */
  counts: z.array(z.string()).default([]),
  /** table kind: columns whose values form blocks for complementary suppression */
  block: z.array(z.string()).default([]),
  /**
   * rate kind: quarters of this model may be added up person-quarter by person-quarter for more
   * power, because each quarter's outcome is a fresh event (a promotion, an exit). Statuses that
   * carry over (a yearly cohort, a long match, a 12-month window) count the same person up to
   * four times and would make pooled tests overconfident, so they do not declare it.
   */
  pooling: z.literal('person-quarters').optional(),
  /**
   * columns whose values form cross blocks: rows that add up across blocks, e.g. one group's
   * rows across slices that partition a total slice beside them (rate models: `grp`)
   */
  crossBlock: z.array(z.string()).default([]),
  /** the block (e.g. slice 'all') whose rows are the totals of the cross blocks: hidden as a complement last */
  totalBlock: z.string().optional(),
  /** a named TypeScript step that turns aggregated SQL rows into the output (src/models/post) */
  postprocess: z.string().optional(),
});
export type ModelHeader = z.infer<typeof ModelHeaderSchema>;

const list = (s: string | undefined) => (s ?? '').split(',').map((x) => x.trim()).filter(Boolean);

/**
 * Parses the leading `-- key: value` comment block of a model file. Multi-line sections
 * (parameters, output) list one `name TYPE description` per indented line.
 */
export function parseModelHeader(sql: string, area: string): ModelHeader {
  const fields: Record<string, string> = {};
  const sections: Record<string, { name: string; type: string; doc: string }[]> = { parameters: [], output: [] };
  let section: string | undefined;
  for (const raw of sql.split('\n')) {
    if (!raw.startsWith('--')) break;
    const line = raw.replace(/^--\s?/, '');
    const item = /^\s{2,}(\w+)\s+([A-Z][A-Z0-9_\[\]]*)\s*(.*)$/.exec(line);
    if (section && item) {
      sections[section].push({ name: item[1], type: item[2], doc: item[3].trim() });
      continue;
    }
    const kv = /^(\w+):\s*(.*)$/.exec(line);
    if (!kv) continue;
    section = kv[1] in sections ? kv[1] : undefined;
    if (!section) fields[kv[1]] = kv[2].trim();
  }
  const header = ModelHeaderSchema.parse({
    name: fields.name,
    title: fields.title,
    question: fields.question,
    kind: fields.kind,
    outcome: fields.outcome || undefined,
    requires: list(fields.requires),
    inputs: list(fields.inputs),
    parameters: sections.parameters,
    output: sections.output,
    population: fields.population,
    area,
    groupSize: fields.group_size || undefined,
    counts: list(fields.counts),
    block: list(fields.block),
    crossBlock: list(fields.cross_block),
    totalBlock: fields.total_block || undefined,
    postprocess: fields.postprocess || undefined,
    pooling: fields.pooling || undefined,
  });
  // A rate row is a slice and a group: the only cross block is a group's rows across slices.
  if (header.kind === 'rate' && header.crossBlock.some((c) => c !== 'grp')) throw new Error(`${header.name}: a rate model's cross_block can only be grp`);
  return header;
}
