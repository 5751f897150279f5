import { describe, it, expect } from 'vitest';
import { readControls, writeControls } from '../../renderer/src/controls/urlControls';

const info = { periods: ['2025-Q1', '2025-Q2', '2025-Q3'], dimensions: ['gender', 'race_ethnicity'] };

describe('controls in the query string', () => {
  it('defaults to the latest period, gender and k = 5', () => {
    expect(readControls('', info)).toEqual({ period: '2025-Q3', dimension: 'gender', k: 5 });
  });

  it('reads a bookmarked view', () => {
    expect(readControls('?period=2025-Q1&dimension=race_ethnicity&k=10', info)).toEqual({ period: '2025-Q1', dimension: 'race_ethnicity', k: 10 });
  });

  it('never lets k go below 3, and ignores periods and dimensions the workspace does not have', () => {
    expect(readControls('?period=2019-Q1&dimension=shoe_size&k=1', info)).toEqual({ period: '2025-Q3', dimension: 'gender', k: 3 });
    expect(readControls('?k=abc', info).k).toBe(5);
    expect(readControls('?k=5000', info).k).toBe(1000);
  });

  it('falls back to the first dimension when gender is not declared', () => {
    expect(readControls('', { periods: [], dimensions: ['region'] })).toEqual({ period: '', dimension: 'region', k: 5 });
  });

  it('writes period, dimension and k and keeps other parameters', () => {
    expect(writeControls('?lang=en&k=7', { period: '2025-Q2', dimension: 'gender', k: 5 })).toBe('?lang=en&k=5&period=2025-Q2&dimension=gender');
  });
});
