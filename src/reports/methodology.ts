import type { Reference, WorkspaceInfo } from '../api/contract';
import type { Methodology, ModelBlock } from './packSchema';
import { loadModels } from '../models/registry';
import { dimensionLabel } from '../../renderer/src/format/labels';

const referenceWords = (r: Reference): string =>
  r === 'largest' ? 'the largest group of each dimension (in each slice)'
    : r === 'highest' ? 'the group with the most favourable rate (the EEOC convention)'
      : `the group "${r.group}" where present, else the largest group`;

/** The appendix: how every figure was made, in words a reviewer can check against METRICS.md. */
export function methodology(opts: {
  k: number; reference: Reference; info: WorkspaceInfo; blocks: readonly ModelBlock[]; pooledLabel: string; comparisonsWeighed: number;
}): Methodology {
  const { k, info } = opts;
  const paragraphs = [
    {
      heading: 'Periods',
      text: 'A period is a calendar quarter. Every rate is also computed for the quarter before and for the same quarter a year earlier; '
        + 'changes are in percentage points and are shown only where the group is shown in both periods (only rates cross periods, never counts). '
        + `The pooled view adds up the four quarters ${opts.pooledLabel}, person-quarter by person-quarter: someone present in all four counts four times, once per quarter. `
        + 'It is given only for outcomes that are fresh events each quarter (promotions, exits); statuses that carry over from quarter to quarter (taking part, a match, a 12-month window) would count the same person\'s one outcome up to four times and make the tests overconfident.',
    },
    {
      heading: 'Disclosure control',
      text: `Minimum cell size k = ${k}. A group with fewer than ${k} people in a denominator shows "fewer than ${k}" instead of any figure, and so does a group where 1 to ${k - 1} people have (or lack) the outcome. `
        + 'Where one group of a slice is hidden, the next smallest is hidden too (complementary suppression), so nothing can be recovered by subtraction. '
        + `Kaplan-Meier curves follow the same rule for the people with and without the event, and each step drawn stands for at least ${k} events. `
        + 'In the pooled view a group is shown only when all four of its quarterly figures were shown. No figure in this review is about fewer than k people, and no row is about one person.',
    },
    {
      heading: 'Rates and tests',
      text: 'Rates carry Wilson score 95% confidence intervals. Each group is compared with the reference group of its slice: two-sided Fisher\'s exact test where any expected cell is below 5, otherwise the two-proportion z-test. '
        + 'Impact ratio = rate of the group / rate of the reference, taken the other way round for adverse outcomes (leaving, waiting); below 0.8 fails the four-fifths rule. '
        + 'Verdicts: "gap" where the ratio is below 0.8 and q < 0.05, "watch" where only one holds, "too few to tell" where even the most extreme result would not be significant, else "no gap". '
        + 'Groups without a recorded value ("Not recorded", "Prefer not to say") are shown but never compared.',
    },
    {
      heading: 'Findings',
      text: `All ${opts.comparisonsWeighed} tests behind this review form one family: their p-values are adjusted together with the Benjamini-Hochberg procedure, and a finding needs q < 0.05. `
        + 'Findings are ranked by size (how far the ratio is from 1) times confidence (-log10 q, capped at 10). None comes from a hidden group. '
        + 'Waits and times in level use Kaplan-Meier estimates (people still waiting or not yet promoted count as censored) and the log-rank test across the groups; a finding names a group only where its median\'s 95% CI does not overlap the reference group\'s. '
        + 'Time in level follows each person from the day they entered the level they held when the eight-quarter window opened. Those already in their level then are only seen because they lasted that long (left truncation), so they join the estimate at the time in level they had when the window opened (delayed entry), not from their first day. '
        + 'Because the first days then have few people at risk, the estimates start at the first 30-day mark at which k or more of every group shown were followed (a mark, not the day someone joined, which would date that person\'s move), the same day for every group so that their medians compare, and describe those who got that far; a group that never has k followed at once gets no estimate. '
        + 'Those eligible to mentor are at or above the lowest level chosen, by default the median level of the whole workforce on the period\'s last day (the lowest level at which half are at or below it). '
        + 'A group\'s share among mentors is compared with its share among those eligible to mentor by the two-proportion test, which is conservative here because the two populations overlap.',
    },
    {
      heading: 'Reference groups',
      text: `The reference is ${referenceWords(opts.reference)}; the table below lists the reference of every model, dimension and slice.`,
    },
    {
      heading: 'What was derived rather than imported',
      text: (info.derivedEvents
        ? 'This workspace has no job events file: promotions and exits were derived from consecutive roster snapshots (a higher level in the next snapshot is a promotion; a person who disappears or gets a termination date has left; a record with no termination date after one whose termination date had passed, under the same hire date, is a rehire, whose employment is followed from the first snapshot showing them back).'
        : 'Promotions and exits come from the imported job events.')
        + ' Headcounts at a date are derived from the roster snapshots (hired on or before the date and not terminated before it); participation is derived from the sessions, their attendees and the formal matches.',
    },
    {
      heading: 'Associations, not causes',
      text: 'Program outcome comparisons standardize participants against non-participants of the same level and tenure band (and department where numbers allow). They show associations, not causal effects.',
    },
  ];
  const models = loadModels().models;
  const definitions = opts.blocks.map((b) => ({
    model: b.model, title: b.title, question: b.question, population: b.population, file: models.get(b.model)?.file ?? '',
  }));
  const references = opts.blocks.flatMap((b) => b.results.filter((r) => r.window === 'quarter').flatMap((r) =>
    r.references.map((x) => ({ model: b.model, dimension: dimensionLabel(r.dimension), slice: x.slice, group: x.group }))));
  return { k, reference: referenceWords(opts.reference), derivedEvents: info.derivedEvents, paragraphs, definitions, references };
}
