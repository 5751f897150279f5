// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { liftPlot } from '../../../renderer/src/charts/liftPlot';
import { mentorPoolPlot } from '../../../renderer/src/charts/mentorPoolPlot';
import { mentorLoadPlot } from '../../../renderer/src/charts/mentorLoadPlot';
import { engagementPlot } from '../../../renderer/src/charts/engagementPlot';
import { feedbackPlot } from '../../../renderer/src/charts/feedbackPlot';
import { unknownRangePlot } from '../../../renderer/src/charts/unknownRangePlot';
import { niceCeiling } from '../../../renderer/src/charts/estimatePlot';
import { engagementRows, feedbackRows, liftRows, loadRows, poolRows, unknownRows } from '../fixtures/tableRows';
import { expectSnapshot, texts, titles } from './chartTestKit';

const o = { k: 5, width: 640, document };

describe('charts of estimates against a reference line', () => {
  it.each([
    ['liftPlot', () => liftPlot(liftRows, o)],
    ['mentorPoolPlot', () => mentorPoolPlot(poolRows, o)],
    ['mentorLoadPlot', () => mentorLoadPlot(loadRows, o)],
    ['engagementPlot', () => engagementPlot(engagementRows, o)],
    ['feedbackPlot', () => feedbackPlot(feedbackRows, o)],
    ['unknownRangePlot', () => unknownRangePlot(unknownRows, o)],
  ])('%s matches its snapshot, draws two dots and says "fewer than 5" for the hidden group', (name, render) => {
    const svg = render();
    expectSnapshot(name, svg);
    expect(svg.querySelectorAll('circle')).toHaveLength(2);
    expect(texts(svg)).toContain('fewer than 5');
    expect(titles(svg).some((t) => t.startsWith('Non-binary'))).toBe(false);
  });

  it('writes the figures beside each group and in its tooltip', () => {
    expect(texts(liftPlot(liftRows, o))).toEqual(expect.arrayContaining(['1.50×', '1.20×', '1.0 = no difference']));
    expect(titles(mentorPoolPlot(poolRows, o))).toContain('Woman: 30.0% of mentors (30) vs 40.0% of those eligible (100)');
    expect(texts(mentorLoadPlot(loadRows, o))).toEqual(expect.arrayContaining(['Gini 0.35', 'Gini 0.50']));
    expect(texts(engagementPlot(engagementRows, o))).toEqual(expect.arrayContaining(['2 dormant', '3 dormant']));
    expect(titles(feedbackPlot(feedbackRows, o))).toContain('Woman: mean 3.80 (95% CI 3.40–4.20) from 30 ratings; 60.0% rated 4 or 5; response rate 50.0%');
    expect(titles(unknownRangePlot(unknownRows, o))).toContain('Woman in Sales: 44.4% of those with a known value; between 40.0% and 50.0% of everyone (10 of 100 unknown)');
  });

  it('ends the axis at a round number past the largest value', () => {
    expect([niceCeiling(1.08), niceCeiling(2.3), niceCeiling(0.37), niceCeiling(0)]).toEqual([1.2, 2.5, 0.4, 1]);
  });
});
