import { describe, it, expect } from 'vitest';
import { impactRatio, FOUR_FIFTHS } from '../../src/stats/impactRatio';

describe('impactRatio', () => {
  it('FOUR_FIFTHS is 0.8', () => {
    expect(FOUR_FIFTHS).toBe(0.8);
  });

  it('favourable outcome: rate(group) / rate(reference)', () => {
    expect(impactRatio(0.3, 0.5, false)).toBeCloseTo(0.6, 12);
    expect(impactRatio(0.6, 0.5, false)).toBeCloseTo(1.2, 12);
  });

  it('adverse outcome: the other way round, rate(reference) / rate(group)', () => {
    // Group attrition 20% vs reference 10%: the group fares worse, ratio 0.5 < 0.8.
    expect(impactRatio(0.2, 0.1, true)).toBeCloseTo(0.5, 12);
    expect(impactRatio(0.1, 0.2, true)).toBeCloseTo(2, 12);
  });

  it('zero denominators and 0/0 give NaN', () => {
    expect(impactRatio(0.3, 0, false)).toBeNaN();
    expect(impactRatio(0, 0, false)).toBeNaN();
    expect(impactRatio(0, 0.2, true)).toBeNaN();
    expect(impactRatio(0, 0, true)).toBeNaN();
    expect(impactRatio(Number.NaN, 0.2, false)).toBeNaN();
  });

  it('zero numerator is a ratio of 0, not NaN', () => {
    expect(impactRatio(0, 0.4, false)).toBe(0);
    expect(impactRatio(0.4, 0, true)).toBe(0);
  });
});
