import { useContext } from 'react';
import { ViewContext } from '../../data/viewContext';
import { PageIntro } from '../../components/PageIntro';
import { dimensionLabel } from '../../format/labels';
import { HeadlineTile } from './HeadlineTile';
import { FindingsList } from './FindingsList';

/** The headline rate of each area of the review, overall (slice 'all'). */
export const HEADLINES = [
  { model: 'participation_rate', label: 'Participation' },
  { model: 'active_participation', label: 'Active participation' },
  { model: 'application_to_match', label: 'Matched after applying' },
  { model: 'sponsorship_access', label: 'Senior sponsor-mentor' },
  { model: 'promotion_rate', label: 'Promotion' },
  { model: 'attrition_12m', label: '12-month attrition' },
];

/** The review at a glance: headline figures with their changes, then the ranked findings. */
export function OverviewPage() {
  const { controls } = useContext(ViewContext)!;
  return (
    <>
      <PageIntro title="Overview">
        {controls.period}, by {dimensionLabel(controls.dimension).toLowerCase()}
        {controls.dimension2 ? ` × ${dimensionLabel(controls.dimension2).toLowerCase()}` : ''}: each headline rate by group with its change
        since the comparison quarter and since a year earlier, then the findings, each linked to its chart.
      </PageIntro>
      <div className="tiles">
        {HEADLINES.map((h) => <HeadlineTile key={h.model} model={h.model} label={h.label} />)}
      </div>
      <FindingsList />
    </>
  );
}
