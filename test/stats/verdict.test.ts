import { describe, it, expect } from 'vitest';
import { verdict, tooFewToTell } from '../../src/stats/verdict';
import { fixtures } from './fixtures';

describe('verdict', () => {
  it("'gap' when ratio < 0.8 and q < 0.05", () => {
    expect(verdict({ ratio: 0.5, q: 0.01, tooFewToTell: false })).toBe('gap');
  });

  it("'watch' when only one of the two holds", () => {
    expect(verdict({ ratio: 0.5, q: 0.2, tooFewToTell: false })).toBe('watch');
    expect(verdict({ ratio: 0.9, q: 0.01, tooFewToTell: false })).toBe('watch');
  });

  it("'no gap' when neither holds", () => {
    expect(verdict({ ratio: 0.95, q: 0.3, tooFewToTell: false })).toBe('no gap');
  });

  it("'too few to tell' comes first", () => {
    expect(verdict({ ratio: 0.5, q: 0.01, tooFewToTell: true })).toBe('too few to tell');
    expect(verdict({ ratio: 1, q: 1, tooFewToTell: true })).toBe('too few to tell');
  });

  it('boundaries are strict: ratio 0.8 and q 0.05 do not hold', () => {
    expect(verdict({ ratio: 0.8, q: 0.05, tooFewToTell: false })).toBe('no gap');
    expect(verdict({ ratio: 0.7999, q: 0.05, tooFewToTell: false })).toBe('watch');
    expect(verdict({ ratio: 0.8, q: 0.0499, tooFewToTell: false })).toBe('watch');
  });

  it('NaN ratio or q counts as not holding', () => {
    expect(verdict({ ratio: Number.NaN, q: 0.01, tooFewToTell: false })).toBe('watch');
    expect(verdict({ ratio: Number.NaN, q: Number.NaN, tooFewToTell: false })).toBe('no gap');
    expect(verdict({ ratio: 0.5, q: Number.NaN, tooFewToTell: false })).toBe('watch');
  });
});

describe('tooFewToTell', () => {
  it('matches the fixture rule (most extreme outcome via compareProportions)', () => {
    expect(fixtures.tooFew.length).toBeGreaterThan(10);
    expect(fixtures.tooFew.some((c) => c.tooFew)).toBe(true);
    expect(fixtures.tooFew.some((c) => !c.tooFew)).toBe(true);
    for (const c of fixtures.tooFew) {
      expect(tooFewToTell(c.xGroup, c.nGroup, c.xRef, c.nRef, c.alpha), JSON.stringify(c)).toBe(c.tooFew);
    }
  });

  it('hand-computed: against 500/1000, 5 people are too few and 6 are enough', () => {
    // 0/n vs 500/1000 (Fisher, expected cells < 5), about 2 * 0.5^n:
    // n = 5 -> p = 0.0619 (not < 0.05); n = 6 -> p = 0.0308.
    expect(tooFewToTell(2, 5, 500, 1000)).toBe(true);
    expect(tooFewToTell(3, 6, 500, 1000)).toBe(false);
    expect(tooFewToTell(0, 0, 500, 1000)).toBe(true);
    expect(tooFewToTell(10, 20, 500, 1000)).toBe(false);
  });

  it('takes the more significant extreme: a reference rate near 0 is testable from the top', () => {
    // 0 of n vs 1% is never significant for small n, but n of n vs 1% is.
    expect(tooFewToTell(0, 3, 10, 1000)).toBe(false);
  });

  it('alpha changes the answer', () => {
    expect(tooFewToTell(3, 6, 500, 1000, 0.05)).toBe(false);
    expect(tooFewToTell(3, 6, 500, 1000, 0.01)).toBe(true);
  });

  it('rejects xGroup above nGroup', () => {
    expect(() => tooFewToTell(5, 4, 10, 100)).toThrow(RangeError);
  });
});
