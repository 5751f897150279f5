import type { ColumnSpec } from '../../arrow/toArrow';
import { addComplementary, checkK, primaryReason, suppressedNote, type SuppressionReason } from '../../disclosure/suppress';
import { standardizedRatio } from '../../stats';
import type { PostProcessor } from './index';

/**
 * Indirect standardization of participants' outcomes on non-participants' rates (METRICS.md,
 * "program outcome comparison"), for program_outcomes.
 *
 * Input: one SQL row per (outcome, grp, stratum, refinement) with participants,
 * participant_outcomes, non_participants and non_participant_outcomes. `stratum` is always
 * used (level x tenure band); `refinement` (department) is added only where every cell that
 * holds participants has at least MIN_NON_PARTICIPANTS non-participants, so that the expected
 * count never rests on a rate from a handful of people. The choice is made per output row.
 *
 * Output per outcome: an 'All' row, then one row per group. For a row,
 *   expected = sum over its cells of participants x (non-participant outcomes / non-participants)
 * using the non-participants of the same group (of everyone, for 'All'), so a group's lift
 * compares like with like and does not absorb the group's own gap; lift = observed / expected
 * with the exact Poisson (Garwood) 95% CI on the observed count (standardizedRatio).
 * Participants in a cell with no non-participant have nothing to be compared with: they are
 * left out of observed and expected alike.
 */
export const MIN_NON_PARTICIPANTS = 20;
export const ALL_GROUPS = 'All';

export const LIFT_COLUMNS: ColumnSpec[] = [
  { name: 'outcome', type: 'utf8' }, { name: 'grp', type: 'utf8' },
  { name: 'participants', type: 'int32' }, { name: 'observed', type: 'int32' }, { name: 'observed_rate', type: 'float64' },
  { name: 'expected', type: 'float64' }, { name: 'expected_rate', type: 'float64' },
  { name: 'lift', type: 'float64' }, { name: 'lift_lower', type: 'float64' }, { name: 'lift_upper', type: 'float64' },
  { name: 'non_participants', type: 'int32' }, { name: 'standardized_on', type: 'utf8' },
  { name: 'suppressed', type: 'bool' }, { name: 'note', type: 'utf8' },
];

const BASIS = 'level × tenure band';
const REFINED_BASIS = 'level × tenure band × department';

export const ASSOCIATION_NOTE =
  'Lift compares participants with non-participants of the same group, level and tenure band (and department where numbers allow): '
  + 'an association, not a causal effect. People who take part in mentorship may differ in ways these strata do not capture.';

interface Cell { participants: number; observed: number; nonParticipants: number; nonParticipantOutcomes: number }

export interface LiftRow {
  outcome: string;
  grp: string;
  participants: number | null;
  observed: number | null;
  observed_rate: number | null;
  expected: number | null;
  expected_rate: number | null;
  lift: number | null;
  lift_lower: number | null;
  lift_upper: number | null;
  non_participants: number | null;
  standardized_on: string | null;
  suppressed: boolean;
  note: string | null;
}

const addTo = (m: Map<string, Cell>, key: string, c: Cell) => {
  const cell = m.get(key) ?? { participants: 0, observed: 0, nonParticipants: 0, nonParticipantOutcomes: 0 };
  cell.participants += c.participants;
  cell.observed += c.observed;
  cell.nonParticipants += c.nonParticipants;
  cell.nonParticipantOutcomes += c.nonParticipantOutcomes;
  m.set(key, cell);
};

const finite = (x: number) => (Number.isFinite(x) ? x : null);

/** Standardizes one output row from its (stratum, refinement) cells. */
function standardize(cells: { stratum: string; refinement: string; cell: Cell }[]): Omit<LiftRow, 'outcome' | 'grp' | 'suppressed' | 'note'> & { excluded: number; nonParticipantOutcomes: number } {
  const fine = new Map<string, Cell>();
  const coarse = new Map<string, Cell>();
  for (const { stratum, refinement, cell } of cells) {
    addTo(fine, `${stratum}\u001f${refinement}`, cell);
    addTo(coarse, stratum, cell);
  }
  const used = [...fine.values()].filter((c) => c.participants > 0);
  const refined = used.length > 0 && used.every((c) => c.nonParticipants >= MIN_NON_PARTICIPANTS);
  let participants = 0;
  let observed = 0;
  let expected = 0;
  let excluded = 0;
  let nonParticipants = 0;
  let nonParticipantOutcomes = 0;
  for (const c of (refined ? fine : coarse).values()) {
    nonParticipants += c.nonParticipants;
    nonParticipantOutcomes += c.nonParticipantOutcomes;
    if (c.participants === 0) continue;
    if (c.nonParticipants === 0) { excluded += c.participants; continue; }
    participants += c.participants;
    observed += c.observed;
    expected += c.participants * (c.nonParticipantOutcomes / c.nonParticipants);
  }
  const ratio = expected > 0 ? standardizedRatio(observed, expected) : null;
  return {
    participants, observed, expected, excluded, non_participants: nonParticipants, nonParticipantOutcomes,
    observed_rate: participants > 0 ? observed / participants : null,
    expected_rate: participants > 0 ? expected / participants : null,
    lift: ratio ? finite(ratio.ratio) : null, lift_lower: ratio ? finite(ratio.lower) : null, lift_upper: ratio ? finite(ratio.upper) : null,
    standardized_on: refined ? REFINED_BASIS : BASIS,
  };
}

