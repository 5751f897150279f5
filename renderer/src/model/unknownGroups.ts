/** Groups that are not a demographic group (rateStats' UNKNOWN_GROUPS): shown, never a reference, never compared. */
export const UNKNOWN_GROUP_LABELS: ReadonlySet<string> = new Set(['Not recorded', 'Prefer not to say']);

export const isUnknownGroup = (grp: string): boolean => grp.split(' × ').some((g) => UNKNOWN_GROUP_LABELS.has(g));
