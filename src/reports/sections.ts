import type { SectionId } from './packSchema';

/** The five parts of a review, in reading order, with the question each answers. */
export const SECTIONS: { id: SectionId; title: string; intro: string }[] = [
  { id: 'participation', title: 'Participation', intro: 'Who takes part in mentorship (formal programs, peer networks and informal coaching), how actively, and with what quality and goals.' },
  { id: 'access', title: 'Access', intro: 'Who gets a mentor: from applying to being matched, how long the wait is, who the mentors are and how their load is spread.' },
  { id: 'progression', title: 'Progression', intro: 'Who is promoted, how long people stay in a level, and who leaves.' },
  { id: 'representation', title: 'Representation', intro: 'Each group\'s share of every level and slice of the organisation, where it drops, why headcounts moved, and how much is unknown.' },
  { id: 'programs', title: 'Programs', intro: 'Each program\'s reach by group, and how participants\' outcomes compare with those of comparable non-participants.' },
];

/** Models shown under another section than their queries/ folder: the per-program views. */
const SECTION_OF: Record<string, SectionId> = {
  participation_by_program: 'programs',
  program_outcomes: 'programs',
};

export function sectionOf(model: string, area: string): SectionId {
  const fixed = SECTION_OF[model];
  if (fixed) return fixed;
  const known = SECTIONS.find((s) => s.id === area);
  return known ? known.id : 'participation';
}

/**
 * The executive summary's headline figures: one organisation-wide rate per question an
 * executive asks first, in this order. Each is the model's "all" slice for everyone.
 */
export const HEADLINES: { model: string; label: string }[] = [
  { model: 'participation_rate', label: 'Took part in mentorship' },
  { model: 'active_participation', label: 'Active in mentorship' },
  { model: 'mentor_participation', label: 'Of those eligible, mentored others' },
  { model: 'application_to_match', label: 'Applicants matched by the period\'s end' },
  { model: 'promotion_rate', label: 'Promoted in the period' },
  { model: 'exits', label: 'Left in the period' },
  { model: 'attrition_12m', label: 'Left within 12 months' },
];
