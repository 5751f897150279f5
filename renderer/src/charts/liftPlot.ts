import { estimatePlot, type Estimate } from './estimatePlot';
import { formatCount } from '../format/numbers';
import type { ChartOptions } from './theme';
import { hiddenNote, num, type ModelTableRow as Row } from './tableRow';

/** The lift of program participants over comparable non-participants (program_outcomes), with its 95% CI, against 1. */
export function liftPlot(rows: readonly Row[], opts: ChartOptions): SVGElement | HTMLElement {
  const estimates: Estimate[] = rows.map((r) => ({
    panel: String(r.outcome), label: String(r.grp), suppressed: r.suppressed, note: r.suppressed ? hiddenNote(r, opts.k) : null,
    value: num(r.lift), lower: num(r.lift_lower), upper: num(r.lift_upper),
    right: num(r.lift) === null ? undefined : `${num(r.lift)!.toFixed(2)}×`,
    title: r.suppressed ? undefined
      : `${r.grp}, ${r.outcome}: ${formatCount(num(r.observed) ?? 0)} observed vs ${(num(r.expected) ?? 0).toFixed(1)} expected among ${formatCount(num(r.participants) ?? 0)} participants; `
        + `lift ${num(r.lift)?.toFixed(2) ?? '—'} (95% CI ${num(r.lift_lower)?.toFixed(2) ?? '—'}–${num(r.lift_upper)?.toFixed(2) ?? '—'})`,
  }));
  return estimatePlot(estimates, {
    ...opts,
    ariaLabel: opts.ariaLabel ?? 'Outcome lift of participants over comparable non-participants',
    ariaDescription: 'Each dot is observed ÷ expected outcomes for participants, expected from comparable non-participants; the line is 1 (no difference); '
      + 'an association, not a causal effect.',
    xLabel: 'Lift (observed ÷ expected)',
    tickFormat: (x: number) => x.toFixed(1),
    rules: [{ value: 1, label: '1.0 = no difference', dash: 'none' }],
    panelLabel: (p) => (p === 'promotion' ? 'Promotion' : p === 'retention' ? 'Retention' : p),
  });
}
