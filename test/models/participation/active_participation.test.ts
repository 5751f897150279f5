import { describe, it, expect } from 'vitest';
import { withTempWorkspace } from '../../helpers/tempWorkspace';
import { loadMentoring, runRows, pick } from './fixture';

/**
 * Distinct conversations in 2025-Q2 per person (see fixture.ts):
 *   W1 5 (formal 3, peer 2 as host), W2 3 (formal 1, peer 2), W3 1, W4 1, W5 2 (formal),
 *   W6 2 (formal), W7 1, W8 2 (informal); M1 3 (formal), M2 1, M3 0, M4 2 (informal host),
 *   M5 2 (formal 1, peer 1), M6 4 (formal 2, peer 2), M7 3 (formal 2, peer 1), M8 1.
 * At least 2 (default): all: women W1 W2 W5 W6 W8 = 5/8, men M1 M4 M5 M6 M7 = 5/8;
 *   formal: women W1 W5 W6 = 3/8, men M1 M6 M7 = 3/8; peer: 2 women, 1 man; informal: 1 and 1.
 * At least 3: all: women W1 W2 = 2/8 (small count), men M1 M6 M7 = 3/8.
 */
describe('active_participation', () => {
  it('matches the hand-computed rates with k = 3 and the default N = 2', async () => {
    await withTempWorkspace(async (ws) => {
      await loadMentoring(ws);
      const { rows } = await runRows(ws, 'active_participation', { k: 3 });
      expect(rows).toHaveLength(16);
      expect(pick(rows, 'all', 'Woman')).toMatchObject({ numerator: 5, denominator: 8, suppressed: false });
      expect(pick(rows, 'all', 'Man')).toMatchObject({ numerator: 5, denominator: 8, suppressed: false, is_reference: true });
      expect(pick(rows, 'formal', 'Woman')).toMatchObject({ numerator: 3, denominator: 8 });
      expect(pick(rows, 'formal', 'Man')).toMatchObject({ numerator: 3, denominator: 8 });
      expect(pick(rows, 'formal', 'Woman').rate).toBeCloseTo(0.375, 12);
      // Peer 2 of 8 and 1 of 8, informal 1 and 1: every group of those slices is hidden.
      expect(rows.filter((r) => r.slice === 'peer' || r.slice === 'informal').every((r) => r.suppressed && r.numerator === null)).toBe(true);
    });
  });

  it('uses min_conversations', async () => {
    await withTempWorkspace(async (ws) => {
      await loadMentoring(ws);
      const { rows } = await runRows(ws, 'active_participation', { k: 3, minConversations: 3 });
      expect(pick(rows, 'all', 'Man')).toMatchObject({ numerator: 3, denominator: 8, suppressed: false });
      expect(pick(rows, 'all', 'Woman')).toMatchObject({ numerator: null, suppressed: true, note: 'fewer than 3' });
    });
  });

  it('with k = 5 shows "fewer than 5" for the 3-of-8 formal cells', async () => {
    await withTempWorkspace(async (ws) => {
      await loadMentoring(ws);
      const { rows } = await runRows(ws, 'active_participation');
      expect(pick(rows, 'formal', 'Woman')).toMatchObject({ numerator: null, denominator: null, suppressed: true, note: 'fewer than 5' });
    });
  });

  it('says it needs sessions data', async () => {
    await withTempWorkspace(async (ws) => {
      await loadMentoring(ws, ['people']);
      await expect(runRows(ws, 'active_participation')).rejects.toMatchObject({ code: 'NEEDS_DATA', message: expect.stringContaining('needs sessions data') });
    });
  });
});
