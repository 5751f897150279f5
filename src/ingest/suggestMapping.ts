import { FIELD_ALIASES, TABLE_SIGNATURES, normalizeHeader } from './aliases';
import { CANONICAL_FIELDS, SENSITIVE_HINT, type ImportTable } from './mappingProfile';

export interface ColumnSample {
  name: string;
  /** A few non-empty values, as text. */
  samples: string[];
}

export interface MappingSuggestion {
  table: ImportTable | null;
  /** 0..1: the share of the table's required fields found, tie-broken by total matches. */
  confidence: number;
  columns: Record<string, string>;
  /** Per field, why it was chosen ('header' alias or 'values'). */
  basis: Record<string, 'header' | 'values'>;
  /** Source columns that look like names, e-mails or free text: dropped unless kept. */
  sensitive: string[];
  /** Columns no field claimed: candidates for extra equity dimensions (people only). */
  unmapped: string[];
  /** Other tables the file could be, best first. */
  alternatives: { table: ImportTable; confidence: number }[];
}

const GENDER_VALUES = /^(f|m|w|x|nb|female|male|woman|women|man|men|non-binary|nonbinary|non binary|prefer not to say|undisclosed|declined)$/i;
const RACE_VALUES = /(white|black|asian|hispanic|latin|native|pacific|two or more|african|caucasian|indigenous)/i;
const LEVEL_VALUES = /^([a-z]{0,4}\s?-?\d{1,2}|\d{1,2})$/i;
const ID_VALUES = /^[a-z]{0,6}[-_]?\d{3,}$/i;
const DATE_VALUES = /^(\d{4}-\d{2}-\d{2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})/;

// Bare "Name" or "Title" stays sensitive: in a roster it is a person's.
const KNOWN_HEADERS = new Set(Object.values(FIELD_ALIASES).flatMap((fields) => Object.entries(fields).flatMap(([f, a]) => [f, ...a].map(normalizeHeader)))
  .filter((h) => !['name', 'display_name', 'title'].includes(h)));

const share = (samples: string[], re: RegExp) => (samples.length ? samples.filter((s) => re.test(s.trim())).length / samples.length : 0);

/** Header alias matches of one table: field -> source column (first alias in preference order wins). */
function matchHeaders(table: ImportTable, columns: ColumnSample[]): Record<string, string> {
  const byNorm = new Map(columns.map((c) => [normalizeHeader(c.name), c.name]));
  const taken = new Set<string>();
  const out: Record<string, string> = {};
  for (const [field, aliases] of Object.entries(FIELD_ALIASES[table])) {
    for (const a of [field, ...aliases]) {
      const src = byNorm.get(normalizeHeader(a));
      if (src && !taken.has(src)) { out[field] = src; taken.add(src); break; }
    }
  }
  return out;
}

/**
 * Suggests which canonical table a file is and how its columns map, from header aliases
 * first and, for the equity and level fields a roster may name oddly, from the values.
 * The user confirms or corrects; nothing is imported on a guess alone.
 */
export function suggestMapping(columns: ColumnSample[]): MappingSuggestion {
  // A header that is a known alias of some field ("Program Name") is data, not a person's name.
  const sensitive = columns.filter((c) => !KNOWN_HEADERS.has(normalizeHeader(c.name))
    && (SENSITIVE_HINT.test(c.name) || c.samples.some((s) => /@[\w-]+\.\w/.test(s)))).map((c) => c.name);
  const candidates = (Object.keys(TABLE_SIGNATURES) as ImportTable[]).map((table) => {
    const mapped = matchHeaders(table, columns.filter((c) => !sensitive.includes(c.name)));
    const basis: Record<string, 'header' | 'values'> = Object.fromEntries(Object.keys(mapped).map((f) => [f, 'header' as const]));
    if (table === 'people') inferPeopleFromValues(columns, mapped, basis, sensitive);
    const sig = TABLE_SIGNATURES[table];
    const sigHit = sig.filter((f) => f in mapped).length / sig.length;
    const req = CANONICAL_FIELDS[table].required;
    const reqHit = req.filter((f) => f in mapped).length / req.length;
    return { table, mapped, basis, score: sigHit === 1 ? reqHit + Object.keys(mapped).length / 100 : 0, partial: reqHit + Object.keys(mapped).length / 100 };
  }).sort((a, b) => b.score - a.score || b.partial - a.partial);
  const best = candidates[0];
  const chosen = best.score > 0 ? best : undefined;
  // No table fits: the closest one is still offered as the first alternative (confidence 0)
  // with the columns it found, so the user starts from something.
  const partial = !chosen && best.partial >= 0.3 ? best : undefined;
  const used = new Set(Object.values((chosen ?? partial)?.mapped ?? {}));
  return {
    table: chosen?.table ?? null,
    confidence: chosen ? Math.min(1, Math.round(chosen.score * 100) / 100) : 0,
    columns: (chosen ?? partial)?.mapped ?? {},
    basis: (chosen ?? partial)?.basis ?? {},
    sensitive,
    unmapped: columns.map((c) => c.name).filter((n) => !used.has(n) && !sensitive.includes(n)),
    alternatives: partial ? [{ table: partial.table, confidence: 0 }]
      : candidates.slice(1).filter((c) => c.score > 0).map((c) => ({ table: c.table, confidence: Math.min(1, Math.round(c.score * 100) / 100) })),
  };
}

function inferPeopleFromValues(columns: ColumnSample[], mapped: Record<string, string>, basis: Record<string, 'header' | 'values'>, sensitive: string[]): void {
  const free = () => columns.filter((c) => !Object.values(mapped).includes(c.name) && !sensitive.includes(c.name) && c.samples.length);
  const claim = (field: string, test: (c: ColumnSample) => boolean) => {
    if (field in mapped) return;
    const hit = free().find(test);
    if (hit) { mapped[field] = hit.name; basis[field] = 'values'; }
  };
  // Ids: every sampled value distinct, shaped like an employee number (letters, then 3+ digits).
  claim('person_id', (c) => c.samples.length >= 3 && new Set(c.samples).size === c.samples.length && share(c.samples, ID_VALUES) >= 0.9);
  claim('gender', (c) => share(c.samples, GENDER_VALUES) >= 0.8);
  claim('race_ethnicity', (c) => share(c.samples, RACE_VALUES) >= 0.6);
  claim('level', (c) => share(c.samples, LEVEL_VALUES) >= 0.9 && new Set(c.samples).size <= 30 && !/id|number|no$/i.test(c.name));
  claim('snapshot_date', (c) => share(c.samples, DATE_VALUES) >= 0.9 && new Set(c.samples).size === 1);
}
