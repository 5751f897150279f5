/** How a finding reads for each rate model: "<group> <verb> at 0.45x the rate of <reference>". */
export const OUTCOME_PHRASES: Record<string, string> = {
  participation_rate: 'took part in mentorship',
  participation_by_program: 'took part in the program',
  active_participation: 'were active in mentorship',
  mentor_participation: 'mentored others',
  goal_progress: 'made progress on goals',
  application_to_match: 'were matched after applying',
  waitlisting: 'were waitlisted',
  sponsorship_access: 'had a senior sponsor-mentor',
  access_funnel: 'reached this stage',
  promotion_rate: 'were promoted',
  exits: 'left',
  attrition_12m: 'left within 12 months',
};

const LAYER_WORDS: Record<string, string> = {
  formal: 'in formal programs',
  peer: 'in peer networks',
  informal: 'in informal coaching',
};

/** The slice as words inside a sentence: "" for all, "in peer networks", "at level L3"... */
export function slicePhrase(slice: string): string {
  if (slice === 'all' || slice === '') return '';
  if (LAYER_WORDS[slice]) return ` ${LAYER_WORDS[slice]}`;
  if (/^level /i.test(slice)) return ` at ${slice}`;
  return ` (${slice.replace(/^\d+ /, '')})`;
}
