import type { Workspace } from '../../src/workspace/workspace';
import { execute } from '../../src/models/runModel';
import { getModel } from '../../src/models/registry';
import { ModelParamsSchema, type ModelParamsInput } from '../../src/api/contract';
import { periodFromLabel } from '../../src/models/period';
import { kaplanMeierCounts } from '../../src/stats';

/**
 * A survival model's SQL answer, before disclosure control, as Kaplan-Meier per (slice, grp):
 * for fixtures whose groups are too small to be shown, so that the hand-computed spells are
 * still checked where the output only says "fewer than k". With delayed entry (an `entered`
 * column) the estimate counts each spell from its entry, from `from` on when given.
 */
export async function survivalAnswer(ws: Workspace, model: string, params: ModelParamsInput, from?: number) {
  const p = ModelParamsSchema.parse(params);
  const raw = await execute(ws, getModel(model), p, periodFromLabel(p.period));
  return (slice: string, grp: string) => {
    const counts = raw.filter((r) => r.slice === slice && r.grp === grp)
      .map((r) => ({ time: Number(r.t), events: Number(r.events), censored: Number(r.censored), ...(r.entered === undefined ? {} : { entered: Number(r.entered) }) }))
      .sort((a, b) => a.time - b.time);
    const km = kaplanMeierCounts(counts, { from });
    return {
      n: counts.reduce((s, c) => s + c.events + c.censored, 0),
      events: counts.reduce((s, c) => s + c.events, 0),
      times: counts.filter((c) => c.events + c.censored > 0).map((c) => c.time),
      entries: counts.filter((c) => (c.entered ?? 0) > 0).map((c) => [c.time, c.entered]),
      median: km.median,
      median_lower: km.medianLower,
      median_upper: km.medianUpper,
      curve: km.curve,
    };
  };
}
