// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { matrixHeatmap, type MatrixRow } from '../../../renderer/src/charts/matrixHeatmap';
import { representationHeatmap, type RepresentationRow } from '../../../renderer/src/charts/representationHeatmap';
import { matrixRows, representationRows } from '../fixtures/tableRows';
import { expectSnapshot, texts, titles } from './chartTestKit';

const matrix = () => matrixHeatmap(matrixRows as unknown as MatrixRow[], { k: 5, width: 640, document });
const representation = () => representationHeatmap(representationRows as unknown as RepresentationRow[], { k: 5, width: 640, document });

describe('matrixHeatmap', () => {
  it('matches its SVG snapshot', () => expectSnapshot('matrixHeatmap', matrix()));

  it('prints each ratio in its cell, colours only shown cells, and leaves hidden cells white with "fewer than 5"', () => {
    const svg = matrix();
    expect(texts(svg).filter((t) => t.startsWith('1.25×'))).toHaveLength(1);
    expect(texts(svg).filter((t) => t === 'fewer than 5')).toHaveLength(2);
    expect(svg.querySelectorAll('g[fill="white"] rect')).toHaveLength(2);
    expect(titles(svg)).toContain('Mentor Man, mentee Woman: 24 matches, 32.0 expected (0.75×)');
  });

  it('colours a ratio above 1 and one below 1 differently, and 1 as white-ish', () => {
    const svg = matrix();
    const fill = (title: string) => [...svg.querySelectorAll('rect')].find((r) => r.querySelector('title')?.textContent?.startsWith(title))?.getAttribute('fill');
    expect(fill('Mentor Man, mentee Man')).not.toBe(fill('Mentor Man, mentee Woman'));
  });
});

describe('representationHeatmap', () => {
  it('matches its SVG snapshot', () => expectSnapshot('representationHeatmap', representation()));

  it('labels slices in words and shows the index with the share', () => {
    const svg = representation();
    expect(texts(svg)).toEqual(expect.arrayContaining(['Level L3', 'Mentors']));
    expect(texts(svg).some((t) => t.startsWith('0.50×'))).toBe(true);
  });
});
