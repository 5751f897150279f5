import type { RateRow } from './rateRow';

/**
 * How a row reads on the chart and in the table. The verdicts are the core's (METRICS.md);
 * "reference" is the group the others are compared with, "not compared" a group shown but
 * never compared (e.g. "Not recorded"), "not shown" a suppressed group.
 */
export type VerdictKey = 'gap' | 'watch' | 'no gap' | 'too few to tell' | 'reference' | 'not compared';

export const VERDICT_KEYS: VerdictKey[] = ['gap', 'watch', 'no gap', 'too few to tell', 'reference', 'not compared'];

/**
 * Okabe & Ito's colour-blind-safe palette (https://jfly.uni-koeln.de/color/): vermillion
 * for a gap, orange to watch, blue for no gap, grey where the data cannot tell, black for
 * the reference. Colour is never the only cue: every verdict is also written out.
 */
export const VERDICT_COLOR: Record<VerdictKey, string> = {
  gap: '#D55E00',
  watch: '#E69F00',
  'no gap': '#0072B2',
  'too few to tell': '#8C8C8C',
  reference: '#000000',
  'not compared': '#8C8C8C',
};

export const VERDICT_DESCRIPTION: Record<VerdictKey, string> = {
  gap: 'below four fifths of the reference rate and significant',
  watch: 'either below four fifths or significant, not both',
  'no gap': 'neither below four fifths nor significant',
  'too few to tell': 'too few people for any difference to be significant',
  reference: 'the group the others are compared with',
  'not compared': 'shown, but not a group to compare',
};

const KNOWN = new Set<string>(['gap', 'watch', 'no gap', 'too few to tell']);

export function verdictKey(row: Pick<RateRow, 'is_reference' | 'verdict'>): VerdictKey {
  if (row.is_reference) return 'reference';
  if (row.verdict && KNOWN.has(row.verdict)) return row.verdict as VerdictKey;
  return 'not compared';
}

/** What a suppressed group shows instead of any number: the core's note, e.g. "fewer than 5". */
export const suppressedText = (row: Pick<RateRow, 'note'>, k: number): string => row.note ?? `fewer than ${k}`;
