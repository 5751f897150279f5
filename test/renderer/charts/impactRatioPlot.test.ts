// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { impactRatioPlot } from '../../../renderer/src/charts/impactRatioPlot';
import { participationRows } from '../fixtures/rateRows';
import { expectSnapshot, texts, titles } from './chartTestKit';

const render = () => impactRatioPlot(participationRows, { k: 5, width: 640, document, ariaLabel: 'Participation: impact ratios by gender' });

describe('impactRatioPlot', () => {
  it('matches its SVG snapshot', () => expectSnapshot('impactRatioPlot', render()));

  it('draws the 0.8 and 1.0 lines, the reference at 1 and each compared group at its ratio, with the figures in the tooltip', () => {
    const svg = render();
    expect(texts(svg)).toEqual(expect.arrayContaining(['0.8', '1.0', 'gap', 'no gap', 'reference', 'not compared']));
    // Man (reference) and Woman in two layers: four dots; Prefer not to say is not compared, Non-binary hidden.
    expect(svg.querySelectorAll('circle')).toHaveLength(4);
    expect(titles(svg)).toContain('Woman, Formal programs: 10.0% (8 of 80; 95% CI 5.2–18.5%), impact ratio 0.33, p < 0.001, q = 0.002: gap');
    expect(svg.getAttribute('aria-label')).toBe('Participation: impact ratios by gender');
  });

  it('writes "fewer than 5" for a suppressed group and draws nothing for it', () => {
    const svg = render();
    expect(texts(svg).filter((t) => t === 'fewer than 5')).toHaveLength(2);
    expect(titles(svg).some((t) => t.startsWith('Non-binary'))).toBe(false);
  });
});
