import { benjaminiHochberg, compareProportions, FOUR_FIFTHS } from '../stats';
import { OUTCOME_PHRASES, slicePhrase } from '../findings/phrases';
import { UNKNOWN_GROUPS } from '../models/rateStats';
import type { ModelBlock, PackFinding, PackResult, SectionId, CellValue } from './packSchema';
import { formatP, formatPercent, formatRatioX, formatDays } from './format';

const ALPHA = 0.05;
type Row = Record<string, CellValue>;

const isUnknown = (grp: string) => grp.split(' × ').some((g) => UNKNOWN_GROUPS.has(g));
const num = (v: CellValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : String(v));

/** One tested comparison of the review, and how it reads if it turns out significant. */
interface Candidate {
  p: number;
  test: string;
  /** Findings this test supports once its q is known; a test may support none (e.g. overlapping CIs). */
  findings: (q: number) => Omit<PackFinding, 'q' | 'score'>[];
}

export interface FindingContext {
  periodLabel: string;
  pooledLabel: string;
  sectionOf: (model: string) => SectionId;
}

/**
 * The review's findings: sentences from the statistics, ranked by size and confidence.
 *
 * Every test the pack shows is one family for the Benjamini-Hochberg adjustment: the rate
 * comparisons of every model, dimension and window (the quarter and the four quarters pooled),
 * the log-rank test of each survival slice, and the mentor-share test of each group. A finding
 * needs q < 0.05; nothing comes from a suppressed cell (such rows carry no statistic at all).
 *
 * Survival: the log-rank test says the groups' curves differ, not which pair; a finding is
 * made only for a group whose median's 95% CI does not overlap the reference group's, a
 * stricter pairwise criterion. Mentor shares: the group's share among mentors is compared with
 * its share among those eligible by the two-proportion test; the two populations overlap,
 * which makes that test conservative (it can only understate significance).
 */
export function packFindings(blocks: readonly ModelBlock[], ctx: FindingContext): { findings: PackFinding[]; comparisonsWeighed: number } {
  const candidates: Candidate[] = [];
  for (const block of blocks) {
    for (const result of block.results) {
      if (result.window === 'headline') continue;
      if (block.kind === 'rate') candidates.push(...rateCandidates(block, result, ctx));
      else if (block.model === 'time_to_match' || block.model === 'time_to_promotion') candidates.push(...survivalCandidates(block, result, ctx));
      else if (block.model === 'mentor_pool_representation') candidates.push(...mentorShareCandidates(block, result, ctx));
    }
  }
  const q = benjaminiHochberg(candidates.map((c) => c.p));
  const findings: PackFinding[] = [];
  candidates.forEach((c, i) => {
    if (!(q[i] < ALPHA)) return;
    for (const f of c.findings(q[i])) {
      const size = Math.abs(Math.log(Math.min(50, Math.max(1 / 50, f.ratio))));
      findings.push({ ...f, q: q[i], score: size * Math.min(10, -Math.log10(Math.max(q[i], 1e-300))) });
    }
  });
  findings.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  return { findings, comparisonsWeighed: candidates.length };
}

const formatQ = (q: number) => (q < 0.001 ? 'q < 0.001' : `q = ${q.toFixed(3)}`);

function rateCandidates(block: ModelBlock, result: PackResult, ctx: FindingContext): Candidate[] {
  const rows = result.rows;
  const adverse = block.outcome === 'adverse';
  const out: Candidate[] = [];
  for (const row of rows) {
    const p = num(row.p_value);
    if (row.suppressed || row.is_reference || p === null || !row.reference_group) continue;
    const ref = rows.find((r) => r.slice === row.slice && r.grp === row.reference_group && !r.suppressed);
    if (!ref || num(row.rate) === null || num(ref.rate) === null) continue;
    out.push({
      p,
      test: str(row.test),
      findings: (q) => {
        const worse = adverse ? num(row.rate)! > num(ref.rate)! : num(row.rate)! < num(ref.rate)!;
        const [subject, other] = worse ? [row, ref] : [ref, row];
        const sr = num(subject.rate)!;
        const or = num(other.rate)!;
        const ratio = or === 0 ? 50 : sr / or;
        const verb = OUTCOME_PHRASES[block.model] ?? `had the outcome "${block.title.toLowerCase()}"`;
        const when = result.window === 'pooled' ? `over the four quarters ${ctx.pooledLabel}` : `in ${ctx.periodLabel}`;
        const unit = result.window === 'pooled' ? ' person-quarters' : '';
        const counts = `${subject.numerator} of ${subject.denominator} vs ${other.numerator} of ${other.denominator}${unit}`;
        const sentence = or === 0
          ? `${str(subject.grp)}${slicePhrase(str(row.slice))} ${verb} ${when} while none of ${str(other.grp)} did (${counts}; ${formatQ(q)}).`
          : `${str(subject.grp)}${slicePhrase(str(row.slice))} ${verb} at ${formatRatioX(ratio)} the rate of ${str(other.grp)} ${when} (${counts}; ${formatQ(q)}).`;
        const gap = adverse ? ratio > 1 / FOUR_FIFTHS : ratio < FOUR_FIFTHS;
        return [{
          id: findingId(block.model, result, str(row.slice), str(subject.grp), str(other.grp)),
          model: block.model, section: ctx.sectionOf(block.model), dimension: result.dimension, window: result.window as 'quarter' | 'pooled',
          slice: str(row.slice), group: str(subject.grp), comparedWith: str(other.grp), sentence, ratio, test: str(row.test), p,
          verdict: gap ? 'gap' : 'watch',
        }];
      },
    });
  }
  return out;
}

