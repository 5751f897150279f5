// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { survivalPlot, stepCorners, type SurvivalRow } from '../../../renderer/src/charts/survivalPlot';
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

  it('lists a shown group without a curve (no step of k events) as median only', () => {
    const rows = (survivalRows as unknown as SurvivalRow[]).filter((r) => !(r.grp === 'Woman' && r.row_type === 'point'));
    const svg = survivalPlot(rows, { k: 5, width: 640, document, xLabel: 'Days since the request', yLabel: 'Still waiting' });
    expect([...svg.querySelectorAll('g[aria-label="line"] path')].map((p) => p.querySelector('title')?.textContent)).toEqual(['Man']);
    expect(texts(svg).join(' ')).toContain('No curve drawn (no step of 5 events while 5 or more were followed), median only: Woman.');
  });

  it('with delayed entry says from which day the curves count, and which group has no estimate', () => {
    const rows = (survivalRows as unknown as SurvivalRow[]).map((r) => {
      if (r.row_type !== 'summary') return r;
      if (r.grp === 'Woman') return { ...r, median: null, median_lower: null, median_upper: null, from_t: null, note: 'never 5 or more followed at once' };
      return { ...r, from_t: 3 };
    }).filter((r) => !(r.grp === 'Woman' && r.row_type === 'point'));
    const svg = survivalPlot(rows, { k: 5, width: 640, document, xLabel: 'Days in level', yLabel: 'Not yet promoted' });
    const all = texts(svg).join(' ');
    expect(all).toContain('Counted from 3 days in level, the first 30-day mark at which 5 or more of every group shown were followed');
    expect(all).toContain('No estimate (never 5 or more followed at once): Woman.');
    expect(all).not.toContain('median only: Woman');
    // Without delayed entry (no from_t), neither line.
    expect(texts(render()).join(' ')).not.toMatch(/Counted from|No estimate/);
  });

  it('can show years instead of days', () => {
    const svg = survivalPlot(survivalRows as unknown as SurvivalRow[], { k: 5, width: 640, document, unit: 'years', xLabel: 'Years in level', yLabel: 'Not yet promoted' });
    expect(titles(svg)).toContain('Man: median 0.0 years (95% CI 0.0–0.0), 18 of 20 events');
  });

  it('draws the same curves and bands without the points where only people were censored', () => {
    const rows = survivalRows as unknown as SurvivalRow[];
    // Censoring-only points: the estimate and its CI as at the point before, fewer at risk.
    const censored = rows.flatMap((r) => (r.row_type === 'point' && r.t !== null && r.t > 0 ? [r, { ...r, t: r.t + 2, at_risk: (r.at_risk ?? 0) - 1 }] : [r]));
    const opts = { k: 5, width: 640, document, xLabel: 'Days since the request', yLabel: 'Still waiting' };
    const paths = (svg: Element) => [...svg.querySelectorAll('g[aria-label="line"] path, g[aria-label="area"] path')].map((p) => p.getAttribute('d'));
    const plain = survivalPlot(rows, opts);
    const withCensored = survivalPlot(censored, opts);
    // The axis reaches the last point (t + 2), so compare against curves drawn to the same end.
    const points = censored.filter((r) => r.row_type === 'point');
    const corners = stepCorners(points);
    // Kept: each group's first point, every change, each group's last (censored) point.
    expect(corners.map((r) => `${r.grp} ${r.t}`)).toEqual(['Man 0', 'Man 5', 'Man 10', 'Man 15', 'Man 17', 'Woman 0', 'Woman 12', 'Woman 20', 'Woman 30', 'Woman 32']);
    // Drawn as the original curves carried on to each group's last censoring (by hand).
    const lastPoint = (g: string, t: number) => ({ ...rows.filter((r) => r.row_type === 'point' && r.grp === g).at(-1)!, t });
    const byHand = survivalPlot([...rows, lastPoint('Man', 17), lastPoint('Woman', 32)], opts);
    expect(paths(withCensored)).toEqual(paths(byHand));
    expect(paths(withCensored)).not.toEqual(paths(plain));
    expect(paths(plain)).toHaveLength(4);
  });
});
