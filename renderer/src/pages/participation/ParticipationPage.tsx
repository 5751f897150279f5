import { useContext, useMemo } from 'react';
import { ViewContext } from '../../data/viewContext';
import { ChartPanel } from '../../components/chart/ChartPanel';
import { PageIntro } from '../../components/PageIntro';
import { impactChart, rateChart, trendChart, trendPeriods } from '../specs/rateCharts';
import { sliceLabel } from '../../model/slices';

const PARTICIPATION = { numeratorLabel: 'Participants', denominatorLabel: 'Eligible', xLabel: 'Took part (% of eligible people)' };
const RATE = rateChart(PARTICIPATION);
const RATIO = impactChart(PARTICIPATION);
const ACTIVE = rateChart({ numeratorLabel: 'Active', denominatorLabel: 'Eligible', xLabel: 'Had 2 or more conversations (% of eligible people)' });
const MENTORS = rateChart({ numeratorLabel: 'Mentored', denominatorLabel: 'Eligible to mentor', xLabel: 'Mentored others (% of those eligible to mentor)' });
const BY_PROGRAM = rateChart({ numeratorLabel: 'Took part', denominatorLabel: 'Eligible', xLabel: 'Took part in the program (% of eligible people)', sliceLabel: (s) => s, sectionHeading: 'Program' });

/** Who takes part in mentorship, in which layer and program, and who mentors. */
export function ParticipationPage() {
  const { controls, info } = useContext(ViewContext)!;
  const slice = controls.layer ?? 'all';
  const trend = useMemo(() => trendChart({ ...PARTICIPATION, slice, periods: (review) => trendPeriods(info.periods, review) }), [slice, info.periods]);
  return (
    <>
      <PageIntro title="Participation">
        Who takes part in mentorship (formal programs, peer networks and informal coaching), how actively, in which
        program, and who gives their time as a mentor.
      </PageIntro>
      <ChartPanel model="participation_rate" spec={RATE} />
      <ChartPanel model="participation_rate" id="participation_rate_ratio" spec={RATIO} title="Participation rate: impact ratios"
        question="How does each group's participation compare with the reference group's, against the four-fifths rule?" />
      <ChartPanel model="participation_rate" id="participation_rate_trend" spec={trend} requests={trend.requests}
        title={`Participation rate by quarter${slice === 'all' ? '' : `: ${sliceLabel(slice).toLowerCase()}`}`}
        question="How has each group's participation moved over the last eight quarters?" />
      <ChartPanel model="active_participation" spec={ACTIVE} />
      <ChartPanel model="mentor_participation" spec={MENTORS} />
      <ChartPanel model="participation_by_program" spec={BY_PROGRAM} />
    </>
  );
}
