import { z } from 'zod';
import { ReportSettingsSchema } from '../reportSettings';
import { PackFindingSchema, InputFileSchema } from '../packSchema';

export const ReviewIdSchema = z.number().int().min(1);

/** What a list of sealed reviews shows about each. */
export const ReviewSummarySchema = z.object({
  reviewId: ReviewIdSchema,
  title: z.string(),
  period: z.string(),
  createdAt: z.string(),
  appVersion: z.string(),
  settings: ReportSettingsSchema,
  inputFiles: z.number().int(),
  findings: z.number().int(),
  gaps: z.number().int(),
  seal: z.string(),
});
export type ReviewSummary = z.infer<typeof ReviewSummarySchema>;

const RateChangeSchema = z.object({
  model: z.string(),
  title: z.string(),
  dimension: z.string(),
  slice: z.string(),
  group: z.string(),
  numeratorA: z.number(), denominatorA: z.number(), rateA: z.number(),
  numeratorB: z.number(), denominatorB: z.number(), rateB: z.number(),
  deltaPp: z.number(),
  test: z.string(),
  p: z.number(),
  q: z.number(),
  /** q < 0.05: the change is larger than chance would give. */
  significant: z.boolean(),
});
export type RateChange = z.infer<typeof RateChangeSchema>;

/** Two sealed reviews side by side: what changed between them, and which rate changes are larger than chance. */
export const ReviewComparisonSchema = z.object({
  a: ReviewSummarySchema,
  b: ReviewSummarySchema,
  settingsChanged: z.array(z.object({ setting: z.string(), a: z.string(), b: z.string() })),
  inputsAdded: z.array(InputFileSchema),
  inputsRemoved: z.array(InputFileSchema),
  modelsChanged: z.array(z.object({ model: z.string(), a: z.string().nullable(), b: z.string().nullable() })),
  headlines: z.array(RateChangeSchema),
  rates: z.array(RateChangeSchema),
  /** Cells shown in one review and hidden (or absent) in the other: not compared. */
  notComparable: z.number().int(),
  findingsAdded: z.array(PackFindingSchema),
  findingsRemoved: z.array(PackFindingSchema),
  findingsKept: z.number().int(),
  comparisonsWeighed: z.number().int(),
});
export type ReviewComparison = z.infer<typeof ReviewComparisonSchema>;

export const OpenedReviewSchema = z.object({
  summary: ReviewSummarySchema,
  /** The HTML exactly as it was presented when the review was sealed. */
  html: z.string(),
  /** The stored content still matches its seal. */
  intact: z.boolean(),
});
export type OpenedReview = z.infer<typeof OpenedReviewSchema>;
