/** Words for periods and dimensions, as the screen shows them. */

const DAY_MS = 86_400_000;

// One formatter for every call: toLocaleDateString with options builds a new one each time
// (about half a millisecond), and every chart panel formats its period on each render.
const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A half-open period [start, end) as the days people read: "1 Apr 2025 – 30 Jun 2025". */
export function formatPeriodDays(start: string, end: string): string {
  const fmt = (t: number) => DAY.format(t);
  const s = Date.parse(`${start}T00:00:00Z`);
  const e = Date.parse(`${end}T00:00:00Z`) - DAY_MS;
  return Number.isFinite(s) && Number.isFinite(e) ? `${fmt(s)} – ${fmt(e)}` : `${start} – ${end}`;
}

/** An equity dimension's column name as words: "race_ethnicity" -> "Race/ethnicity". */
export function dimensionLabel(name: string): string {
  if (name === 'race_ethnicity') return 'Race/ethnicity';
  const words = name.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
