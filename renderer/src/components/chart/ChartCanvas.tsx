import { memo, useEffect, useRef } from 'react';
import { useElementWidth } from '../../hooks/useElementWidth';

export interface DrawOptions {
  width: number;
  document: Document;
}

interface Props<R> {
  result: R;
  draw: (result: R, o: DrawOptions) => Element;
  /** Called with the drawn element (the SVG, for export) each time the chart is drawn. */
  onDrawn: (el: Element) => void;
}

/**
 * Draws a chart module's output into a container React does not otherwise touch. It redraws
 * only when the result object or the width changes: the same cached result means the same
 * picture, so nothing is redrawn when an unrelated control moves.
 */
function ChartCanvasImpl<R>({ result, draw, onDrawn }: Props<R>) {
  const holder = useRef<HTMLDivElement>(null);
  const width = useElementWidth(holder);
  const drawRef = useRef(draw);
  drawRef.current = draw;
  const drawnRef = useRef(onDrawn);
  drawnRef.current = onDrawn;
  useEffect(() => {
    const el = holder.current;
    if (!el) return;
    const chart = drawRef.current(result, { width, document });
    el.replaceChildren(chart);
    drawnRef.current(chart);
  }, [result, width]);
  return <div ref={holder} className="chart-canvas" />;
}

export const ChartCanvas = memo(ChartCanvasImpl) as typeof ChartCanvasImpl;
