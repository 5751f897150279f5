import type { DuckDBConnection } from '@duckdb/node-api';
import { loadModels } from './registry';
import { pinJobEventFamilies } from './pinJobEventFamilies';

// Pooled connections that hold the shared macros (queries/_lib), defined on their first run:
// a pooled connection keeps them (they hold no data).
const withLib = new WeakSet<DuckDBConnection>();

/**
 * Readies a connection for a model's SQL inside its transaction: the shared macros, and with
 * pinJobEvents the job_events families pinned as constants. When the families cannot be
 * pinned, the lib's own definition must stand, not a pin left by an earlier run.
 */
export async function prepareConnection(c: DuckDBConnection, options: { pinJobEvents: boolean }): Promise<void> {
  const reused = withLib.has(c);
  if (!reused) await c.run(loadModels().lib);
  if (options.pinJobEvents && !(await pinJobEventFamilies(c)) && reused) await c.run(loadModels().lib);
  withLib.add(c);
}
