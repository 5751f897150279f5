import { describe, it, expect } from 'vitest';
import { readControls, referenceGroups, writeControls, type Controls } from '../../renderer/src/controls/urlControls';

const info = {
  periods: ['2025-Q1', '2025-Q2', '2025-Q3'],
  dimensions: ['gender', 'race_ethnicity'],
  departments: ['Engineering', 'Sales'],
  locations: ['Austin, TX'],
  levels: [{ rank: 1, label: 'L1' }, { rank: 2, label: 'L2' }, { rank: 3, label: 'L3' }],
  programs: [{ id: 'P1', name: 'Career Mentoring', layer: 'formal' as const, startDate: null, endDate: null, eligibility: null }],
  groups: { gender: ['Woman', 'Man', 'Not recorded'], race_ethnicity: ['White', 'Asian'] },
};

const defaults: Controls = {
  page: 'overview', period: '2025-Q3', comparePeriod: null, dimension: 'gender', dimension2: null, reference: 'largest',
  department: null, location: null, levelMin: null, levelMax: null, layer: null, programId: null, k: 5,
};

describe('controls in the query string', () => {
  it('defaults to the overview, the latest period, gender, the largest group, no filter and k = 5', () => {
    expect(readControls('', info)).toEqual(defaults);
  });

  it('reads a bookmarked view with every control', () => {
    const search = '?page=access&period=2025-Q2&compare=2025-Q1&dimension=race_ethnicity&dimension2=gender&reference=group:Asian%20%C3%97%20Woman'
      + '&department=Sales&location=Austin%2C+TX&levelMin=2&levelMax=3&layer=formal&program=P1&k=10';
    expect(readControls(search, info)).toEqual({
      page: 'access', period: '2025-Q2', comparePeriod: '2025-Q1', dimension: 'race_ethnicity', dimension2: 'gender',
      reference: { group: 'Asian × Woman' }, department: 'Sales', location: 'Austin, TX', levelMin: 2, levelMax: 3,
      layer: 'formal', programId: 'P1', k: 10,
    });
  });

  it('never lets k go below 3, and ignores values the workspace does not have', () => {
    expect(readControls('?page=nowhere&period=2019-Q1&dimension=shoe_size&k=1&department=Moon&layer=cosmic&program=P9&levelMin=7', info))
      .toEqual({ ...defaults, k: 3 });
    expect(readControls('?k=abc', info).k).toBe(5);
    expect(readControls('?k=5000', info).k).toBe(1000);
  });

  it('drops a comparison with the review period itself, a second dimension equal to the first, and swaps a reversed level range', () => {
    expect(readControls('?period=2025-Q2&compare=2025-Q2', info).comparePeriod).toBeNull();
    expect(readControls('?dimension=gender&dimension2=gender', info).dimension2).toBeNull();
    expect(readControls('?levelMin=3&levelMax=1', info)).toMatchObject({ levelMin: 1, levelMax: 3 });
  });

  it('keeps a reference group only if the dimension has it, and never an unknown-value group', () => {
    expect(readControls('?reference=group:Woman', info).reference).toEqual({ group: 'Woman' });
    expect(readControls('?reference=highest', info).reference).toBe('highest');
    expect(readControls('?dimension=race_ethnicity&reference=group:Woman', info).reference).toBe('largest');
    expect(readControls('?reference=group:Not%20recorded', info).reference).toBe('largest');
    expect(referenceGroups(info, 'race_ethnicity', 'gender')).toEqual(['White × Woman', 'White × Man', 'Asian × Woman', 'Asian × Man']);
  });

  it('falls back to the first dimension when gender is not declared', () => {
    expect(readControls('', { periods: [], dimensions: ['region'] })).toMatchObject({ period: '', dimension: 'region', k: 5 });
  });

  it('writes the page, period, dimension, reference and k always, filters only when set, and keeps other parameters', () => {
    expect(writeControls('?lang=en&k=7&department=Sales', defaults)).toBe('?lang=en&k=5&page=overview&period=2025-Q3&dimension=gender&reference=largest');
    const full = readControls('?page=access&period=2025-Q2&reference=group:Woman&department=Sales&levelMin=2&program=P1', info);
    expect(readControls(writeControls('', full), info)).toEqual(full);
  });
});
