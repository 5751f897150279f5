import type { FieldKind } from './fieldSpecs';

/**
 * SQL expressions that turn a staged text column into its canonical type. `f` is always a
 * canonical field name from FIELD_SPECS (a constant of this program), never text from a file,
 * so splicing it is safe; values and formats are bound parameters.
 */
export function typedExpr(f: string, kind: FieldKind): string {
  const v = `nullif(trim(${f}), '')`;
  switch (kind.kind) {
    case 'person':
    case 'key':
      return `pseudo(${v})`;
    case 'program':
    case 'text':
      return `regexp_replace(${v}, '\\s+', ' ', 'g')`;
    case 'date':
      return `parse_date_any(${v}, $fmt_${f})`;
    case 'number':
      return `coalesce(TRY_CAST(${v} AS DOUBLE), TRY_CAST(replace(${v}, ',', '.') AS DOUBLE))`;
    case 'enum':
      return `normalize_enum(${v}, '${f}', $enum_${f})`;
    case 'label':
      return `normalize_label(${v}, '${f}')`;
    case 'level':
      return `level_rank_of(${v})`;
  }
}

/** A condition that is true where the raw value was given but could not be typed, and why.
 * Returned as SQL over the typed table's columns <f> and <f>__raw. */
export function typeCheck(f: string, kind: FieldKind): { when: string; reason: string } | null {
  const given = `nullif(trim(${f}__raw), '') IS NOT NULL`;
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
 * Lookups as MAP session variables rather than correlated subqueries: one hash probe per row
 * instead of a join per row keeps a million-row import within seconds. Set on the import
 * connection after the workspace tables they read are final for this file.
 */
export const LOOKUP_VARIABLES = `
SET VARIABLE label_map = (SELECT coalesce(map_from_entries(list({'k': dimension || chr(31) || from_label, 'v': to_label})), MAP {}::MAP(VARCHAR, VARCHAR)) FROM label_merges);
SET VARIABLE enum_map = (SELECT coalesce(map_from_entries(list({'k': field || chr(31) || raw, 'v': canonical})), MAP {}::MAP(VARCHAR, VARCHAR)) FROM enum_synonyms);
SET VARIABLE level_map = (SELECT coalesce(map_from_entries(list({'k': lower(label), 'v': rank})), MAP {}::MAP(VARCHAR, INTEGER)) FROM level_order);
`;

/** Temp macros the typing expressions use; defined on the import connection only. */
export const TYPING_MACROS = `
CREATE OR REPLACE TEMP MACRO pseudo(x) AS
  CASE WHEN x IS NULL THEN NULL ELSE 'p' || substr(sha256(getvariable('pathways_salt') || x), 1, 20) END;

-- Dates as vendors write them: ISO, timestamps, the column's own day/month order (detected
-- per column, or chosen by the user when ambiguous), month names, compact yyyymmdd.
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
    CASE WHEN list_contains(allowed, getvariable('enum_map')[field || chr(31) || lower(x)]) THEN getvariable('enum_map')[field || chr(31) || lower(x)] END,
    CASE WHEN list_contains(allowed, regexp_replace(lower(x), '[ -]', '_', 'g')) THEN regexp_replace(lower(x), '[ -]', '_', 'g') END
  );
CREATE OR REPLACE TEMP MACRO normalize_enum(x, field, allowed) AS
  CASE WHEN x IS NULL THEN NULL ELSE enum_candidate(x, field, allowed) END;

CREATE OR REPLACE TEMP MACRO collapse_ws(x) AS regexp_replace(x, '\\s+', ' ', 'g');
CREATE OR REPLACE TEMP MACRO normalize_label(x, dim) AS
  CASE WHEN x IS NULL THEN NULL ELSE coalesce(getvariable('label_map')[dim || chr(31) || lower(collapse_ws(x))], collapse_ws(x)) END;

CREATE OR REPLACE TEMP MACRO level_rank_of(x) AS
  CASE WHEN x IS NULL THEN NULL
       WHEN regexp_full_match(x, '[0-9]{1,3}') THEN x::INTEGER
       ELSE getvariable('level_map')[lower(x)] END;
`;
