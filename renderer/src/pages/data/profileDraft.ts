import type { FileInspection } from '../../../../src/ingest/importReport';
import type { MappingProfileInput } from '../../../../src/ingest/mappingProfile';
import { CANONICAL_FIELDS, type ImportTableName } from '../../../../src/ingest/canonicalFields';

/** What the user is editing for one file: the profile the import will receive. */
export type ProfileDraft = MappingProfileInput & { table: ImportTableName };

/** The starting mapping: the profile saved for this header, else the suggestion. */
export function initialDraft(inspection: FileInspection): ProfileDraft {
  if (inspection.savedProfile) {
    return { ...inspection.savedProfile, sheet: inspection.sheet, headerRow: inspection.headerRow } as ProfileDraft;
  }
  const s = inspection.suggestion;
  return {
    table: (s.table ?? s.alternatives[0]?.table ?? 'people') as ImportTableName,
    columns: { ...s.columns },
    sheet: inspection.sheet,
    headerRow: inspection.headerRow,
    extraDimensions: {},
    dateFormat: null,
    snapshotDate: null,
    ratingScale: '1-5',
    layer: null,
  };
}

/** Required fields of the chosen table that no column (or given value) covers yet. */
export function missingRequired(draft: ProfileDraft): string[] {
  return CANONICAL_FIELDS[draft.table].required.filter((f) => {
    if (draft.columns[f]) return false;
    if (draft.table === 'people' && f === 'snapshot_date' && draft.snapshotDate) return false;
    if (draft.table === 'sessions' && f === 'layer' && draft.layer) return false;
    return true;
  });
}

/** A dimension name as the profile accepts it: lower case, digits and underscores. */
export const dimensionName = (column: string): string =>
  column.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').replace(/^(\d)/, 'd_$1').slice(0, 40) || 'dimension';

/** The profile to send: blank choices dropped. */
export function toProfile(draft: ProfileDraft): MappingProfileInput {
  const columns = Object.fromEntries(Object.entries(draft.columns).filter(([, c]) => c));
  return { ...draft, columns };
}

export const DATE_FORMATS: { value: string; label: string }[] = [
  { value: '', label: 'Detect from the values' },
  { value: '%d/%m/%Y', label: 'day/month/year (31/03/2025)' },
  { value: '%m/%d/%Y', label: 'month/day/year (03/31/2025)' },
  { value: '%d.%m.%Y', label: 'day.month.year (31.03.2025)' },
  { value: '%d-%m-%Y', label: 'day-month-year (31-03-2025)' },
  { value: '%m-%d-%Y', label: 'month-day-year (03-31-2025)' },
  { value: '%Y-%m-%d', label: 'year-month-day (2025-03-31)' },
];

export const TABLE_LABELS: Record<ImportTableName, string> = {
  people: 'Roster snapshot (people)',
  job_events: 'Job events (promotions, moves, exits)',
  programs: 'Programs',
  enrollments: 'Enrollments',
  matches: 'Matches (formal pairings)',
  sessions: 'Sessions (conversations)',
  session_attendees: 'Session attendees',
  feedback: 'Feedback',
  goals: 'Goals',
  coaching_log: 'Informal coaching log',
};
