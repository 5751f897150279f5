import { describe, it, expect } from 'vitest';
import { withTempWorkspace } from '../../helpers/tempWorkspace';
import { loadMentoring, runRows, pick } from './fixture';

/**
 * Programs running in 2025-Q2: Formal Mentoring (P1), Leadership Sponsorship (P4, from 05-01),
 * Peer Circles (P2); Old Program (P3) ended in 2024 and is not shown. Denominator: headcount
 * on 06-30, 8 women and 8 men (as participation_rate).
 * P1 conversations: X1 S1..S3 (W1, M1; program taken from the match), X2 S5 (W2, M2), X4 S7 S8
 * (W5, M6), X5 S9 S10 (W6, M7), X6 S11 (W7, M8): women 5/8, men 5/8.
 * P2: S13 hosted by W1 (W2, W3, M6, M7, N1, U1), S14 by W1 (W2, M6, M5, and L1 who left):
 * women W1 W2 W3 = 3/8, men M5 M6 M7 = 3/8. P4: S12 (W4, M5): 1 of 8 each, suppressed.
 */
describe('participation_by_program', () => {
  it('matches the hand-computed rates with k = 3', async () => {
    await withTempWorkspace(async (ws) => {
      await loadMentoring(ws);
      const { rows } = await runRows(ws, 'participation_by_program', { k: 3 });
      expect([...new Set(rows.map((r) => r.slice))]).toEqual(['Formal Mentoring', 'Leadership Sponsorship', 'Peer Circles']);
      expect(rows).toHaveLength(12);

      const formalW = pick(rows, 'Formal Mentoring', 'Woman');
      expect(formalW).toMatchObject({ numerator: 5, denominator: 8, suppressed: false, reference_group: 'Man', impact_ratio: 1 });
      expect(formalW.rate).toBeCloseTo(0.625, 12);
      expect(formalW.ci_lower).toBeCloseTo(0.30574239460262737, 9);
      expect(formalW.ci_upper).toBeCloseTo(0.8631557141764026, 9);
      expect(pick(rows, 'Formal Mentoring', 'Man')).toMatchObject({ numerator: 5, denominator: 8, is_reference: true });

      expect(pick(rows, 'Peer Circles', 'Woman')).toMatchObject({ numerator: 3, denominator: 8, suppressed: false });
      expect(pick(rows, 'Peer Circles', 'Man')).toMatchObject({ numerator: 3, denominator: 8, suppressed: false });

      // One participant of each group in P4: every cell of the slice is hidden.
      for (const grp of ['Woman', 'Man', 'Non-binary', 'Not recorded']) {
        expect(pick(rows, 'Leadership Sponsorship', grp)).toMatchObject({ numerator: null, denominator: null, suppressed: true, note: 'fewer than 3' });
      }
    });
  });

  it('filters programs by layer', async () => {
    await withTempWorkspace(async (ws) => {
      await loadMentoring(ws);
      const { rows } = await runRows(ws, 'participation_by_program', { k: 3, layer: 'peer' });
      expect([...new Set(rows.map((r) => r.slice))]).toEqual(['Peer Circles']);
    });
  });

  it('with k = 5 hides the 3-of-8 peer figures', async () => {
    await withTempWorkspace(async (ws) => {
      await loadMentoring(ws);
      const { rows } = await runRows(ws, 'participation_by_program');
      expect(pick(rows, 'Peer Circles', 'Woman')).toMatchObject({ numerator: null, denominator: null, rate: null, suppressed: true, note: 'fewer than 5' });
      // 5 of 8 leaves 3 without: a small count for k = 5, hidden too.
      expect(pick(rows, 'Formal Mentoring', 'Woman')).toMatchObject({ numerator: null, suppressed: true });
    });
  });

  it('says it needs programs data', async () => {
    await withTempWorkspace(async (ws) => {
      await loadMentoring(ws, ['people', 'matches', 'sessions']);
      await expect(runRows(ws, 'participation_by_program')).rejects.toMatchObject({
        code: 'NEEDS_DATA', message: expect.stringContaining('needs programs data'),
      });
    });
  });
});
