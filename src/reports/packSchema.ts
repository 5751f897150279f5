import { z } from 'zod';
import { ReportSettingsSchema } from './reportSettings';

/**
 * The review pack as data: every format (HTML, PDF, CSV, XLSX) is rendered from this one
 * object, and a sealed review stores it as it was. It holds only what left the model layer
 * (disclosure control already applied) and sums of figures that were themselves shown.
 */

export const CellValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type CellValue = z.infer<typeof CellValueSchema>;

const PeriodSchema = z.object({ label: z.string(), start: z.string(), end: z.string() });

/** Which time window a result covers. */
export const WindowSchema = z.enum(['quarter', 'pooled', 'headline']);
export type ResultWindow = z.infer<typeof WindowSchema>;

/** One model's safe output for one dimension and window, as JSON. */
export const PackResultSchema = z.object({
  model: z.string(),
  dimension: z.string(),
  window: WindowSchema,
  /** "2026-Q3", or "2025-Q4 to 2026-Q3" for the pooled view. */
  windowLabel: z.string(),
  columns: z.array(z.object({ name: z.string(), type: z.enum(['utf8', 'float64', 'int32', 'bool']) })),
  rows: z.array(z.record(z.string(), CellValueSchema)),
  notes: z.array(z.string()),
  /** The reference group of each slice, as the model chose it. */
  references: z.array(z.object({ slice: z.string(), group: z.string() })),
  comparePeriod: z.string().nullable(),
  yearAgoPeriod: z.string().nullable(),
});
export type PackResult = z.infer<typeof PackResultSchema>;

export const ModelBlockSchema = z.object({
  model: z.string(),
  title: z.string(),
  question: z.string(),
  population: z.string().nullable(),
  kind: z.enum(['rate', 'table']),
  outcome: z.enum(['favourable', 'adverse']).nullable(),
  /** Why the model could not run on this workspace, e.g. "needs feedback data (...)"; null when it ran. */
  needs: z.string().nullable(),
  results: z.array(PackResultSchema),
});
export type ModelBlock = z.infer<typeof ModelBlockSchema>;

export const SectionIdSchema = z.enum(['participation', 'access', 'progression', 'representation', 'programs']);
export type SectionId = z.infer<typeof SectionIdSchema>;

export const SectionSchema = z.object({
  id: SectionIdSchema,
  title: z.string(),
  intro: z.string(),
  blocks: z.array(ModelBlockSchema),
});
export type Section = z.infer<typeof SectionSchema>;

export const HeadlineSchema = z.object({
  model: z.string(),
  label: z.string(),
  population: z.string().nullable(),
  outcome: z.enum(['favourable', 'adverse']),
  suppressed: z.boolean(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  rate: z.number().nullable(),
  ciLower: z.number().nullable(),
  ciUpper: z.number().nullable(),
  rateCompare: z.number().nullable(),
  deltaComparePp: z.number().nullable(),
  rateYearAgo: z.number().nullable(),
  deltaYearPp: z.number().nullable(),
  needs: z.string().nullable(),
});
export type Headline = z.infer<typeof HeadlineSchema>;

export const PackFindingSchema = z.object({
  id: z.string(),
  model: z.string(),
  section: SectionIdSchema,
  dimension: z.string(),
  window: z.enum(['quarter', 'pooled']),
  slice: z.string(),
  group: z.string(),
  comparedWith: z.string(),
  sentence: z.string(),
  /** The disadvantaged group's figure over the other's (rates, median waits or shares). */
  ratio: z.number(),
  test: z.string(),
  p: z.number(),
  q: z.number(),
  verdict: z.enum(['gap', 'watch']),
  score: z.number(),
});
export type PackFinding = z.infer<typeof PackFindingSchema>;

/**
 * An input file as a review records it (the import log's fields). Declared here, not taken
 * from the contract's ImportRecord, so that a sealed review's format stays as it was sealed.
 */
export const InputFileSchema = z.object({
  importId: z.number().int(),
  fileName: z.string(),
  fileHash: z.string(),
  fileFormat: z.string(),
  table: z.string(),
  rowCount: z.number().int(),
  rejectedCount: z.number().int(),
  snapshotDate: z.string().nullable(),
  importedAt: z.string(),
});
export type InputFile = z.infer<typeof InputFileSchema>;

export const ModelVersionSchema = z.object({ name: z.string(), file: z.string(), sha256: z.string() });

export const ProvenanceSchema = z.object({
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  workspaceName: z.string(),
  generatedAt: z.string(),
  inputs: z.array(InputFileSchema),
  models: z.array(ModelVersionSchema),
  /** sha256 of the shared SQL macros every model runs with (queries/_lib). */
  libSha256: z.string(),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

export const MethodologySchema = z.object({
  k: z.number().int(),
  reference: z.string(),
  derivedEvents: z.boolean(),
  paragraphs: z.array(z.object({ heading: z.string(), text: z.string() })),
  definitions: z.array(z.object({ model: z.string(), title: z.string(), question: z.string(), population: z.string().nullable(), file: z.string() })),
  references: z.array(z.object({ model: z.string(), dimension: z.string(), slice: z.string(), group: z.string() })),
});
export type Methodology = z.infer<typeof MethodologySchema>;

export const ReviewPackSchema = z.object({
  format: z.literal('pathways-review/1'),
  title: z.string(),
  settings: ReportSettingsSchema,
  period: PeriodSchema,
  comparePeriod: z.string(),
  yearAgoPeriod: z.string(),
  pooledPeriods: z.array(z.string()),
  dimensions: z.array(z.object({ name: z.string(), label: z.string() })),
  headlines: z.array(HeadlineSchema),
  findings: z.array(PackFindingSchema),
  /** Comparisons weighed for findings (the family the q-values are adjusted over). */
  comparisonsWeighed: z.number().int(),
  sections: z.array(SectionSchema),
  methodology: MethodologySchema,
  provenance: ProvenanceSchema,
});
export type ReviewPack = z.infer<typeof ReviewPackSchema>;
