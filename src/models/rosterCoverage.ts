import type { Workspace } from '../workspace/workspace';
import type { ModelFile } from './registry';
import type { Period } from './period';
import { perDataVersion } from '../workspace/perDataVersion';

// The latest roster snapshot, per data version: every model run of a view asks.
const cached = perDataVersion<string | null>();
const latestSnapshot = (ws: Workspace): Promise<string | null> =>
  cached(ws, 'latest', () => ws.all<{ d: string | null }>('SELECT max(snapshot_date)::VARCHAR AS d FROM people').then((r) => r[0]?.d ?? null));

const dayBefore = (iso: string): string => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * A note for a model that reads the roster when the period ends after the latest roster
 * snapshot: HR exports often stop before the mentoring tool's log does, and a period listed
 * for its conversations would otherwise read the last roster as if nothing had changed since.
 */
export async function rosterCoverageNote(ws: Workspace, model: ModelFile, period: Period): Promise<string | null> {
  if (!model.header.inputs.includes('people')) return null;
  const last = await latestSnapshot(ws);
  const lastDay = dayBefore(period.end);
  if (!last || last >= lastDay) return null;
  return `The latest roster is dated ${last}, before this period's last day (${lastDay}): headcounts, levels and groups are taken from it, `
    + 'and promotions, hires and exits after it are seen only where a job events file records them.';
}
