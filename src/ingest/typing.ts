import type { FieldKind } from './fieldSpecs';

/**
 * SQL that turns staged text columns into canonical types. Field names are canonical names
 * from FIELD_SPECS (constants of this program), never text from a file, so splicing them is
 * safe; values and formats are bound parameters.
 *
 * Enums, equity labels and levels are typed once per DISTINCT value in a small lookup table
 * `lk_<field>` and joined back: a roster has a handful of genders and levels, so trimming,
 * case-folding, synonym merges and level ranks cost next to nothing per row. Dates and free
 * text have cheap per-row paths (ISO dates cast directly; text is only regex-cleaned when it
 * has odd white space).
 */

/** Kinds typed through a lookup of their distinct values. */
export const isLookupKind = (k: FieldKind): boolean => k.kind === 'enum' || k.kind === 'label' || k.kind === 'level';

/** The lookup table's typed value for one distinct raw value `raw` (a column of the lookup source). */
export function lookupExpr(f: string, kind: FieldKind): { val: string; label?: string } {
  const v = 'raw';
  switch (kind.kind) {
    case 'enum': return { val: `normalize_enum(${v}, '${f}', $enum_${f})` };
    case 'label': return { val: `normalize_label(${v}, '${f}')` };
    case 'level': return { val: `level_rank_of(collapse_ws(${v}))`, label: `collapse_ws(${v})` };
    default: throw new Error(`${f} is not a lookup field`);
  }
}

/** The typed value of field f from the staged row `s` (and its lookup `lk_f` where it has one). */
export function typedExpr(f: string, kind: FieldKind): string {
  // Staged values are already trimmed, with blanks as NULL (see importFiles' stage).
  const v = `s.${f}`;
  switch (kind.kind) {
    case 'person':
    case 'key':
      return `pseudo(${v})`;
    case 'number':
      return `coalesce(TRY_CAST(${v} AS DOUBLE), TRY_CAST(replace(${v}, ',', '.') AS DOUBLE))`;
    case 'date':
      // The column's formats are a session variable (set per file) so that queries over this
      // expression need no bound parameters and views can be built on them; it is read only
      // for values that are not ISO dates.
      return `parse_date_any(${v}, getvariable('fmt_${f}'))`;
    case 'program':
    case 'text':
      return `clean_text(s.${f})`;
    default:
      return `lk_${f}.val`;
  }
}

/**
 * The form of field f that decides whether two rows share a key: the typed value, except
 * that ids are compared trimmed but not yet pseudonymized (the salted hash is one-to-one, and
 * skipping it keeps the duplicate check cheap).
 */
export function keyExpr(f: string, kind: FieldKind): string {
  return kind.kind === 'person' || kind.kind === 'key' ? `s.${f}` : typedExpr(f, kind);
}

/** A condition that is true where the raw value was given but could not be typed, and why.
 * SQL over the typed columns <f> and the staged text <f>__raw. */
export function typeCheck(f: string, kind: FieldKind): { when: string; reason: string } | null {
  const given = `${f}__raw IS NOT NULL`;
  switch (kind.kind) {
    case 'date':
      // Dates outside 1900..2100 are typos or placeholders (year 0, 9999-12-31), not data.
      return {
        when: `${given} AND (${f} IS NULL OR ${f} NOT BETWEEN DATE '1900-01-01' AND DATE '2100-12-31')`,
        reason: `CASE WHEN ${f} IS NULL THEN 'not a date (expected e.g. 2025-03-31)' ELSE 'date out of range (1900 to 2100)' END`,
      };
    case 'number': {
      const bounds = [
        kind.min !== undefined ? `${f} < ${Number(kind.min)}` : null,
        kind.max !== undefined ? `${f} > ${Number(kind.max)}` : null,
      ].filter(Boolean);
      const range = bounds.length ? ` OR (${bounds.join(' OR ')})` : '';
      return {
        when: `${given} AND (${f} IS NULL${range})`,
        reason: `CASE WHEN ${f} IS NULL THEN 'not a number' ELSE 'out of range (${kind.min ?? '-∞'} to ${kind.max ?? '∞'})' END`,
      };
    }
    case 'enum':
      return { when: `${given} AND ${f} IS NULL`, reason: `'not one of: ${kind.values.join(', ')}'` };
    case 'level':
      return { when: `${given} AND ${f} IS NULL`, reason: `'level label has no place in the workspace''s level order'` };
    default:
      return null;
  }
}

/**
 * Lookups as MAP session variables. They are probed only while building the small per-value
 * lookup tables, never per row. Set after the workspace tables they read are final for this file.
 */
