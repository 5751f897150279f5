import type { DuckDBConnection } from '@duckdb/node-api';
import { PathwaysError } from '../errors';

const NUMERIC_DATE = String.raw`^\d{1,2}([/.-])\d{1,2}[/.-](\d{2}|\d{4})$`;

/**
 * Decides, per date column, whether numeric dates like 03/04/2025 are day-first or
 * month-first, from the column's own values: a value above 12 in one position settles it.
 * A column where every such value fits both orders is ambiguous: the user must say (the
 * profile's dateFormat); guessing would silently move dates by months.
 */
export async function detectDateFormats(
  c: DuckDBConnection,
  fields: string[],
  userFormat: string | null,
  file: string,
  sourceOf: Map<string, string>,
): Promise<{ formats: Record<string, string[]>; notes: string[] }> {
  const formats: Record<string, string[]> = {};
  const notes: string[] = [];
  for (const f of fields) {
    if (userFormat) { formats[f] = [userFormat]; continue; }
    // f is a canonical field name from FIELD_SPECS, never file text.
    const r = (await c.runAndReadAll(`
      WITH v AS (SELECT trim(${f}) AS v FROM stage WHERE regexp_matches(trim(${f}), $re))
      SELECT count(*) AS n,
             count(*) FILTER (WHERE TRY_CAST(regexp_extract(v, '^(\\d+)', 1) AS INTEGER) > 12) AS day_first,
             count(*) FILTER (WHERE TRY_CAST(regexp_extract(v, '^\\d+[/.-](\\d+)', 1) AS INTEGER) > 12) AS month_first,
             any_value(regexp_extract(v, $re, 1)) AS sep,
             any_value(v) AS example
      FROM v`, { re: NUMERIC_DATE })).getRowObjectsJS()[0];
    const n = Number(r.n);
    if (n === 0) { formats[f] = ['%Y-%m-%d']; continue; }
    const sep = String(r.sep);
    const dayFirst = Number(r.day_first);
    const monthFirst = Number(r.month_first);
    const dmy = [`%d${sep}%m${sep}%Y`, `%d${sep}%m${sep}%y`];
    const mdy = [`%m${sep}%d${sep}%Y`, `%m${sep}%d${sep}%y`];
    const column = sourceOf.get(f) ?? f;
    if (dayFirst > 0 && monthFirst === 0) formats[f] = dmy;
    else if (monthFirst > 0 && dayFirst === 0) formats[f] = mdy;
    else if (dayFirst > 0 && monthFirst > 0) {
      formats[f] = dayFirst >= monthFirst ? dmy : mdy;
      notes.push(`column "${column}" mixes day-first and month-first dates; read as ${dayFirst >= monthFirst ? 'day/month' : 'month/day'}, the others are rejected`);
    } else if (sep === '.') {
      formats[f] = dmy;
      notes.push(`column "${column}" read as day.month.year (the usual order with dots)`);
    } else {
      throw new PathwaysError(
        'MAPPING_INVALID',
        `${file}: dates in column "${column}" such as ${r.example} could be day/month or month/day. Choose the date format (for example %d/%m/%Y or %m/%d/%Y) and import again.`,
        { file, column, value: String(r.example) },
      );
    }
  }
  return { formats, notes };
}
