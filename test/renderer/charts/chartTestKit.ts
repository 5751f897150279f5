import { expect } from 'vitest';
import { matchSvgSnapshot, serializeSvg } from '../svgSnapshot';

/** The SVG must equal test/output/<name>.svg (Observable Plot's snapshot practice). */
export function expectSnapshot(name: string, el: Element): void {
  const result = matchSvgSnapshot(name, serializeSvg(el));
  expect(result.ok, result.message).toBe(true);
}

/** The words of every <text> (without the tooltip a <title> inside it carries). */
export const texts = (el: Element): string[] =>
  [...el.querySelectorAll('text')].map((t) => [...t.childNodes].filter((n) => n.nodeName.toLowerCase() !== 'title').map((n) => n.textContent ?? '').join(''));

/** Every tooltip (<title>) in the chart. */
export const titles = (el: Element): string[] => [...el.querySelectorAll('title')].map((t) => t.textContent ?? '');
