/** The layers of a participation result, in reading order, with the words the screen uses. */
export const SLICE_ORDER = ['all', 'formal', 'peer', 'informal'] as const;

const SLICE_LABEL: Record<string, string> = {
  all: 'All layers',
  formal: 'Formal programs',
  peer: 'Peer networks',
  informal: 'Informal coaching',
};

/** The words for a slice: the layers by name, anything else as it is with a capital ("level L3" -> "Level L3"). */
export const sliceLabel = (slice: string): string => SLICE_LABEL[slice] ?? slice.charAt(0).toUpperCase() + slice.slice(1);

/** The slices present in rows: known layers first in SLICE_ORDER, any others after, as they come. */
export function orderedSlices(rows: readonly { slice: string }[]): string[] {
  const present = [...new Set(rows.map((r) => r.slice))];
  const rank = (s: string) => {
    const i = (SLICE_ORDER as readonly string[]).indexOf(s);
    return i < 0 ? SLICE_ORDER.length : i;
  };
  return present.map((s, i) => [s, i] as const).sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1]).map(([s]) => s);
}
