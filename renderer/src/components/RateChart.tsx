import { useEffect, useRef, type ReactNode } from 'react';
import { rateDotPlot } from '../charts/rateDotPlot';
import { useElementWidth } from '../hooks/useElementWidth';
import type { RateRow } from '../model/rateRow';

interface Props {
  rows: RateRow[];
  k: number;
  /** The chart's accessible name, e.g. "Participation rate by gender, 2025-Q2". */
  label: string;
  xLabel?: string;
  caption: ReactNode;
}

/** The dot plot in a figure: Plot draws into a container React does not otherwise touch. */
export function RateChart({ rows, k, label, xLabel, caption }: Props) {
  const holder = useRef<HTMLDivElement>(null);
  const width = useElementWidth(holder);
  useEffect(() => {
    const el = holder.current;
    if (!el) return;
    const chart = rateDotPlot(rows, { k, width, ariaLabel: label, xLabel });
    el.replaceChildren(chart);
    return () => chart.remove();
  }, [rows, k, width, label, xLabel]);
  return (
    <figure className="chart" aria-label={label} data-testid="rate-chart">
      <div ref={holder} className="chart-canvas" />
      <figcaption className="chart-caption">{caption}</figcaption>
    </figure>
  );
}
