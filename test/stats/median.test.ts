import { describe, it, expect } from 'vitest';
import { median } from '../../src/stats/median';

describe('median', () => {
  it('odd count: the middle value', () => {
    expect(median([7, 1, 3])).toBe(3);
  });

  it('even count: mean of the two middle values', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('sorts numerically, not as strings', () => {
    expect(median([10, 9, 100])).toBe(10);
    expect(median([-5, 20, 3])).toBe(3);
  });

  it('single value and empty input', () => {
    expect(median([42])).toBe(42);
    expect(median([])).toBeNull();
  });

  it('does not reorder the caller array', () => {
    const v = [3, 1, 2];
    median(v);
    expect(v).toEqual([3, 1, 2]);
  });

  it('rejects NaN', () => {
    expect(() => median([1, Number.NaN])).toThrow(RangeError);
  });
});
