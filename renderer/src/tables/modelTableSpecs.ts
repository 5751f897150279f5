import type { ModelTableRow as Row } from '../charts/tableRow';
import { num } from '../charts/tableRow';
import { representationSliceLabel } from '../charts/representationHeatmap';
import { FLOWS } from '../charts/flowsPlot';
import { formatCount, formatFixed, formatP, formatPP, formatPercent } from '../format/numbers';
import type { TableColumn, TableSpec } from './tableSpec';

/** The numbers behind each table model's chart: one spec per model, by model name. */

const text = (key: string, label: string): TableColumn<Row> => ({ key, label, kind: 'text', value: (r) => (r[key] as string | null) ?? null });
const count = (key: string, label: string, help?: string): TableColumn<Row> => ({ key, label, help, kind: 'count', value: (r) => num(r[key]), format: formatCount });
const figure = (key: string, label: string, format: (v: number) => string, help?: string): TableColumn<Row> => ({ key, label, help, kind: 'figure', value: (r) => num(r[key]), format });
const share = (key: string, label: string, help?: string) => figure(key, label, (v) => formatPercent(v), help);

const base = (rows: Row[], key: (r: Row) => string): Pick<TableSpec<Row>, 'rows' | 'rowKey' | 'suppressed' | 'note'> => ({
  rows, rowKey: key, suppressed: (r) => r.suppressed, note: (r, k) => r.note ?? `fewer than ${k}`,
});

export function pipelineTableSpec(rows: Row[]): TableSpec<Row> {
  return {
    ...base(rows, (r) => `${r.level}-${r.grp}`),
    columns: [
      text('grp', 'Group'), count('count', 'People'), count('level_total', 'At the level'), share('share', 'Share of the level'),
      share('share_below', 'Share a level below'), figure('gap_pp', 'Change from the level below', formatPP, 'percentage points; negative = representation drops going up'),
    ],
    section: (r) => String(r.level), sectionLabel: (l) => `Level ${l}`, sectionHeading: 'Level',
  };
}

export function survivalTableSpec(rows: Row[], unit: 'days' | 'years'): TableSpec<Row> {
  const t = unit === 'years' ? (v: number) => (v / 365.25).toFixed(1) : formatCount;
  const u = unit === 'years' ? 'years' : 'days';
  return {
    ...base(rows.filter((r) => r.row_type === 'summary'), (r) => `${r.slice}-${r.grp}`),
    columns: [
      text('grp', 'Group'), count('n', 'People'), count('events', 'Events', 'matched (or promoted) within the window; the others are censored'),
      ...(rows.some((r) => r.row_type === 'summary' && num(r.from_t) !== null)
        ? [figure('from_t', `Counted from (${u})`, t, 'the estimates start at the first 30-day mark at which k or more of every group shown were followed')] : []),
      figure('median', `Median (${u})`, t, 'Kaplan-Meier median'), figure('median_lower', 'Median, CI lower', t), figure('median_upper', 'Median, CI upper', t),
      figure('logrank_p', 'Log-rank p', formatP, 'log-rank test across the groups shown'),
    ],
    section: (r) => String(r.slice), sectionLabel: (s) => (s === 'all' ? 'All' : s), sectionHeading: 'Slice',
  };
}

export function matrixTableSpec(rows: Row[]): TableSpec<Row> {
  return {
    ...base(rows, (r) => `${r.mentor_grp}-${r.mentee_grp}`),
    columns: [
      text('mentor_grp', 'Mentor\'s group'), text('mentee_grp', 'Mentee\'s group'), count('observed', 'Matches'),
      figure('expected', 'Expected', formatFixed(1), 'under independence of mentor and mentee groups'), figure('ratio', 'Observed ÷ expected', formatFixed(2)),
    ],
  };
}

export function representationTableSpec(rows: Row[]): TableSpec<Row> {
  return {
    ...base(rows, (r) => `${r.slice_type}-${r.slice_value}-${r.grp}`),
    columns: [
      text('grp', 'Group'), count('count', 'People'), count('slice_total', 'In the slice'), share('share', 'Share of the slice'),
      count('group_total', 'In the reference population'), share('reference_share', 'Share of the reference'),
      figure('representation_index', 'Representation index', formatFixed(2), 'share of the slice ÷ share of the reference population'),
    ],
    section: (r) => representationSliceLabel(String(r.slice_type), String(r.slice_value)), sectionHeading: 'Slice',
  };
}

