import type { DuckDBConnection } from '@duckdb/node-api';
import { PathwaysError } from '../errors';

const NUMERIC_DATE = String.raw`^\d{1,2}([/.-])\d{1,2}[/.-](\d{2}|\d{4})$`;

/**
 * Decides, per date column, whether numeric dates like 03/04/2025 are day-first or
 * month-first, from the column's own values: a value above 12 in one position settles it.
 * A column where every such value fits both orders is ambiguous: the user must say (the
 * profile's dateFormat); guessing would silently move dates by months. Reads `from`, a
 * FROM-clause of this program with one column per date field (the file's distinct values).
 */
export async function detectDateFormats(
  c: DuckDBConnection,
  fields: string[],
  userFormat: string | null,
  file: string,
  sourceOf: Map<string, string>,
  from = 'stage',
): Promise<{ formats: Record<string, string[]>; notes: string[] }> {
  const formats: Record<string, string[]> = {};
  const notes: string[] = [];
  const present = fields.filter((f) => sourceOf.has(f));
  for (const f of fields) formats[f] = userFormat ? [userFormat] : ['%Y-%m-%d'];
  if (userFormat || !present.length) return { formats, notes };
  // f is a canonical field name from FIELD_SPECS, never file text.
  // ISO dates (the common case) are ruled out by a cheap LIKE scan; only columns with other
  // values get the regex scan, and it reads only those values.
  const probe = (await c.runAndReadAll(`SELECT ${present.map((f, i) => `count(*) FILTER (WHERE ${f} NOT LIKE '____-__-__%') AS x${i}`).join(', ')} FROM ${from}`)).getRowObjectsJS()[0];
  const odd = present.filter((_, i) => Number(probe[`x${i}`]) > 0);
  if (!odd.length) return { formats, notes };
  const numeric = (f: string) => `(${f} NOT LIKE '____-__-__%' AND regexp_matches(${f}, $re))`;
  const aggregates = odd.map((f, i) => `
      count(*) FILTER (WHERE ${numeric(f)}) AS n${i},
      count(*) FILTER (WHERE ${numeric(f)} AND TRY_CAST(regexp_extract(${f}, '^\\s*(\\d+)', 1) AS INTEGER) > 12) AS d${i},
      count(*) FILTER (WHERE ${numeric(f)} AND TRY_CAST(regexp_extract(${f}, '^\\s*\\d+[/.-](\\d+)', 1) AS INTEGER) > 12) AS m${i},
      any_value(regexp_extract(trim(${f}), $re, 1)) FILTER (WHERE ${numeric(f)}) AS s${i},
      any_value(trim(${f})) FILTER (WHERE ${numeric(f)}) AS e${i}`);
  const r = (await c.runAndReadAll(`SELECT ${aggregates.join(',')} FROM ${from} WHERE ${odd.map((f) => `${f} NOT LIKE '____-__-__%'`).join(' OR ')}`, { re: NUMERIC_DATE.replace('^', '^\\s*').replace('$', '\\s*$') })).getRowObjectsJS()[0];
  odd.forEach((f, i) => {
    if (Number(r[`n${i}`]) === 0) return;
    const sep = String(r[`s${i}`]);
    const dayFirst = Number(r[`d${i}`]);
    const monthFirst = Number(r[`m${i}`]);
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
        `${file}: dates in column "${column}" such as ${r[`e${i}`]} could be day/month or month/day. Choose the date format (for example %d/%m/%Y or %m/%d/%Y) and import again.`,
        { file, column, value: String(r[`e${i}`]) },
      );
    }
  });
  return { formats, notes };
}
