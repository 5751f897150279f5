import type { DuckDBValue } from '@duckdb/node-api';

/**
 * DuckDB refuses a bound parameter that the statement does not use, so callers that share
 * one parameter set across statements bind only the $names each statement mentions.
 */
export function paramsUsedBy(sql: string, params: Record<string, DuckDBValue>): Record<string, DuckDBValue> {
  const used = new Set([...sql.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]));
  return Object.fromEntries(Object.entries(params).filter(([k]) => used.has(k)));
}
