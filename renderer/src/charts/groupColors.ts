import { isUnknownGroup as isUnknown } from '../model/unknownGroups';

/**
 * Okabe & Ito's colour-blind-safe palette (https://jfly.uni-koeln.de/color/) without its
 * yellow, which is too light on white, for telling groups apart on line charts. Every line
 * is also labelled with its group's name, so colour is never the only cue. Groups without a
 * recorded value are grey.
 */
export const GROUP_PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#000000'];
export const UNKNOWN_COLOR = '#8C8C8C';

/**
 * A colour per group, by the group's place in the sorted list, so that the same groups get
 * the same colours on every chart of a page; beyond seven groups colours repeat, with the
 * lines' labels telling them apart.
 */
export function groupColors(groups: readonly string[]): Map<string, string> {
  const known = [...new Set(groups)].filter((g) => !isUnknown(g)).sort((a, b) => a.localeCompare(b));
  const out = new Map<string, string>();
  known.forEach((g, i) => out.set(g, GROUP_PALETTE[i % GROUP_PALETTE.length]));
  for (const g of groups) if (isUnknown(g)) out.set(g, UNKNOWN_COLOR);
  return out;
}
