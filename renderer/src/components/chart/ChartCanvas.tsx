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
  /** Anything besides the result and the width that changes the picture (the accessible name). */
  drawKey?: string;
  /** What `draw` draws with, stable across mounts (the chart's spec), so that a drawing can be found again. */
  identity?: object;
}

/**
 * Charts already drawn, by result object, then by width, draw function and drawKey: coming
 * back to a view shows the very same SVG again instead of laying it out anew. Results are
 * kept by the renderer's store; when it drops one, its drawings go with it.
 */
const drawn = new WeakMap<object, Map<string, Element>>();
const drawIds = new WeakMap<object, number>();
let nextDrawId = 1;
const drawId = (f: object) => {
  let id = drawIds.get(f);
  if (id === undefined) drawIds.set(f, (id = nextDrawId++));
  return id;
};
/** Drawings kept per result (a few widths after window resizes). */
const PER_RESULT = 4;

/**
 * Draws a chart module's output into a container React does not otherwise touch. It redraws
 * only when the result object or the width changes: the same cached result means the same
 * picture, so nothing is redrawn when an unrelated control moves.
 */
function ChartCanvasImpl<R>({ result, draw, onDrawn, drawKey = '', identity }: Props<R>) {
  const holder = useRef<HTMLDivElement>(null);
  const width = useElementWidth(holder);
  const drawRef = useRef(draw);
  drawRef.current = draw;
  const drawnRef = useRef(onDrawn);
  drawnRef.current = onDrawn;
  const specId = drawId(identity ?? draw);
  useEffect(() => {
    const el = holder.current;
    if (!el) return;
    const key = `${width}|${specId}|${drawKey}`;
    const forResult = typeof result === 'object' && result !== null ? drawn.get(result) ?? new Map<string, Element>() : null;
    let chart = forResult?.get(key);
    if (!chart) {
      chart = drawRef.current(result, { width, document });
      if (forResult) {
        forResult.set(key, chart);
        if (forResult.size > PER_RESULT) forResult.delete(forResult.keys().next().value as string);
        drawn.set(result as object, forResult);
      }
    }
    el.replaceChildren(chart);
    drawnRef.current(chart);
  }, [result, width, specId, drawKey]);
  return <div ref={holder} className="chart-canvas" />;
}

export const ChartCanvas = memo(ChartCanvasImpl) as typeof ChartCanvasImpl;
