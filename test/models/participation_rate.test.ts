import { describe, it, expect } from 'vitest';
import { withTempWorkspace } from '../helpers/tempWorkspace';
import { loadParticipation as load } from './participationFixture';
import { runModel, resultToArrow } from '../../src/models/runModel';
import { arrowIPCToRows } from '../../src/arrow/toArrow';

// The fixture and its hand-computed figures: participationFixture.ts (women 5/8, men 3/10, non-binary 0/2, unknown 0/1).

const pick = (rows: Record<string, unknown>[], slice: string, grp: string) => rows.find((r) => r.slice === slice && r.grp === grp)!;

describe('participation_rate', () => {
  it('matches the hand-computed rates, CI, test and verdict with k = 3', async () => {
    await withTempWorkspace(async (ws) => {
      await load(ws);
      const result = await runModel(ws, 'participation_rate', { period: '2025-Q2', k: 3 });
      const { rows, meta } = arrowIPCToRows(resultToArrow(result));
      expect((meta as { period: unknown }).period).toEqual({ label: '2025-Q2', start: '2025-04-01', end: '2025-07-01' });
      expect(rows).toHaveLength(16);

      const women = pick(rows, 'all', 'Woman');
      expect(women).toMatchObject({ numerator: 5, denominator: 8, suppressed: false, is_reference: false, reference_group: 'Man', test: 'fisher', verdict: 'no gap', shortfall: 0 });
      expect(women.rate).toBeCloseTo(0.625, 12);
      expect(women.ci_lower).toBeCloseTo(0.30574239460262737, 9);
      expect(women.ci_upper).toBeCloseTo(0.8631557141764026, 9);
      expect(women.impact_ratio).toBeCloseTo(2.0833333333333335, 12);
      expect(women.p_value).toBeCloseTo(0.34156040038392976, 9);
      expect(women.q_value).toBeCloseTo(0.34156040038392976, 9);

      const men = pick(rows, 'all', 'Man');
      expect(men).toMatchObject({ numerator: 3, denominator: 10, is_reference: true, suppressed: false });
      expect(men.ci_lower).toBeCloseTo(0.10779126740630099, 9);
      expect(men.ci_upper).toBeCloseTo(0.6032218525388546, 9);

      for (const grp of ['Non-binary', 'Not recorded']) {
        expect(pick(rows, 'all', grp)).toMatchObject({ numerator: null, denominator: null, rate: null, p_value: null, suppressed: true, note: 'fewer than 3' });
      }
      // Formal: 1 of 8 and 1 of 10 are small counts; everything in the slice is hidden.
      expect(rows.filter((r) => r.slice === 'formal').every((r) => r.suppressed && r.numerator === null)).toBe(true);
      // Peer: women 3/8 shown (W9 left before the period's end and does not count).
      expect(pick(rows, 'peer', 'Woman')).toMatchObject({ numerator: 3, denominator: 8, suppressed: false, is_reference: true });
      expect(pick(rows, 'peer', 'Man')).toMatchObject({ numerator: null, suppressed: true });
    });
  });

  it('with the default k = 5 suppresses every group here, and shows no count anywhere', async () => {
    await withTempWorkspace(async (ws) => {
      await load(ws);
      const { rows } = arrowIPCToRows(resultToArrow(await runModel(ws, 'participation_rate', { period: '2025-Q2' })));
      expect(rows.every((r) => r.suppressed === true && r.numerator === null && r.denominator === null && r.rate === null)).toBe(true);
      expect(rows.every((r) => r.note === 'fewer than 5')).toBe(true);
    });
  });

  it('says which data it needs instead of failing', async () => {
    await withTempWorkspace(async (ws) => {
      await expect(runModel(ws, 'participation_rate', { period: '2025-Q2' })).rejects.toMatchObject({
        code: 'NEEDS_DATA', message: expect.stringContaining('needs people data'),
      });
      // Once the data is there, the same workspace runs the model (what was empty is asked again).
      await load(ws);
      const { rows } = await runModel(ws, 'participation_rate', { period: '2025-Q2', k: 3 });
      expect(pick(rows, 'all', 'Woman')).toMatchObject({ numerator: 5, denominator: 8 });
    });
  });

  it('rejects a k below 3', async () => {
    await withTempWorkspace(async (ws) => {
      await expect(runModel(ws, 'participation_rate', { period: '2025-Q2', k: 2 })).rejects.toThrow();
    });
  });
});