export const LOOKUP_VARIABLES = `
SET VARIABLE label_map = (SELECT coalesce(map_from_entries(list({'k': dimension || chr(31) || from_label, 'v': to_label})), MAP {}::MAP(VARCHAR, VARCHAR)) FROM label_merges);
SET VARIABLE enum_map = (SELECT coalesce(map_from_entries(list({'k': field || chr(31) || raw, 'v': canonical})), MAP {}::MAP(VARCHAR, VARCHAR)) FROM enum_synonyms);
SET VARIABLE level_map = (SELECT coalesce(map_from_entries(list({'k': lower(label), 'v': rank})), MAP {}::MAP(VARCHAR, INTEGER)) FROM level_order);
`;

/** Temp macros the typing expressions use; defined on the import connection only. */
export function typingMacros(salt: string): string {
  // The salt is spliced as a literal because getvariable() is evaluated per row, which
  // doubles the cost of hashing a million ids; it is the workspace's own hex string. Same
  // pseudonyms as TYPING_MACROS' pseudo() with the salt in the variable.
  if (!/^[0-9a-f]{16,128}$/.test(salt)) throw new Error('the workspace salt is not a hex string');
  return `${TYPING_MACROS}
CREATE OR REPLACE TEMP MACRO pseudo(x) AS
  CASE WHEN x IS NULL THEN NULL ELSE 'p' || substr(sha256('${salt}' || x), 1, 20) END;`;
}

/** The typing macros with pseudo() reading the salt from the session variable pathways_salt (for a few ids at a time). */
export const TYPING_MACROS = `
CREATE OR REPLACE TEMP MACRO pseudo(x) AS
  CASE WHEN x IS NULL THEN NULL ELSE 'p' || substr(sha256(getvariable('pathways_salt') || x), 1, 20) END;

-- Dates as vendors write them: ISO, timestamps, the column's own day/month order (detected
-- per column, or chosen by the user when ambiguous), month names, compact yyyymmdd.
-- COALESCE stops at the first hit, so ISO dates never reach the strptime patterns.
CREATE OR REPLACE TEMP MACRO parse_date_any(x, fmts) AS
  CASE WHEN x IS NULL THEN NULL ELSE coalesce(
    TRY_CAST(x AS DATE),
    TRY_CAST(TRY_CAST(x AS TIMESTAMP) AS DATE),
    TRY_CAST(try_strptime(x, fmts) AS DATE),
    TRY_CAST(try_strptime(x, ['%d-%b-%Y', '%d %b %Y', '%b %d, %Y', '%B %d, %Y', '%d %B %Y', '%Y%m%d', '%Y/%m/%d', '%d-%b-%y']) AS DATE)
  ) END;

CREATE OR REPLACE TEMP MACRO enum_candidate(x, field, allowed) AS
  coalesce(
    CASE WHEN list_contains(allowed, lower(x)) THEN lower(x) END,
    CASE WHEN list_contains(allowed, getvariable('enum_map')[field || chr(31) || lower(collapse_ws(x))]) THEN getvariable('enum_map')[field || chr(31) || lower(collapse_ws(x))] END,
    CASE WHEN list_contains(allowed, regexp_replace(lower(x), '[ -]', '_', 'g')) THEN regexp_replace(lower(x), '[ -]', '_', 'g') END
  );
CREATE OR REPLACE TEMP MACRO normalize_enum(x, field, allowed) AS
  CASE WHEN x IS NULL THEN NULL ELSE enum_candidate(x, field, allowed) END;

CREATE OR REPLACE TEMP MACRO collapse_ws(x) AS regexp_replace(x, '\\s+', ' ', 'g');
-- Free text trimmed, inner runs of white space collapsed; the regex runs only on the rare
-- value that has such a run (a plain substring test is far cheaper per row).
-- x is a staged value: already trimmed, NULL when blank.
CREATE OR REPLACE TEMP MACRO clean_text(x) AS
  CASE WHEN contains(x, '  ') OR contains(x, chr(9)) OR contains(x, chr(10)) OR contains(x, chr(13)) THEN nullif(trim(collapse_ws(x)), '')
       ELSE x END;
CREATE OR REPLACE TEMP MACRO normalize_label(x, dim) AS
  CASE WHEN x IS NULL THEN NULL ELSE coalesce(getvariable('label_map')[dim || chr(31) || lower(collapse_ws(x))], collapse_ws(x)) END;

CREATE OR REPLACE TEMP MACRO level_rank_of(x) AS
  CASE WHEN x IS NULL THEN NULL
       WHEN regexp_full_match(x, '[0-9]{1,3}') THEN x::INTEGER
       ELSE getvariable('level_map')[lower(x)] END;
`;
