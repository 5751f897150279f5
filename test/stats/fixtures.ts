// Loads test/fixtures/stats/expected.json, written once by
// test/fixtures/stats/generate.py (SciPy/NumPy). JSON has no NaN: null stands
// for NaN in numeric fields (and for "no value" in the KM medians).
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

type Num = number | null;

export interface Fixtures {
  wilson: { successes: number; n: number; confidence: number; rate: number; lower: number; upper: number }[];
  fisher: { table: [[number, number], [number, number]]; p: number }[];
  ztest: { x1: number; n1: number; x2: number; n2: number; z: number; p: number }[];
  compare: { x1: number; n1: number; x2: number; n2: number; test: 'fisher' | 'z'; p: number }[];
  tooFew: { xGroup: number; nGroup: number; xRef: number; nRef: number; alpha: number; tooFew: boolean }[];
  bh: { p: Num[]; q: Num[] }[];
  kaplanMeier: Record<
    string,
    {
      times: number[];
      events: boolean[];
      confidence?: number;
      curve: {
        time: number;
        survival: number;
        atRisk: number;
        events: number;
        censored: number;
        lower: Num;
        upper: Num;
      }[];
      median: Num;
      medianLower: Num;
      medianUpper: Num;
    }
  >;
  logRank: Record<string, { groups: { times: number[]; events: boolean[] }[]; chi2: number; df: number; p: Num }>;
  gini: { values: number[]; gini: number }[];
  standardizedRatio: {
    observed: number;
    expected: number;
    confidence: number;
    ratio: number;
    lower: number;
    upper: number;
  }[];
}

export const fixtures: Fixtures = JSON.parse(
  readFileSync(new URL('../fixtures/stats/expected.json', import.meta.url), 'utf8'),
) as Fixtures;

/** null in the fixture means NaN. */
export const num = (v: Num): number => (v === null ? Number.NaN : v);

/** Absolute agreement to `tol` (1e-6 by default); NaN must match NaN. */
export function expectClose(actual: number, expected: Num, tol = 1e-6, label = ''): void {
  const e = num(expected);
  if (Number.isNaN(e)) {
    expect(actual, `${label}: expected NaN`).toBeNaN();
    return;
  }
  expect(Number.isFinite(actual) || actual === e, `${label}: got ${actual}`).toBe(true);
  expect(Math.abs(actual - e), `${label}: got ${actual}, expected ${e}`).toBeLessThanOrEqual(tol);
}
