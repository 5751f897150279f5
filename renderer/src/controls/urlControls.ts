import type { WorkspaceInfo } from '../../../src/api/contract';
import { DEFAULT_PAGE, isPageId, type PageId } from './pages';
import { UNKNOWN_GROUP_LABELS } from '../model/unknownGroups';

export type Layer = 'formal' | 'peer' | 'informal';
export type ReferenceChoice = 'largest' | 'highest' | { group: string };

/**
 * The view: the page and every control shared by the pages, kept in the query string
 * (?page=access&period=2026-Q3&dimension=gender&k=5...) so that a view can be bookmarked
 * and reopened. Null = no filter / the default.
 */
export interface Controls {
  page: PageId;
  period: string;
  /** The period to compare with; null = the quarter before. */
  comparePeriod: string | null;
  dimension: string;
  /** A second dimension for an intersection (gender × race/ethnicity), or null. */
  dimension2: string | null;
  reference: ReferenceChoice;
  department: string | null;
  location: string | null;
  levelMin: number | null;
  levelMax: number | null;
  layer: Layer | null;
  programId: string | null;
  k: number;
}

export const DEFAULT_DIMENSION = 'gender';
export const DEFAULT_K = 5;
/** The core refuses k below 3 (METRICS.md, disclosure control) and above 1000. */
export const MIN_K = 3;
export const MAX_K = 1000;
export const LAYERS: Layer[] = ['formal', 'peer', 'informal'];

export const isValidK = (k: number): boolean => Number.isInteger(k) && k >= MIN_K && k <= MAX_K;


type InfoForControls = Pick<WorkspaceInfo, 'periods' | 'dimensions'> & Partial<Pick<WorkspaceInfo, 'departments' | 'locations' | 'levels' | 'programs' | 'groups'>>;

/** The groups the reference picker offers for a dimension, or for the intersection of two ("Woman × Asian"). */
export function referenceGroups(info: Pick<InfoForControls, 'groups'>, dimension: string, dimension2: string | null): string[] {
  const of = (d: string) => (info.groups?.[d] ?? []).filter((g) => !UNKNOWN_GROUP_LABELS.has(g));
  if (!dimension2) return of(dimension);
  return of(dimension).flatMap((a) => of(dimension2).map((b) => `${a} × ${b}`));
}

const KEYS = {
  page: 'page', period: 'period', comparePeriod: 'compare', dimension: 'dimension', dimension2: 'dimension2', reference: 'reference',
  department: 'department', location: 'location', levelMin: 'levelMin', levelMax: 'levelMax', layer: 'layer', programId: 'program', k: 'k',
} as const satisfies Record<keyof Controls, string>;

const intOrNull = (s: string | null): number | null => (s !== null && /^\d+$/.test(s) ? Number(s) : null);

/**
 * The controls a query string asks for, made valid for this workspace: an unknown period
 * falls back to the latest one, an unknown dimension to gender (or the first declared), an
 * unknown filter value to no filter, an unknown reference group to the largest group, and
 * k is brought into [3, 1000] (never below 3, whatever the URL says).
 */
export function readControls(search: string, info: InfoForControls): Controls {
  const q = new URLSearchParams(search);
  const get = (key: keyof Controls) => q.get(KEYS[key]);
  const period = get('period');
  const latest = info.periods[info.periods.length - 1] ?? '';
  const fallbackDimension = info.dimensions.includes(DEFAULT_DIMENSION) ? DEFAULT_DIMENSION : info.dimensions[0] ?? DEFAULT_DIMENSION;
  const dimension = info.dimensions.includes(get('dimension') ?? '') ? get('dimension')! : fallbackDimension;
  const d2 = get('dimension2');
  const dimension2 = d2 && d2 !== dimension && info.dimensions.includes(d2) ? d2 : null;
  const reviewPeriod = period && info.periods.includes(period) ? period : latest;
  const compare = get('comparePeriod');
  const rawK = Number.parseInt(get('k') ?? '', 10);
  const ranks = new Set((info.levels ?? []).map((l) => l.rank));
  let levelMin = intOrNull(get('levelMin'));
  let levelMax = intOrNull(get('levelMax'));
  if (levelMin !== null && !ranks.has(levelMin)) levelMin = null;
  if (levelMax !== null && !ranks.has(levelMax)) levelMax = null;
  if (levelMin !== null && levelMax !== null && levelMin > levelMax) [levelMin, levelMax] = [levelMax, levelMin];
  const layer = get('layer');
  const program = get('programId');
  const department = get('department');
  const location = get('location');
  return {
    page: isPageId(get('page')) ? (get('page') as PageId) : DEFAULT_PAGE,
    period: reviewPeriod,
    comparePeriod: compare && compare !== reviewPeriod && info.periods.includes(compare) ? compare : null,
    dimension,
    dimension2,
    reference: readReference(get('reference'), referenceGroups(info, dimension, dimension2)),
    department: department && (info.departments ?? []).includes(department) ? department : null,
    location: location && (info.locations ?? []).includes(location) ? location : null,
    levelMin,
    levelMax,
    layer: (LAYERS as string[]).includes(layer ?? '') ? (layer as Layer) : null,
    programId: program && (info.programs ?? []).some((p) => p.id === program) ? program : null,
    k: Number.isFinite(rawK) ? Math.min(MAX_K, Math.max(MIN_K, rawK)) : DEFAULT_K,
  };
}

/** "largest", "highest" or "group:<name>" in the URL. */
function readReference(raw: string | null, groups: string[]): ReferenceChoice {
  if (raw === 'highest') return 'highest';
  if (raw?.startsWith('group:') && groups.includes(raw.slice(6))) return { group: raw.slice(6) };
  return 'largest';
}

const referenceText = (r: ReferenceChoice): string => (typeof r === 'object' ? `group:${r.group}` : r);

/**
 * The query string for controls, keeping any other parameters the URL carries. The page,
 * period, dimension, reference and k are always written (the address names the view on
 * screen); filters only when set.
 */
export function writeControls(search: string, c: Controls): string {
  const q = new URLSearchParams(search);
  const set = (key: keyof Controls, value: string | number | null) => {
    if (value === null) q.delete(KEYS[key]);
    else q.set(KEYS[key], String(value));
  };
  set('page', c.page);
  set('period', c.period);
  set('comparePeriod', c.comparePeriod);
  set('dimension', c.dimension);
  set('dimension2', c.dimension2);
  set('reference', referenceText(c.reference));
  set('department', c.department);
  set('location', c.location);
  set('levelMin', c.levelMin);
  set('levelMax', c.levelMax);
  set('layer', c.layer);
  set('programId', c.programId);
  set('k', c.k);
  return `?${q.toString()}`;
}

/** Whether two views are the same (the query strings they write are). */
export const sameControls = (a: Controls, b: Controls): boolean => writeControls('', a) === writeControls('', b);
