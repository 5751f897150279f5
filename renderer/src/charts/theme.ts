/** The look every chart shares, pinned so that charts read alike and their SVG snapshots are stable. */
export const CHART_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
export const FONT_SIZE = 14;
export const INK = '#1f2328';
export const MUTED = '#57606a';
export const RULE = '#d0d7de';
/** Rough width of a character at FONT_SIZE, to size margins without measuring text (there is no layout under jsdom). */
export const CHAR = FONT_SIZE * 0.6;

export const chartStyle = { fontFamily: CHART_FONT, fontSize: `${FONT_SIZE}px`, color: INK, background: 'transparent', overflow: 'visible' };

export const pct = (x: number): number => x * 100;

export const unique = <T,>(xs: readonly T[]): T[] => [...new Set(xs)];

/** A left margin wide enough for the longest label, within bounds. */
export const labelMargin = (labels: readonly string[], min = 96, max = 260): number =>
  Math.round(Math.min(max, Math.max(min, 16 + CHAR * Math.max(0, ...labels.map((l) => l.length)))));

/** Options every chart module takes besides its rows. */
export interface ChartOptions {
  /** The minimum cell size the rows were suppressed with (for the "fewer than k" label). */
  k: number;
  width: number;
  /** The document to create elements in; pass jsdom's to render outside a browser. */
  document?: Document;
  /** The chart's accessible name. */
  ariaLabel?: string;
}

/** What a chart module returns when it has nothing to draw: a sentence, not an empty frame. */
export function emptyChart(doc: Document, text: string): HTMLElement {
  const p = doc.createElement('p');
  p.className = 'chart-empty';
  p.textContent = text;
  return p;
}
