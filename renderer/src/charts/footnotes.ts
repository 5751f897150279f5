import { FONT_SIZE, MUTED } from './theme';

const LINE = Math.round(FONT_SIZE * 1.4);

/**
 * Adds lines of text under a rendered Plot SVG (growing its height and viewBox), for what the
 * chart cannot draw: which cells are hidden as "fewer than k". The text is part of the SVG,
 * so an exported chart says it too.
 */
export function appendFootnotes(svg: SVGSVGElement | SVGElement | HTMLElement, lines: readonly string[], doc: Document): void {
  if (!lines.length || svg.tagName.toLowerCase() !== 'svg') return;
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  lines = lines.flatMap((l) => wrap(l, Math.floor(width / (FONT_SIZE * 0.55))));
  const added = lines.length * LINE + 8;
  const g = doc.createElementNS('http://www.w3.org/2000/svg', 'g');
  g.setAttribute('class', 'footnotes');
  g.setAttribute('fill', MUTED);
  g.setAttribute('font-style', 'italic');
  g.setAttribute('text-anchor', 'start');
  lines.forEach((line, i) => {
    const t = doc.createElementNS('http://www.w3.org/2000/svg', 'text');
    t.setAttribute('x', '0');
    t.setAttribute('y', String(height + 4 + (i + 1) * LINE - 4));
    t.textContent = line;
    g.append(t);
  });
  svg.append(g);
  svg.setAttribute('height', String(height + added));
  svg.setAttribute('viewBox', `0 0 ${width} ${height + added}`);
}

/** Breaks a line at spaces into lines of at most `max` characters (a longer word stays whole). */
export function wrap(line: string, max: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (current && current.length + 1 + word.length > max) {
      out.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) out.push(current);
  return out;
}

/** "Not drawn, fewer than 5: Non-binary (L5, L6); Not recorded (L1)"; appendFootnotes wraps it to the chart's width. */
export function hiddenCellsText(hidden: readonly { grp: string; where?: string }[], k: number): string[] {
  if (!hidden.length) return [];
  const byGroup = new Map<string, string[]>();
  for (const h of hidden) {
    const list = byGroup.get(h.grp) ?? [];
    if (h.where) list.push(h.where);
    byGroup.set(h.grp, list);
  }
  const parts = [...byGroup].map(([g, where]) => (where.length ? `${g} (${where.join(', ')})` : g));
  return [`Not drawn, fewer than ${k}: ${parts.join('; ')}`];
}

/**
 * A row of colour swatches with their labels under a rendered Plot SVG, for charts whose
 * colours are not labelled in place (flows). Wraps to as many rows as the width needs.
 */
export function appendLegend(svg: SVGSVGElement | SVGElement | HTMLElement, items: readonly { label: string; color: string }[], doc: Document): void {
  if (!items.length || svg.tagName.toLowerCase() !== 'svg') return;
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const ns = 'http://www.w3.org/2000/svg';
  const g = doc.createElementNS(ns, 'g');
  g.setAttribute('class', 'legend');
  g.setAttribute('text-anchor', 'start');
  g.setAttribute('fill', '#1f2328');
  let x = 0;
  let row = 0;
  for (const item of items) {
    const w = 22 + item.label.length * FONT_SIZE * 0.6 + 18;
    if (x > 0 && x + w > width) { x = 0; row++; }
    const y = height + 8 + row * LINE;
    const rect = doc.createElementNS(ns, 'rect');
    rect.setAttribute('x', String(x));
    rect.setAttribute('y', String(y));
    rect.setAttribute('width', '14');
    rect.setAttribute('height', '14');
    rect.setAttribute('fill', item.color);
    const t = doc.createElementNS(ns, 'text');
    t.setAttribute('x', String(x + 20));
    t.setAttribute('y', String(y + 12));
    t.textContent = item.label;
    g.append(rect, t);
    x += w;
  }
  svg.append(g);
  const added = (row + 1) * LINE + 12;
  svg.setAttribute('height', String(height + added));
  svg.setAttribute('viewBox', `0 0 ${width} ${height + added}`);
}