export function flowsTableSpec(rows: Row[]): TableSpec<Row> {
  return {
    ...base(rows, (r) => `${r.level}-${r.grp}`),
    columns: [
      text('grp', 'Group'), count('headcount_start', 'At the start'),
      ...FLOWS.map((f) => count(f.key, f.label.charAt(0).toUpperCase() + f.label.slice(1))),
      count('headcount_end', 'At the end'),
    ],
    section: (r) => String(r.level), sectionLabel: (l) => `Level ${l}`, sectionHeading: 'Level',
  };
}

export function unknownTableSpec(rows: Row[]): TableSpec<Row> {
  return {
    ...base(rows, (r) => `${r.department}-${r.grp ?? 'none'}`),
    columns: [
      text('grp', 'Group'), count('headcount', 'People'), count('unknown', 'Unknown'), share('share_unknown', 'Share unknown'),
      count('count', 'Of the group'), share('share_known', 'Share among known'), share('share_min', 'Share, at least'), share('share_max', 'Share, at most'),
    ],
    section: (r) => String(r.department), sectionHeading: 'Department',
  };
}

export function liftTableSpec(rows: Row[]): TableSpec<Row> {
  return {
    ...base(rows, (r) => `${r.outcome}-${r.grp}`),
    columns: [
      text('grp', 'Group'), count('participants', 'Participants'), count('observed', 'With the outcome'), share('observed_rate', 'Rate'),
      figure('expected', 'Expected', formatFixed(1), 'from non-participants of the same group and stratum'), share('expected_rate', 'Expected rate'),
      figure('lift', 'Lift', formatFixed(2)), figure('lift_lower', 'Lift, CI lower', formatFixed(2)), figure('lift_upper', 'Lift, CI upper', formatFixed(2)),
      count('non_participants', 'Non-participants'), text('standardized_on', 'Standardized on'),
    ],
    section: (r) => String(r.outcome), sectionLabel: (o) => o.charAt(0).toUpperCase() + o.slice(1), sectionHeading: 'Outcome',
  };
}

export function mentorPoolTableSpec(rows: Row[]): TableSpec<Row> {
  return {
    ...base(rows, (r) => String(r.grp)),
    columns: [
      text('grp', 'Group'), count('mentors', 'Mentors'), share('share_mentors', 'Share of mentors'), count('eligible', 'Eligible to mentor'),
      share('share_eligible', 'Share of eligible'), figure('representation_index', 'Representation index', formatFixed(2)),
    ],
  };
}

export function mentorLoadTableSpec(rows: Row[]): TableSpec<Row> {
  return {
    ...base(rows, (r) => String(r.grp)),
    columns: [
      text('grp', 'Mentor\'s group'), count('mentors', 'Mentors'), figure('mentees_mean', 'Mentees, mean', formatFixed(2)), figure('mentees_median', 'Mentees, median', formatFixed(1)),
      figure('hours_mean', 'Hours, mean', formatFixed(1)), figure('hours_median', 'Hours, median', formatFixed(1)),
      figure('gini_mentees', 'Gini of mentees', formatFixed(2), '0 = even, towards 1 = a few mentors carry it all'), figure('gini_hours', 'Gini of hours', formatFixed(2)),
    ],
  };
}

export function engagementTableSpec(rows: Row[]): TableSpec<Row> {
  return {
    ...base(rows, (r) => `${r.slice}-${r.grp}`),
    columns: [
      text('grp', 'Mentee\'s group'), count('mentees', 'Mentees'), count('matches', 'Matches'), figure('conversations_per_match', 'Conversations per match', formatFixed(2)),
      figure('minutes_per_match', 'Minutes per match', formatFixed(0)), figure('median_days_between', 'Median days between', formatFixed(0)), count('dormant_matches', 'Dormant matches', 'no conversation in the last 60 days'),
    ],
    section: (r) => String(r.slice), sectionLabel: (s) => (s === 'all' ? 'All programs' : s), sectionHeading: 'Program',
  };
}

export function feedbackTableSpec(rows: Row[]): TableSpec<Row> {
  return {
    ...base(rows, (r) => String(r.grp)),
    columns: [
      text('grp', 'Group'), count('raters', 'Raters'), count('ratings', 'Ratings'), figure('mean_rating', 'Mean rating', formatFixed(2)),
      figure('ci_lower', 'CI lower', formatFixed(2)), figure('ci_upper', 'CI upper', formatFixed(2)), share('share_high', 'Rated 4 or 5'),
      count('sessions', 'Conversations'), count('rated_sessions', 'Rated'), share('response_rate', 'Response rate'),
    ],
  };
}
