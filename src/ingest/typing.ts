import { FIELD_SPECS, type FieldKind } from './fieldSpecs';

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
      // Digits alone or with a decimal point (the common case) cast directly; a value with a
      // comma, or like 1.200, is read by its shape and, when the shape could be read two ways,
      // by what the column's other values say (numberSeparators).
      // (Written so: DuckDB evaluated the regex of a negated AND on every row.)
      return `CASE WHEN ${v} IS NULL THEN NULL
        WHEN contains(${v}, ',') OR (contains(${v}, '.') AND is_dot_thousand(${v})) THEN TRY_CAST(number_text(${v}, ${ambiguousShapes(f)}) AS DOUBLE)
        ELSE finite_double(${v}) END`;
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

/**
 * What number fields' columns say about their separators. Like a date column's day/month
 * order, the column decides, never one value alone: whether some value has an unmistakable
 * decimal comma (3,5 / 1.234,5: "eu"), some an unmistakable decimal point or thousands comma
 * (4.5 / 1,234.5 / 12,345,678: "us"), and some could be read either way (1,200: "ac";
 * 1.200: "ad"). A 1,200 reads as 1200 and a 1.200 as 1.2 only where no value has a decimal
 * comma and the two shapes are not mixed without a value that settles which mark is the
 * decimal one; otherwise the value is rejected with the reason (number_problem), never guessed.
 *
 * One scan of the stage per file, in LOOKUP_VARIABLES (which runs once the stage is final):
 * the session variable number_ambiguity maps each number field of the file's table to the
 * shapes its column leaves ambiguous ('ac', 'ad', both or ''). COLUMNS() picks whichever
 * number fields the stage has; __none is there so that a table without any still has one.
 */
const NUMBER_FIELDS = [...new Set(Object.values(FIELD_SPECS).flatMap((spec) => Object.entries(spec).filter(([, k]) => k.kind === 'number').map(([f]) => f)))];
const NUMBER_AMBIGUITY = `SET VARIABLE number_ambiguity = (SELECT map_from_entries(list({'k': name, 'v': shapes})) FROM (
  UNPIVOT (SELECT ambiguous_shapes(COLUMNS(c -> c IN (${[...NUMBER_FIELDS, '__none'].map((f) => `'${f}'`).join(', ')})))
    FROM (SELECT * FROM stage, (SELECT NULL::VARCHAR AS __none)))
  ON COLUMNS(*) INTO NAME name VALUE shapes));`;

/** The shapes field f's column leaves ambiguous (set per file, see NUMBER_AMBIGUITY). */
const ambiguousShapes = (f: string) => `getvariable('number_ambiguity')['${f}']`;

/**
 * The counts of each shape in field f's column and an example of a decimal comma, for the
 * reason of a rejected value only (a scalar subquery over the stage, in the query that
 * describes the rejected rows).
 */
