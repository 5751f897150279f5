import { describe, it, expect } from 'vitest';
import { formatPeriodDays, dimensionLabel } from '../../../renderer/src/format/labels';

describe('period and dimension words', () => {
  it('a half-open period reads as its first and last day', () => {
    expect(formatPeriodDays('2025-04-01', '2025-07-01')).toBe('1 Apr 2025 – 30 Jun 2025');
    // The last day of a year, in UTC whatever the machine's zone.
    expect(formatPeriodDays('2026-10-01', '2027-01-01')).toBe('1 Oct 2026 – 31 Dec 2026');
    expect(formatPeriodDays('someday', '2025-07-01')).toBe('someday – 2025-07-01');
  });

  it('dimension names read as words', () => {
    expect(dimensionLabel('race_ethnicity')).toBe('Race/ethnicity');
    expect(dimensionLabel('veteran_status')).toBe('Veteran status');
  });
});
