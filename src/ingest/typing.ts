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

/** A condition that is true where the raw value was given but could not be typed, and why. */
export function typeCheck(f: string, kind: FieldKind): { when: string; reason: string } | null {
  const given = `nullif(trim(${f}__raw), '') IS NOT NULL`;
  switch (kind.kind) {
    case 'date':
      return { when: `${given} AND ${f} IS NULL`, reason: `'not a date (expected e.g. 2025-03-31)'` };
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

/** Temp macros the typing expressions use; defined on the import connection only. */
export const TYPING_MACROS = `
CREATE OR REPLACE TEMP MACRO pseudo(x) AS
  CASE WHEN x IS NULL THEN NULL ELSE 'p' || substr(sha256((SELECT value FROM meta WHERE key = 'salt') || x), 1, 20) END;

-- Dates as vendors write them: ISO, timestamps, the column's own day/month order (detected
-- per column, or chosen by the user when ambiguous), month names, compact yyyymmdd.
-- Dates outside 1900..2100 are typos or placeholders (year 0, 9999-12-31), not data.
CREATE OR REPLACE TEMP MACRO date_in_range(v) AS CASE WHEN v BETWEEN DATE '1900-01-01' AND DATE '2100-12-31' THEN v END;
CREATE OR REPLACE TEMP MACRO parse_date_any(x, fmts) AS
  CASE WHEN x IS NULL THEN NULL ELSE date_in_range(coalesce(
    TRY_CAST(x AS DATE),
    TRY_CAST(TRY_CAST(x AS TIMESTAMP) AS DATE),
    TRY_CAST(try_strptime(x, fmts) AS DATE),
    TRY_CAST(try_strptime(x, ['%d-%b-%Y', '%d %b %Y', '%b %d, %Y', '%B %d, %Y', '%d %B %Y', '%Y%m%d', '%Y/%m/%d', '%d-%b-%y']) AS DATE)
  )) END;

CREATE OR REPLACE TEMP MACRO normalize_enum(x, field, allowed) AS
  CASE WHEN x IS NULL THEN NULL ELSE coalesce(
    CASE WHEN list_contains(allowed, lower(x)) THEN lower(x) END,
    (SELECT s.canonical FROM enum_synonyms s WHERE s.field = field AND s.raw = lower(x) AND list_contains(allowed, s.canonical)),
    CASE WHEN list_contains(allowed, replace(replace(lower(x), ' ', '_'), '-', '_')) THEN replace(replace(lower(x), ' ', '_'), '-', '_') END
  ) END;

CREATE OR REPLACE TEMP MACRO normalize_label(x, dim) AS
  CASE WHEN x IS NULL THEN NULL ELSE coalesce(
    (SELECT m.to_label FROM label_merges m WHERE m.dimension = dim AND m.from_label = lower(regexp_replace(x, '\\s+', ' ', 'g'))),
    regexp_replace(x, '\\s+', ' ', 'g')
  ) END;

CREATE OR REPLACE TEMP MACRO level_rank_of(x) AS
  CASE WHEN x IS NULL THEN NULL ELSE coalesce(
    CASE WHEN regexp_matches(x, '^[0-9]{1,3}$') THEN x::INTEGER END,
    (SELECT o.rank FROM level_order o WHERE lower(o.label) = lower(x))
  ) END;
`;
