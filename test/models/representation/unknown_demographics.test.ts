import { describe, it, expect } from 'vitest';
import { withTempWorkspace } from '../../helpers/tempWorkspace';
import { loadRepresentation, run, pick } from './fixture';

/**
 * Headcount on 2025-06-30: 64 people, 7 unknown (C1, C3, C4, C5 'Prefer not to say' (also
 * spelled 'prefer not to say' and 'Declined'), C2 x 3 blank). Eng 46 with 4 unknown; Sales 18
 * with 3 unknown. Known groups: Man (30: Eng 21, Sales 9), Non-binary (3: Eng 3), Woman (24:
 * Eng 18, Sales 6). share_min = count / headcount, share_max = (count + unknown) / headcount.
 */
describe('unknown_demographics', () => {
  it('shows the share unknown and the range each group share could take, with k = 3', async () => {
    await withTempWorkspace(async (ws) => {
      await loadRepresentation(ws);
      const { rows } = await run(ws, 'unknown_demographics', { period: '2025-Q2', k: 3 });
      expect(rows.map((r) => `${r.department}|${r.grp}`)).toEqual([
        'All departments|Man', 'All departments|Non-binary', 'All departments|Woman',
        'Eng|Man', 'Eng|Non-binary', 'Eng|Woman', 'Sales|Man', 'Sales|Non-binary', 'Sales|Woman',
      ]);
      const all = pick(rows, { department: 'All departments', grp: 'Woman' });
      expect(all).toMatchObject({ headcount: 64, unknown: 7, count: 24, share_min: 0.375, suppressed: false });
      expect(all.share_unknown).toBeCloseTo(7 / 64, 12);
      expect(all.share_known).toBeCloseTo(24 / 57, 12);
      expect(all.share_max).toBeCloseTo(31 / 64, 12);
      const eng = pick(rows, { department: 'Eng', grp: 'Man' });
      expect(eng).toMatchObject({ headcount: 46, unknown: 4, count: 21 });
      expect(eng.share_min).toBeCloseTo(21 / 46, 12);
      expect(eng.share_max).toBeCloseTo(25 / 46, 12);
      expect(eng.share_known).toBeCloseTo(21 / 42, 12);
      const salesNb = pick(rows, { department: 'Sales', grp: 'Non-binary' });
      expect(salesNb).toMatchObject({ headcount: 18, unknown: 3, count: 0, share_min: 0, share_known: 0, suppressed: false });
      expect(salesNb.share_max).toBeCloseTo(3 / 18, 12);
    });
  });

  it('with k = 5 hides departments with 1..4 unknown people', async () => {
    await withTempWorkspace(async (ws) => {
      await loadRepresentation(ws);
      const { rows } = await run(ws, 'unknown_demographics', { period: '2025-Q2', k: 5 });
      for (const department of ['Eng', 'Sales']) {
        expect(rows.filter((r) => r.department === department).every((r) => r.suppressed && r.unknown === null && r.note === 'fewer than 5')).toBe(true);
      }
      expect(pick(rows, { department: 'All departments', grp: 'Woman' })).toMatchObject({ unknown: 7, count: 24, suppressed: false });
      expect(pick(rows, { department: 'All departments', grp: 'Non-binary' })).toMatchObject({ count: null, suppressed: true });
    });
  });

  it('filtered to one department, shows just that department', async () => {
    await withTempWorkspace(async (ws) => {
      await loadRepresentation(ws);
      const { rows } = await run(ws, 'unknown_demographics', { period: '2025-Q2', k: 3, department: 'Sales' });
      expect([...new Set(rows.map((r) => r.department))]).toEqual(['Sales']);
    });
  });
});
