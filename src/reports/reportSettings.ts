import { z } from 'zod';
import { PeriodLabelSchema } from '../models/period';

/**
 * The reference group setting, as a sealed review records it. Declared here rather than taken
 * from the contract so that the sealed format does not move when the contract does (and the
 * contract can import these schemas without a cycle); the type checker keeps the two in step
 * where the settings reach runModel.
 */
const ReviewReferenceSchema = z.union([z.literal('largest'), z.literal('highest'), z.object({ group: z.string().max(200) }).strict()]);

const Dimension = z.string().regex(/^[A-Za-z_][A-Za-z0-9_ ]{0,62}$/, 'a dimension name');

/**
 * What a review pack is built from. Everything else in the pack follows from these and the
 * workspace's data, so a sealed review stores exactly this object as its settings.
 */
export const ReportSettingsSchema = z.object({
  period: PeriodLabelSchema,
  /** The equity dimensions the pack breaks every figure down by (METRICS.md: gender and race/ethnicity by default). */
  dimensions: z.array(Dimension).min(1).max(4).default(['gender', 'race_ethnicity']),
  /** Minimum cell size: the user may raise it, never go below 3. */
  k: z.number().int().min(3).max(1000).default(5),
  reference: ReviewReferenceSchema.default('largest'),
  /** The period "last quarter" means; null = the quarter before. The same quarter a year earlier is always compared too. */
  comparePeriod: PeriodLabelSchema.nullable().default(null),
  /** A title for the cover; null = "Mentorship and career equity review, <period>". */
  title: z.string().trim().min(1).max(120).nullable().default(null),
}).strict();
export type ReportSettings = z.infer<typeof ReportSettingsSchema>;
export type ReportSettingsInput = z.input<typeof ReportSettingsSchema>;

export const REPORT_FORMATS = ['pdf', 'html', 'csv', 'xlsx'] as const;
export const ReportFormatSchema = z.enum(REPORT_FORMATS);
export type ReportFormat = z.infer<typeof ReportFormatSchema>;

/** How many quarters the pooled view adds up (the current one and the three before it). */
export const POOLED_QUARTERS = 4;
