import type { WorkspaceInfo } from '../../../src/api/contract';

/** The view's controls; kept in the query string (?period=2025-Q2&dimension=gender&k=5) so a view can be bookmarked. */
export interface Controls {
  period: string;
  dimension: string;
  k: number;
}

export const DEFAULT_DIMENSION = 'gender';
export const DEFAULT_K = 5;
/** The core refuses k below 3 (METRICS.md, disclosure control) and above 1000. */
export const MIN_K = 3;
export const MAX_K = 1000;

export const isValidK = (k: number): boolean => Number.isInteger(k) && k >= MIN_K && k <= MAX_K;

/**
 * The controls a query string asks for, made valid for this workspace: an unknown period
 * falls back to the latest one, an unknown dimension to gender (or the first declared), and
 * k is brought into [3, 1000] (never below 3, whatever the URL says).
 */
export function readControls(search: string, info: Pick<WorkspaceInfo, 'periods' | 'dimensions'>): Controls {
  const q = new URLSearchParams(search);
  const period = q.get('period');
  const dimension = q.get('dimension');
  const rawK = Number.parseInt(q.get('k') ?? '', 10);
  const fallbackDimension = info.dimensions.includes(DEFAULT_DIMENSION) ? DEFAULT_DIMENSION : info.dimensions[0] ?? DEFAULT_DIMENSION;
  return {
    period: period && info.periods.includes(period) ? period : info.periods[info.periods.length - 1] ?? '',
    dimension: dimension && info.dimensions.includes(dimension) ? dimension : fallbackDimension,
    k: Number.isFinite(rawK) ? Math.min(MAX_K, Math.max(MIN_K, rawK)) : DEFAULT_K,
  };
}

/** The query string for controls, keeping any other parameters the URL carries. */
export function writeControls(search: string, c: Controls): string {
  const q = new URLSearchParams(search);
  q.set('period', c.period);
  q.set('dimension', c.dimension);
  q.set('k', String(c.k));
  return `?${q.toString()}`;
}
