import { z } from 'zod';

/** One finding of a review: a sentence with the numbers behind it and the chart it links to. */
export const FindingSchema = z.object({
  model: z.string(),
  area: z.string(),
  slice: z.string(),
  grp: z.string(),
  reference: z.string(),
  sentence: z.string(),
  rateRatio: z.number(),
  impactRatio: z.number(),
  q: z.number(),
  verdict: z.string(),
  shortfall: z.number().nullable(),
  score: z.number(),
});
export type Finding = z.infer<typeof FindingSchema>;
