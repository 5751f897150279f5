import type { DuckDBConnection } from '@duckdb/node-api';
import { loadModels } from './registry';

// Pooled connections that hold the shared macros (queries/_lib), defined on their first run:
// a pooled connection keeps them (they hold no data).
const withLib = new WeakSet<DuckDBConnection>();

/** Defines the shared macros on a connection that lacks them; true when it already had them. */
export async function ensureLib(c: DuckDBConnection): Promise<boolean> {
  if (withLib.has(c)) return true;
  await defineLib(c);
  return false;
}

/** (Re)defines the shared macros, undoing whatever an earlier run redefined on the connection. */
export async function defineLib(c: DuckDBConnection): Promise<void> {
  await c.run(loadModels().lib);
  withLib.add(c);
}
