import type { ColumnSpec } from '../../arrow/toArrow';
import type { ModelParams } from '../../api/contract';
import type { ModelHeader } from '../modelHeader';
import { survival } from './survival';
import { matrix } from './matrix';
import { load } from './load';
import { meanCI } from './meanCI';
import { lift } from './lift';
import { belowShown } from './belowShown';

export interface PostContext {
  params: ModelParams;
  header: ModelHeader;
}

/** Turns a model's aggregated SQL rows into its output, with disclosure control applied. */
export type PostProcessor = (raw: Record<string, unknown>[], ctx: PostContext) => {
  columns: ColumnSpec[];
  rows: Record<string, unknown>[];
  notes?: string[];
};

export const POSTPROCESSORS: Record<string, PostProcessor> = {
  survival,
  matrix,
  load,
  mean_ci: meanCI,
  lift,
  below_shown: belowShown,
};
