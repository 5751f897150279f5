import { formatPercent, formatInterval, formatRatio } from '../../renderer/src/format/numbers';

/**
 * Number formats of the printed review: the screen's own (renderer/src/format) where the two
 * show the same figure, so a number reads the same on the dashboard and in the pack.
 */
export { formatPercent, formatInterval, formatRatio };

export const formatRatioX = (r: number): string => `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}x`;

/** "p < 0.001" or "p = 0.012" (or with another letter, e.g. q). */
export const formatP = (p: number, letter: string): string => (p < 0.001 ? `${letter} < 0.001` : `${letter} = ${p.toFixed(3)}`);

/** Days as a whole number; an upper CI bound the data cannot reach reads "not reached". */
export const formatDays = (d: number | null): string => (d === null ? 'not reached' : String(Math.round(d)));

/** A change in percentage points with its sign: "+2.1 pp", "−0.4 pp", "0.0 pp". */
export function formatPp(pp: number): string {
  const r = Math.round(pp * 10) / 10;
  if (r === 0) return '0.0 pp';
  return `${r > 0 ? '+' : '−'}${Math.abs(r).toFixed(1)} pp`;
}

export const formatCount = (n: number): string => String(Math.round(n));

/** A number with up to `digits` decimals and no trailing zeros: 2.41, 109.1, 0.67. */
export function formatDecimal(x: number, digits = 2): string {
  if (Number.isInteger(x)) return String(x);
  return x.toFixed(digits).replace(/\.?0+$/, '');
}
