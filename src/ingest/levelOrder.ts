import { listValue, type DuckDBConnection } from '@duckdb/node-api';

// A label prefix ending in a non-digit, then a level number of at most three digits ("L3", "IC12"):
// a long run of digits is no level.
const NUMBERED = /^(.*?\D)(\d{1,3})$/;

/**
 * Level labels need an order, confirmed once per workspace. Labels that share one prefix and
 * end in a number ("L1".."L6", "IC2".."IC5") order themselves and are learned here; any other
 * new label (e.g. "Director") stays unknown, its rows are rejected with a reason, and the
 * user sets the order on the Data page (setLevelOrder).
 */
export async function learnLevelLabels(c: DuckDBConnection, distinctLabels: string, file: string): Promise<string[]> {
  // distinctLabels: SQL of this program (over the file's distinct level values) with one column l.
  const rows = (await c.runAndReadAll(`
    SELECT DISTINCT l FROM (SELECT regexp_replace(trim(l), '\\s+', ' ', 'g') AS l FROM (${distinctLabels})) WHERE l IS NOT NULL AND l <> '' AND NOT regexp_matches(l, '^[0-9]{1,3}$')
      AND lower(l) NOT IN (SELECT lower(label) FROM level_order)`)).getRowObjectsJS();
  const fresh = rows.map((r) => String(r.l));
  if (!fresh.length) return [];
  const known = (await c.runAndReadAll('SELECT label FROM level_order')).getRowObjectsJS().map((r) => String(r.label));
  const prefixes = new Set([...known, ...fresh].map((l) => NUMBERED.exec(l)?.[1].toLowerCase() ?? '\u0000'));
  if (prefixes.size === 1 && !prefixes.has('\u0000')) {
    const ranks = fresh.map((l) => Number(NUMBERED.exec(l)![2]));
    await c.run('INSERT INTO level_order SELECT unnest($l), unnest($r)', { l: listValue(fresh), r: listValue(ranks) });
    const all = [...known, ...fresh].sort((a, b) => Number(NUMBERED.exec(a)![2]) - Number(NUMBERED.exec(b)![2]));
    return [`level order taken from the labels' numbers: ${all.join(' < ')}`];
  }
  return [`${file}: level labels without a known order (${fresh.slice(0, 8).join(', ')}${fresh.length > 8 ? ', …' : ''}): set the level order, then import again`];
}
