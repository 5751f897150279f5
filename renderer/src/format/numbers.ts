/** Number formats of the screen: fixed decimals, so that a column of figures lines up. */

/** Counts as plain integers ("1234"): the table is read by people and by end-to-end tests alike. */
export const formatCount = (n: number): string => String(Math.round(n));

export const formatPercent = (p: number, digits = 1): string => `${(p * 100).toFixed(digits)}%`;

export const formatInterval = (lo: number, hi: number): string => `${(lo * 100).toFixed(1)}–${(hi * 100).toFixed(1)}%`;

export const formatRatio = (r: number): string => r.toFixed(2);

/** p- and q-values: three decimals, and "< 0.001" rather than a row of zeros. */
export const formatP = (p: number): string => (p < 0.001 ? '< 0.001' : p.toFixed(3));

/** A change in percentage points, signed: "+1.7 pp", "−0.4 pp", "±0.0 pp". */
export const formatPP = (pp: number): string => `${pp > 0.05 ? '+' : pp < -0.05 ? '−' : '±'}${Math.abs(pp).toFixed(1)} pp`;

export const formatFixed = (digits: number) => (x: number): string => x.toFixed(digits);
