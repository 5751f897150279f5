import { z } from 'zod';
import { ImportTableSchema, MappingProfileSchema, type MappingProfileInput } from '../ingest/mappingProfile';

/** One generated export file and how it maps onto the canonical tables. */
export const DemoFileSchema = z.object({
  /** base name inside the demo folder */
  file: z.string().regex(/^[^/\\]+$/),
  format: z.enum(['csv', 'parquet', 'json', 'ndjson']),
  table: ImportTableSchema,
  /** a MappingProfile input object (compact: defaults left out); validated with MappingProfileSchema */
  mapping: z.custom<MappingProfileInput>((v) => MappingProfileSchema.safeParse(v).success, {
    message: 'not a valid mapping profile',
  }),
  rows: z.number().int().nonnegative(),
  /** what the file is, in one sentence */
  description: z.string(),
});
export type DemoFile = z.infer<typeof DemoFileSchema>;

/** A gap the generator planted on purpose, and how large it should read. */
export const PlantedDisparitySchema = z.object({
  id: z.string(),
  model: z.enum(['time_to_match', 'promotion_rate', 'mentor_pool_representation']),
  /** equity dimension (canonical name) */
  dimension: z.string(),
  /** the disadvantaged group, as written in the raw files */
  group: z.string(),
  /** what it is compared with */
  reference: z.string(),
  /** the slice where the gap lives, e.g. "level L3" */
  where: z.string(),
  /** plain-language description of the effect */
  effect: z.string(),
  /** group / reference for the quantity named in `effect` */
  expectedRatio: z.number().positive(),
  /** the time window the effect should be measured over to be significant with 2,000 people */
  window: z.string(),
});
export type PlantedDisparity = z.infer<typeof PlantedDisparitySchema>;

export const DemoManifestSchema = z.object({
  generator: z.literal('pathways-demo/1'),
  seed: z.number().int(),
  /** headcount at the first snapshot */
  peopleCount: z.number().int().positive(),
  /** distinct people in all files (first-snapshot headcount + hires) */
  totalPeople: z.number().int().positive(),
  plantDisparities: z.boolean(),
  /** quarters fully covered: roster at the start and at the end, activity throughout */
  periods: z.array(z.string().regex(/^\d{4}-Q[1-4]$/)),
  /** roster snapshot dates (quarter ends) */
  snapshots: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
  /** first and last day with mentorship activity in the files */
  activityStart: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  dataEnd: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** order of the level labels used by the roster files, lowest first */
  levelOrder: z.array(z.string()),
  files: z.array(DemoFileSchema),
  plantedDisparities: z.array(PlantedDisparitySchema),
});
export type DemoManifest = z.infer<typeof DemoManifestSchema>;
