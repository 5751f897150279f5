import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { benjaminiHochberg } from '../../src/stats/benjaminiHochberg';
import { fixtures, expectClose, num } from './fixtures';

describe('benjaminiHochberg', () => {
  it('matches statsmodels fdr_bh / scipy false_discovery_control on every fixture case', () => {
    expect(fixtures.bh.length).toBeGreaterThan(5);
    for (const c of fixtures.bh) {
      const q = benjaminiHochberg(c.p.map(num));
      expect(q).toHaveLength(c.q.length);
      q.forEach((v, i) => expectClose(v, c.q[i], 1e-9, `${JSON.stringify(c.p)}[${i}]`));
    }
  });

  it('hand-computed: [0.01, 0.04, 0.03, 0.2] -> [0.04, 0.0533, 0.0533, 0.2] in input order', () => {
    // ranks 1..4: 0.01*4/1 = 0.04, 0.03*4/2 = 0.06, 0.04*4/3 = 0.0533, 0.2*4/4 = 0.2; step-up min.
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.2]);
    expect(q[0]).toBeCloseTo(0.04, 12);
    expect(q[1]).toBeCloseTo(0.16 / 3, 12);
    expect(q[2]).toBeCloseTo(0.16 / 3, 12);
    expect(q[3]).toBeCloseTo(0.2, 12);
  });

  it('NaN passes through and is not counted in m', () => {
    const q = benjaminiHochberg([0.01, Number.NaN, 0.04]);
    expect(q[1]).toBeNaN();
    expect(q[0]).toBeCloseTo(0.02, 12); // m = 2, not 3
    expect(q[2]).toBeCloseTo(0.04, 12);
    expect(benjaminiHochberg([Number.NaN, Number.NaN]).every(Number.isNaN)).toBe(true);
  });

  it('ties get the same q-value', () => {
    const q = benjaminiHochberg([0.04, 0.04, 0.04, 0.01]);
    expect(q[0]).toBe(q[1]);
    expect(q[1]).toBe(q[2]);
    expect(q[0]).toBeCloseTo(0.04, 12);
  });

  it('empty input and a single p-value', () => {
    expect(benjaminiHochberg([])).toEqual([]);
    expect(benjaminiHochberg([0.03])).toEqual([0.03]);
  });

  it('rejects p-values outside [0, 1]', () => {
    expect(() => benjaminiHochberg([0.1, 1.5])).toThrow(RangeError);
    expect(() => benjaminiHochberg([-0.1])).toThrow(RangeError);
  });

  it('property: p <= q <= 1 and q is monotone in p', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 60 }), (ps) => {
        const q = benjaminiHochberg(ps);
        for (let i = 0; i < ps.length; i++) {
          if (!(q[i] >= ps[i] - 1e-15 && q[i] <= 1)) return false;
          for (let j = 0; j < ps.length; j++) if (ps[i] < ps[j] && q[i] > q[j]) return false;
        }
        return true;
      }),
    );
  });
});