/**
 * Disclosure: a row is suppressed when it has fewer than k participants, when the
 * participants with (or without) the outcome number 1..k-1, when its non-participants number
 * 1..k-1, or when the non-participants with (or without) the outcome do. The last is shown
 * too, if less plainly: with one stratum, expected_rate is the non-participants' rate, and
 * expected_rate x non_participants their count with the outcome ("0.2 of 10" is 2 people).
 * Counted over the same cells as non_participants, every stratum and department of the row.
 * A row without non-participants shows no rate of theirs. Group rows of one outcome are
 * complementary (their sum is close to the 'All' row), so a lone suppressed group takes the
 * next smallest group with it; 'All' is never the complement, since hiding the total
 * protects nothing.
 */
function reasonFor(r: ReturnType<typeof standardize>, k: number): SuppressionReason | null {
  const p = primaryReason(r.observed ?? 0, r.participants ?? 0, k);
  if (p) return p;
  const np = r.non_participants ?? 0;
  return np > 0 ? primaryReason(r.nonParticipantOutcomes, np, k) : null;
}

export function liftRows(raw: Record<string, unknown>[], k: number): { rows: LiftRow[]; excludedAny: boolean } {
  checkK(k);
  const byOutcome = new Map<string, { grp: string; stratum: string; refinement: string; cell: Cell }[]>();
  for (const r of raw) {
    const outcome = String(r.outcome);
    const list = byOutcome.get(outcome) ?? [];
    list.push({
      grp: String(r.grp), stratum: String(r.stratum), refinement: String(r.refinement ?? ''),
      cell: {
        participants: Number(r.participants), observed: Number(r.participant_outcomes),
        nonParticipants: Number(r.non_participants), nonParticipantOutcomes: Number(r.non_participant_outcomes),
      },
    });
    byOutcome.set(outcome, list);
  }

  const rows: LiftRow[] = [];
  let excludedAny = false;
  for (const [outcome, list] of byOutcome) {
    const groups = [...new Set(list.map((c) => c.grp))].sort((a, b) => a.localeCompare(b));
    const targets = [
      { grp: ALL_GROUPS, r: standardize(list) },
      ...groups.map((g) => ({ grp: g, r: standardize(list.filter((c) => c.grp === g)) })),
    ].filter((t) => (t.r.participants ?? 0) + t.r.excluded > 0);
    const primary = targets.map((t) => reasonFor(t.r, k));
    const isGroup = targets.map((t) => t.grp !== ALL_GROUPS);
    const groupIdx = targets.map((_, i) => i).filter((i) => isGroup[i]);
    const complementary = addComplementary(
      groupIdx.map((i) => ({ block: outcome, size: targets[i].r.participants ?? 0 })),
      groupIdx.map((i) => primary[i]),
    );
    const reasons = [...primary];
    groupIdx.forEach((i, j) => { reasons[i] = complementary[j]; });

    targets.forEach((t, i) => {
      excludedAny ||= t.r.excluded > 0;
      if (reasons[i] !== null) {
        rows.push({
          outcome, grp: t.grp, participants: null, observed: null, observed_rate: null, expected: null, expected_rate: null,
          lift: null, lift_lower: null, lift_upper: null, non_participants: null, standardized_on: null,
          suppressed: true, note: suppressedNote(k),
        });
        return;
      }
      const { excluded: _excluded, nonParticipantOutcomes: _nonParticipantOutcomes, ...shown } = t.r;
      rows.push({ outcome, grp: t.grp, ...shown, suppressed: false, note: null });
    });
  }
  return { rows, excludedAny };
}

export const lift: PostProcessor = (raw, { params }) => {
  const { rows, excludedAny } = liftRows(raw, params.k);
  const notes = [ASSOCIATION_NOTE];
  const shown = rows.filter((r) => !r.suppressed);
  for (const basis of [REFINED_BASIS, BASIS]) {
    const names = [...new Set(shown.filter((r) => r.standardized_on === basis).map((r) => r.grp))];
    if (names.length) notes.push(`Standardized on ${basis}: ${names.join(', ')}.`);
  }
  if (shown.some((r) => r.standardized_on === BASIS)) {
    notes.push(`Department is added to the strata only where every stratum holding participants has at least ${MIN_NON_PARTICIPANTS} non-participants.`);
  }
  if (excludedAny) notes.push('Participants in a stratum without any non-participant have no comparison and are left out of observed and expected.');
  return { columns: LIFT_COLUMNS, rows: rows as unknown as Record<string, unknown>[], notes };
};
