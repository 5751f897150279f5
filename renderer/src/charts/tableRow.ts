/** A row of a table model's result as the charts read it: any columns, plus the group, suppressed and note. */
export type ModelTableRow = Record<string, unknown> & { grp: string | null; suppressed: boolean; note: string | null };

/** A finite number, or null (Arrow nulls, NaN). */
export const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** What a suppressed row says instead of a number. */
export const hiddenNote = (r: { note: string | null }, k: number): string => r.note ?? `fewer than ${k}`;
