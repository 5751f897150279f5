// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { pipelinePlot, type PipelineRow } from '../../../renderer/src/charts/pipelinePlot';
import { trendPlot } from '../../../renderer/src/charts/trendPlot';
import { funnelPlot } from '../../../renderer/src/charts/funnelPlot';
import { dodgeLabels } from '../../../renderer/src/charts/groupLines';
import { funnelRows, pipelineRows, trendRows } from '../fixtures/tableRows';
import { expectSnapshot, texts, titles } from './chartTestKit';

const pipeline = () => pipelinePlot(pipelineRows as unknown as PipelineRow[], { k: 5, width: 640, document, ariaLabel: 'Representation by level, gender' });
const trend = () => trendPlot(trendRows, { k: 5, width: 640, document, periods: ['2026-Q1', '2026-Q2', '2026-Q3'] });
const funnel = () => funnelPlot(funnelRows, { k: 5, width: 640, document });

describe('pipelinePlot', () => {
  it('matches its SVG snapshot', () => expectSnapshot('pipelinePlot', pipeline()));

  it('draws one dot per shown cell, labels each line, and lists hidden cells instead of drawing them as zero', () => {
    const svg = pipeline();
    // 3 + 3 + 1 shown cells (Non-binary's 0 at L2 is a shown zero, not a hidden one).
    expect(svg.querySelectorAll('circle')).toHaveLength(7);
    expect(texts(svg)).toEqual(expect.arrayContaining(['Man', 'Woman', 'Non-binary']));
    expect(texts(svg)).toContain('Not drawn, fewer than 5: Man (L3); Non-binary (L3)');
    expect(titles(svg)).toContain('Woman at L2: 30.0% (15 of 50), −10.0 pp from the level below');
    expect(svg.getAttribute('aria-label')).toBe('Representation by level, gender');
  });
});

describe('trendPlot', () => {
  it('matches its SVG snapshot', () => expectSnapshot('trendPlot', trend()));

  it('breaks a group\'s line where a quarter is hidden and says which', () => {
    const svg = trend();
    expect(svg.querySelectorAll('circle')).toHaveLength(8);
    expect(texts(svg)).toContain('Not drawn, fewer than 5: Non-binary (2026-Q2)');
    // Non-binary's line is two pieces (a gap at 2026-Q2): Plot draws it as a path with two moves.
    const nonBinary = [...svg.querySelectorAll('path')].filter((p) => (p.getAttribute('d') ?? '').split('M').length - 1 === 2);
    expect(nonBinary.length).toBeGreaterThanOrEqual(1);
  });
});

describe('funnelPlot', () => {
  it('matches its SVG snapshot', () => expectSnapshot('funnelPlot', funnel()));

  it('puts the stages in order without their numbers', () => {
    const svg = funnel();
    const ticks = texts(svg).filter((t) => ['eligible', 'applied', 'matched'].includes(t));
    expect(ticks).toEqual(['eligible', 'applied', 'matched']);
    expect(texts(svg)).toContain('Not drawn, fewer than 5: Non-binary (applied, matched)');
  });
});

describe('dodgeLabels', () => {
  it('pushes labels at the same x at least 16 px apart, lowest first', () => {
    const out = dodgeLabels([{ x: 'a', labelY: 10 }, { x: 'a', labelY: 10.5 }, { x: 'b', labelY: 10 }], 4);
    expect(out.map((l) => [l.x, l.labelY])).toEqual([['a', 10], ['a', 14], ['b', 10]]);
  });
});