function separatorCounts(f: string): string {
  return `(SELECT {'eu': count(*) FILTER (WHERE k = 'eu'), 'us': count(*) FILTER (WHERE k = 'us'), 'ac': count(*) FILTER (WHERE k = 'ac'),
      'ad': count(*) FILTER (WHERE k = 'ad'), 'eu_example': min(x) FILTER (WHERE k = 'eu')}
    FROM (SELECT x, number_shape(x) AS k FROM (SELECT DISTINCT __n.${f} AS x FROM stage __n WHERE contains(__n.${f}, ',') OR contains(__n.${f}, '.'))))`;
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
        reason: `CASE WHEN ${f} IS NULL THEN number_problem(${f}__raw, ${ambiguousShapes(f)}, ${separatorCounts(f)}) ELSE 'out of range (${kind.min ?? '-∞'} to ${kind.max ?? '∞'})' END`,
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
 * lookup tables, never per row; number_ambiguity only for the rare number with a comma or
 * like 1.200. Set after the workspace tables they read, and the stage, are final for this file.
 */
export const LOOKUP_VARIABLES = `
SET VARIABLE label_map = (SELECT coalesce(map_from_entries(list({'k': dimension || chr(31) || from_label, 'v': to_label})), MAP {}::MAP(VARCHAR, VARCHAR)) FROM label_merges);
SET VARIABLE enum_map = (SELECT coalesce(map_from_entries(list({'k': field || chr(31) || raw, 'v': canonical})), MAP {}::MAP(VARCHAR, VARCHAR)) FROM enum_synonyms);
SET VARIABLE level_map = (SELECT coalesce(map_from_entries(list({'k': lower(label), 'v': rank})), MAP {}::MAP(VARCHAR, INTEGER)) FROM level_order);
${NUMBER_AMBIGUITY}
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

-- Numbers with separators, by shape (x is trimmed and has a comma or a dot):
--   'ac' 1,200 (a thousands comma, or a decimal comma with three decimals)
--   'ad' 1.200 (a decimal point with three decimals, or a thousands dot)
--   'us' 4.5, 0.125, 1,234.5, 12,345,678 (a decimal point, thousands commas)
--   'eu' 3,5, 0,125, 1.234,5 (a decimal comma, thousands dots)
--   NULL anything else (1,2,3, 12.345.678 or n.a.: not a number).
-- Without a comma (the common case) only a dot three places from the end costs a regex.
CREATE OR REPLACE TEMP MACRO is_dot_thousand(x) AS
  strpos(x, '.') = length(x) - 3 AND regexp_full_match(x, '[+-]?[1-9][0-9]{0,2}\\.[0-9]{3}');
CREATE OR REPLACE TEMP MACRO is_comma_thousand(x) AS regexp_full_match(x, '[+-]?[1-9][0-9]{0,2},[0-9]{3}');
CREATE OR REPLACE TEMP MACRO number_shape(x) AS CASE
  WHEN NOT contains(x, ',') THEN CASE WHEN is_dot_thousand(x) THEN 'ad' WHEN isfinite(TRY_CAST(x AS DOUBLE)) THEN 'us' END
  WHEN is_comma_thousand(x) THEN 'ac'
  WHEN regexp_full_match(x, '[+-]?[1-9][0-9]{0,2}(,[0-9]{3})+(\\.[0-9]+)?') THEN 'us'
  WHEN regexp_full_match(x, '[+-]?[0-9]*,[0-9]+|[+-]?[1-9][0-9]{0,2}(\\.[0-9]{3})+,[0-9]+') THEN 'eu'
  END;
-- The shapes a column of numbers leaves ambiguous (an aggregate over the column x), see
-- NUMBER_AMBIGUITY: 'ac' unless no value has a decimal comma and either some value has a
-- decimal point (or thousands commas) or none looks like 1.200; 'ad' likewise.
CREATE OR REPLACE TEMP MACRO ambiguous_shapes(x) AS concat_ws(' ',
  CASE WHEN coalesce(bool_or(contains(x, ',') AND number_shape(x) = 'eu'), false)
         OR (NOT coalesce(bool_or((contains(x, '.') OR contains(x, ',')) AND number_shape(x) = 'us'), false)
             AND coalesce(bool_or(strpos(x, '.') = length(x) - 3 AND is_dot_thousand(x)), false)) THEN 'ac' END,
  CASE WHEN coalesce(bool_or(contains(x, ',') AND number_shape(x) = 'eu'), false)
         OR (NOT coalesce(bool_or((contains(x, '.') OR contains(x, ',')) AND number_shape(x) = 'us'), false)
             AND coalesce(bool_or(contains(x, ',') AND is_comma_thousand(x)), false)) THEN 'ad' END);
-- nan, inf and 1e999 are not numbers of any export.
CREATE OR REPLACE TEMP MACRO finite_double(x) AS CASE WHEN isfinite(TRY_CAST(x AS DOUBLE)) THEN TRY_CAST(x AS DOUBLE) END;
-- The text to cast of a number with a comma or like 1.200, or NULL where the column leaves it
-- ambiguous. amb: the shapes the column leaves ambiguous ('ac', 'ad', both or neither; see
-- number_separators), referenced once (it is a subquery). Each expression of x appears once
-- too: DuckDB computes a repeated one for every row, outside the CASE that needs it.
CREATE OR REPLACE TEMP MACRO number_text(x, amb) AS CASE
  WHEN contains(amb, CASE WHEN contains(x, ',') THEN 'ac' ELSE 'ad' END)
       AND CASE WHEN contains(x, ',') THEN is_comma_thousand(x) ELSE is_dot_thousand(x) END THEN NULL
  WHEN NOT contains(x, ',') THEN x
  WHEN regexp_full_match(x, '[+-]?[1-9][0-9]{0,2}(,[0-9]{3})+(\\.[0-9]+)?') THEN replace(x, ',', '')
  WHEN regexp_full_match(x, '[+-]?[0-9]*,[0-9]+|[+-]?[1-9][0-9]{0,2}(\\.[0-9]{3})+,[0-9]+') THEN replace(replace(x, '.', ''), ',', '.')
  END;
-- Why a given number x could not be read; col: the column's counts of each shape.
CREATE OR REPLACE TEMP MACRO number_problem(x, amb, col) AS CASE
  WHEN number_shape(x) IS NULL OR NOT contains(amb, number_shape(x)) THEN 'not a number'
  WHEN struct_extract(col, 'eu') > 0 THEN 'ambiguous number: other values in this column have a decimal comma (such as ' || struct_extract(col, 'eu_example') || '), so '
    || CASE WHEN number_shape(x) = 'ac' THEN 'the comma here may be a decimal comma or a thousands separator'
            ELSE 'the dot here may be a thousands separator or a decimal point' END
    || '; write the number without a thousands separator'
  ELSE 'ambiguous number: the column has values like 1,200 and like 1.200, so it is not clear whether the comma or the dot is the decimal mark; write the numbers without a thousands separator'
  END;

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
