/** The dashboard's pages, in the order of the navigation; `page` in the URL names one. */
export const PAGES = [
  { id: 'overview', label: 'Overview' },
  { id: 'participation', label: 'Participation' },
  { id: 'access', label: 'Access' },
  { id: 'progression', label: 'Progression' },
  { id: 'representation', label: 'Representation' },
  { id: 'programs', label: 'Programs' },
  { id: 'reviews', label: 'Reviews' },
  { id: 'data', label: 'Data' },
] as const;

export type PageId = (typeof PAGES)[number]['id'];

export const DEFAULT_PAGE: PageId = 'overview';

export const isPageId = (x: unknown): x is PageId => PAGES.some((p) => p.id === x);

/** The page each model's chart is on (findings link there). */
export const MODEL_PAGE: Record<string, PageId> = {
  participation_rate: 'participation',
  active_participation: 'participation',
  mentor_participation: 'participation',
  participation_by_program: 'participation',
  engagement: 'programs',
  feedback_quality: 'programs',
  goal_progress: 'programs',
  access_funnel: 'access',
  application_to_match: 'access',
  waitlisting: 'access',
  time_to_match: 'access',
  sponsorship_access: 'access',
  cross_group_matching: 'access',
  mentor_pool_representation: 'access',
  mentor_load: 'access',
  promotion_rate: 'progression',
  exits: 'progression',
  attrition_12m: 'progression',
  time_to_promotion: 'progression',
  program_outcomes: 'progression',
  pipeline: 'representation',
  representation_share: 'representation',
  flows: 'representation',
  unknown_demographics: 'representation',
};

/** The element id of a model's chart on its page, for links (#chart-participation_rate). */
export const chartAnchor = (model: string): string => `chart-${model}`;
