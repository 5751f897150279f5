import { describe, it, expect } from 'vitest';
import { shortfall } from '../../src/stats/shortfall';

describe('shortfall', () => {
  it('favourable: how many more people to reach the reference rate (rounded up)', () => {
    expect(shortfall(3, 20, 0.5, false)).toBe(7); // 10 needed, 3 have it
    expect(shortfall(3, 20, 0.52, false)).toBe(8); // 10.4 -> 11 needed
  });

  it('favourable: no shortfall at or above the reference rate', () => {
    expect(shortfall(10, 20, 0.5, false)).toBe(0);
    expect(shortfall(15, 20, 0.5, false)).toBe(0);
  });

  it('does not add a phantom person for floating-point noise (0.55 * 100 = 55.00000000000001)', () => {
    expect(0.55 * 100).toBeGreaterThan(55);
    expect(shortfall(50, 100, 0.55, false)).toBe(5);
    expect(shortfall(55, 100, 0.55, false)).toBe(0);
    expect(0.57 * 100).toBeLessThan(57);
    expect(shortfall(58, 100, 0.57, true)).toBe(1);
  });

  it('adverse: how many fewer people to come down to the reference rate', () => {
    // 8 of 20 left (40%) vs reference 10%: 2 would be the reference level, 6 fewer.
    expect(shortfall(8, 20, 0.1, true)).toBe(6);
    expect(shortfall(8, 20, 0.125, true)).toBe(6); // 8 - 2.5 = 5.5 -> 6
    expect(shortfall(1, 20, 0.1, true)).toBe(0);
  });

  it('empty group and NaN reference', () => {
    expect(shortfall(0, 0, 0.4, false)).toBe(0);
    expect(shortfall(2, 10, Number.NaN, false)).toBeNaN();
  });

  it('rejects xGroup above nGroup', () => {
    expect(() => shortfall(11, 10, 0.5, false)).toThrow(RangeError);
  });
});
