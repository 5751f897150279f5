// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { rateDotPlot } from '../../../renderer/src/charts/rateDotPlot';
import { participationRows } from '../fixtures/rateRows';
import { matchSvgSnapshot, serializeSvg } from '../svgSnapshot';

const render = () => rateDotPlot(participationRows, { k: 5, width: 640, document, ariaLabel: 'Participation rate by gender' });

describe('rateDotPlot', () => {
  it('matches its SVG snapshot', () => {
    const result = matchSvgSnapshot('rateDotPlot', serializeSvg(render()));
    expect(result.ok, result.message).toBe(true);
  });

  it('labels a suppressed group "fewer than 5" in place and draws no mark for it', () => {
    const svg = render();
    const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts.filter((t) => t === 'fewer than 5')).toHaveLength(2);
    const circles = [...svg.querySelectorAll('circle')];
    // One dot per group that has a rate: 3 in each of the 2 layers, none for Non-binary.
    expect(circles).toHaveLength(6);
    expect(circles.map((c) => c.querySelector('title')?.textContent ?? '').filter((t) => t.startsWith('Non-binary'))).toEqual([]);
    expect(svg.innerHTML).not.toMatch(/Non-binary,/);
  });

  it('writes every verdict out in words, draws the reference rule, and has an accessible name', () => {
    const svg = render();
    const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toEqual(expect.arrayContaining(['All layers', 'Formal programs', 'gap', 'no gap', 'reference', 'not compared']));
    expect(svg.getAttribute('aria-label')).toBe('Participation rate by gender');
    const dashed = svg.querySelectorAll('[stroke-dasharray="5 4"] line, line[stroke-dasharray="5 4"]');
    expect(dashed.length).toBe(2);
    const gapDot = [...svg.querySelectorAll('circle')].find((c) => c.querySelector('title')?.textContent?.startsWith('Woman, Formal programs'));
    expect(gapDot?.getAttribute('fill')).toBe('#D55E00');
  });

  it('renders a note instead of an empty chart when there are no rows', () => {
    expect(rateDotPlot([], { k: 5, width: 640, document }).textContent).toBe('No groups to show.');
  });
});