const SURVIVAL_WORDS: Record<string, { verb: string; unit: string; other: string }> = {
  time_to_match: { verb: 'waited a median of', unit: 'days from asking for a mentor to being matched', other: 'waited' },
  time_to_promotion: { verb: 'stayed a median of', unit: 'days in a level before promotion', other: 'stayed' },
};

function survivalCandidates(block: ModelBlock, result: PackResult, ctx: FindingContext): Candidate[] {
  const summaries = result.rows.filter((r) => r.row_type === 'summary' && !r.suppressed);
  const out: Candidate[] = [];
  for (const slice of [...new Set(summaries.map((r) => str(r.slice)))]) {
    const shown = summaries.filter((r) => r.slice === slice && !isUnknown(str(r.grp)));
    const p = num(shown[0]?.logrank_p);
    if (shown.length < 2 || p === null) continue;
    const ref = [...shown].sort((a, b) => (num(b.n) ?? 0) - (num(a.n) ?? 0) || str(a.grp).localeCompare(str(b.grp)))[0];
    out.push({
      p,
      test: 'log-rank',
      findings: (q) => shown.filter((r) => r !== ref).flatMap((row) => {
        const [m, lo, hi] = [num(row.median), num(row.median_lower), num(row.median_upper)];
        const [rm, rlo, rhi] = [num(ref.median), num(ref.median_lower), num(ref.median_upper)];
        if (m === null || rm === null || m === rm) return [];
        const longer = m > rm;
        // Disjoint 95% CIs: the longer wait's lower bound above the shorter one's upper bound.
        const disjoint = longer ? lo !== null && rhi !== null && lo > rhi : hi !== null && rlo !== null && rlo > hi;
        if (!disjoint) return [];
        const [subject, other] = longer ? [row, ref] : [ref, row];
        const ratio = num(subject.median)! / Math.max(1, num(other.median)!);
        const words = SURVIVAL_WORDS[block.model];
        const where = slice === 'all' ? '' : ` in ${slice}`;
        const ci = (r: Row) => `${formatDays(num(r.median_lower))}–${formatDays(num(r.median_upper))}`;
        const sentence = `${str(subject.grp)}${where} ${words.verb} ${formatDays(num(subject.median))} ${words.unit}, ${formatRatioX(ratio)} the ${formatDays(num(other.median))} days of ${str(other.grp)}, as of the end of ${ctx.periodLabel} (95% CI ${ci(subject)} vs ${ci(other)} days; log-rank ${formatP(p, 'p')} across the groups, ${formatQ(q)}).`;
        return [{
          id: findingId(block.model, result, slice, str(subject.grp), str(other.grp)),
          model: block.model, section: ctx.sectionOf(block.model), dimension: result.dimension, window: 'quarter' as const,
          slice, group: str(subject.grp), comparedWith: str(other.grp), sentence, ratio, test: 'log-rank', p,
          verdict: ratio >= 1 / FOUR_FIFTHS ? 'gap' as const : 'watch' as const,
        }];
      }),
    });
  }
  return out;
}

function mentorShareCandidates(block: ModelBlock, result: PackResult, ctx: FindingContext): Candidate[] {
  const out: Candidate[] = [];
  for (const row of result.rows) {
    const [mentors, shareM, eligible, shareE] = [num(row.mentors), num(row.share_mentors), num(row.eligible), num(row.share_eligible)];
    if (row.suppressed || isUnknown(str(row.grp)) || mentors === null || eligible === null || !shareM || !shareE) continue;
    // The totals behind the shown shares (all groups, hidden ones included): used inside the test only.
    const allMentors = Math.round(mentors / shareM);
    const allEligible = Math.round(eligible / shareE);
    const t = compareProportions(mentors, allMentors, eligible, allEligible);
    out.push({
      p: t.p,
      test: t.test,
      findings: (q) => {
        const ratio = shareM / shareE;
        if (ratio >= 1) return [];
        const sentence = `${str(row.grp)} made up ${formatPercent(shareM)} of the people who mentored in ${ctx.periodLabel} but ${formatPercent(shareE)} of those eligible to mentor (${formatRatioX(ratio)} their share; ${mentors} mentors, ${eligible} eligible; ${formatQ(q)}).`;
        return [{
          id: findingId(block.model, result, 'all', str(row.grp), 'eligible'),
          model: block.model, section: ctx.sectionOf(block.model), dimension: result.dimension, window: 'quarter' as const,
          slice: 'all', group: str(row.grp), comparedWith: 'those eligible to mentor', sentence, ratio, test: t.test, p: t.p,
          verdict: ratio < FOUR_FIFTHS ? 'gap' as const : 'watch' as const,
        }];
      },
    });
  }
  return out;
}

const findingId = (model: string, r: PackResult, slice: string, group: string, other: string) =>
  [model, r.dimension, r.window, slice, group, other].join('|');
