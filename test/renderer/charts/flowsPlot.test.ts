// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { flowsPlot } from '../../../renderer/src/charts/flowsPlot';
import { flowsRows } from '../fixtures/tableRows';
import { expectSnapshot, texts, titles } from './chartTestKit';

const render = () => flowsPlot(flowsRows, { k: 5, width: 640, document });

describe('flowsPlot', () => {
  it('matches its SVG snapshot', () => expectSnapshot('flowsPlot', render()));

  it('draws arrivals and departures as bars with their counts, the net change, a legend, and "fewer than 5" for a hidden row', () => {
    const svg = render();
    expect(titles(svg)).toEqual(expect.arrayContaining(['Woman at L1: 10 hires', 'Woman at L1: 5 exits', 'Woman at L1: 6 promotions out']));
    // L1 women: 50 + 10 - 5 - 6 = 49, net -1; L2 women: 20 + 6 = 26, net +6.
    expect(texts(svg)).toEqual(expect.arrayContaining(['net −1', 'net +6', 'net −3', 'net ±0', 'fewer than 5', '→ hires', '← exits']));
    expect(titles(svg).some((t) => t.startsWith('Non-binary'))).toBe(false);
  });
});
