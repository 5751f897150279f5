// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { survivalPlot, type SurvivalRow } from '../../../renderer/src/charts/survivalPlot';
import { survivalRows } from '../fixtures/tableRows';
import { expectSnapshot, texts, titles } from './chartTestKit';

const render = () => survivalPlot(survivalRows as unknown as SurvivalRow[], { k: 5, width: 640, document, xLabel: 'Days since the request', yLabel: 'Still waiting' });

describe('survivalPlot', () => {
  it('matches its SVG snapshot', () => expectSnapshot('survivalPlot', render()));

  it('draws a step curve per shown group, marks the medians, states the log-rank test and lists hidden groups', () => {
    const svg = render();
    expect([...svg.querySelectorAll('g[aria-label="line"] path')].map((p) => p.querySelector('title')?.textContent)).toEqual(['Man', 'Woman']);
    expect(titles(svg)).toEqual(expect.arrayContaining([
      'Man: median 10 days (95% CI 5–15), 18 of 20 events',
      'Woman: median 20 days (upper CI not reached), 12 of 16 events',
    ]));
    expect(texts(svg)).toContain('Log-rank test across the groups shown: χ² = 6.20, df = 1, p = 0.013.');
    expect(texts(svg)).toContain('Not drawn, fewer than 5: Non-binary');
  });

  it('can show years instead of days', () => {
    const svg = survivalPlot(survivalRows as unknown as SurvivalRow[], { k: 5, width: 640, document, unit: 'years', xLabel: 'Years in level', yLabel: 'Not yet promoted' });
    expect(titles(svg)).toContain('Man: median 0.0 years (95% CI 0.0–0.0), 18 of 20 events');
  });
});
