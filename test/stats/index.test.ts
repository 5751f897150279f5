import { describe, it, expect } from 'vitest';
import * as stats from '../../src/stats';

describe('src/stats index', () => {
  it('re-exports every public function and constant', () => {
    const functions = [
      'wilsonInterval',
      'fisherExactTwoSided',
      'twoProportionZTest',
      'compareProportions',
      'benjaminiHochberg',
      'impactRatio',
      'verdict',
      'tooFewToTell',
      'shortfall',
      'kaplanMeier',
      'logRankTest',
      'gini',
      'standardizedRatio',
      'median',
    ] as const;
    for (const name of functions) expect(typeof stats[name], name).toBe('function');
    expect(stats.FOUR_FIFTHS).toBe(0.8);
  });
});
