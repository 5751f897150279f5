import { describe, it, expect } from 'vitest';
import { survival, START_STEP } from '../../../src/models/post/survival';
import { getModel } from '../../../src/models/registry';
import { ModelParamsSchema } from '../../../src/api/contract';

const params = ModelParamsSchema.parse({ period: '2025-Q2', k: 3 });
const header = getModel('time_to_promotion').header;
/** One spell per [entry, end, promoted?]: the SQL rows, one per (grp, t). */
function rawOf(spells: Record<string, [number, number, boolean][]>) {
  const rows = new Map<string, { slice: string; grp: string; t: number; events: number; censored: number; entered: number }>();
  const at = (grp: string, t: number) => {
    const key = `${grp}@${t}`;
    const r = rows.get(key) ?? { slice: 'all', grp, t, events: 0, censored: 0, entered: 0 };
    rows.set(key, r);
    return r;
  };
  for (const [grp, list] of Object.entries(spells)) {
    for (const [entry, end, promoted] of list) {
      at(grp, entry).entered++;
      if (promoted) at(grp, end).events++;
      else at(grp, end).censored++;
    }
  }
  return [...rows.values()];
}

describe('survival with delayed entry: the common start', () => {
  it('starts at the first 30-day mark at which every group has k at risk, never at a day with fewer', () => {
    // A has 6 at risk from day 10 to day 100, then 1; B has 2 at risk at first and 4 from day
    // 200. No 30-day mark has 3 of both: neither gets an estimate (a start at 210 would show A
    // with 1 at risk). Each has 3 promoted and 3 not, so neither is hidden.
    const a: [number, number, boolean][] = [[0, 100, true], [10, 100, true], [10, 100, true], [0, 300, false], [10, 100, false], [10, 100, false]];
    const b: [number, number, boolean][] = [[0, 20, true], [200, 400, true], [200, 400, false], [200, 500, true], [200, 500, false], [0, 30, false]];
    const { rows } = survival(rawOf({ A: a, B: b }), { params, header });
    for (const grp of ['A', 'B']) {
      expect(rows.find((r) => r.row_type === 'summary' && r.grp === grp)).toMatchObject({ n: 6, events: 3, median: null, from_t: null, note: 'no day with 3 or more of every group followed' });
    }
    expect(rows.filter((r) => r.row_type === 'point')).toEqual([]);

    // B's spells that join at 200 join at 90 instead: at the mark 90, A has 6 and B 4 at risk;
    // at 60, B none. So both start at 90.
    const b2 = b.map(([e, end, p]): [number, number, boolean] => [e === 200 ? 90 : e, end, p]);
    const out = survival(rawOf({ A: a, B: b2 }), { params, header }).rows;
    expect(START_STEP).toBe(30);
    for (const grp of ['A', 'B']) {
      const first = out.find((r) => r.row_type === 'point' && r.grp === grp);
      expect(out.find((r) => r.row_type === 'summary' && r.grp === grp)).toMatchObject({ from_t: 90 });
      if (first) expect(first).toMatchObject({ t: 90, survival: 1 });
      if (first) expect(first.at_risk as number).toBeGreaterThanOrEqual(3);
    }
    // A from 90: 3 promoted of 6 at 100: S = 1/2, the median.
    expect(out.find((r) => r.row_type === 'summary' && r.grp === 'A')).toMatchObject({ median: 100 });
  });
});
