import { describe, it, expect } from 'vitest';
import { ignoredControls, modelRequest, viewParams, findingsRequest } from '../../../renderer/src/data/modelRequest';
import type { Controls } from '../../../renderer/src/controls/urlControls';

const controls: Controls = {
  page: 'participation', period: '2026-Q3', comparePeriod: null, dimension: 'gender', dimension2: null, reference: 'largest',
  department: 'Sales', location: null, levelMin: 2, levelMax: null, layer: 'peer', programId: 'P1', k: 5,
};
const participation = { name: 'participation_rate', kind: 'rate' as const, parameters: ['period_start', 'period_end', 'dimension', 'dimension2', 'department', 'location', 'level_min', 'level_max'] };
const byProgram = { ...participation, name: 'participation_by_program', parameters: [...participation.parameters, 'layer', 'program_id'] };
const pipeline = { name: 'pipeline', kind: 'table' as const, parameters: ['period_end', 'dimension', 'dimension2', 'department', 'location', 'level_min', 'level_max'] };

describe('what the renderer asks the core for', () => {
  it('leaves out the filters a model does not declare, so that they neither refetch nor redraw it', () => {
    const p = viewParams(controls);
    const a = modelRequest(participation, p);
    expect(a.params).toMatchObject({ layer: null, programId: null, department: 'Sales', levelMin: 2 });
    expect(modelRequest(participation, viewParams({ ...controls, layer: 'formal', programId: null })).key).toBe(a.key);
    expect(modelRequest(byProgram, viewParams({ ...controls, layer: 'formal' })).key).not.toBe(modelRequest(byProgram, p).key);
  });

  it('gives a table model no reference group and no comparison period', () => {
    const a = modelRequest(pipeline, viewParams({ ...controls, reference: 'highest', comparePeriod: '2025-Q1' }));
    expect(a.params).toMatchObject({ reference: 'largest', comparePeriod: null, withComparisons: false });
    expect(a.key).toBe(modelRequest(pipeline, viewParams(controls)).key);
  });

  it('names the chosen filters a chart does not take', () => {
    expect(ignoredControls(participation, controls)).toEqual(['layer', 'program']);
    expect(ignoredControls(byProgram, controls)).toEqual([]);
    expect(ignoredControls(pipeline, { ...controls, dimension2: 'race_ethnicity' })).toEqual(['layer', 'program']);
  });

  it('asks for findings without comparisons, keyed on the rest of the view', () => {
    const f = findingsRequest(viewParams(controls));
    expect(f).toMatchObject({ method: 'findings', params: { withComparisons: false, comparePeriod: null, period: '2026-Q3' } });
    expect(findingsRequest(viewParams({ ...controls, comparePeriod: '2025-Q4' })).key).toBe(f.key);
    expect(findingsRequest(viewParams({ ...controls, k: 7 })).key).not.toBe(f.key);
  });
});
