import { ChartPanel } from '../../components/chart/ChartPanel';
import { PageIntro } from '../../components/PageIntro';
import { funnelChart, impactChart, rateChart } from '../specs/rateCharts';
import { tableChart } from '../specs/tableCharts';
import { survivalChart } from '../specs/survivalCharts';
import { stageLabel } from '../../charts/funnelPlot';
import { matrixHeatmap, type MatrixRow } from '../../charts/matrixHeatmap';
import { mentorPoolPlot } from '../../charts/mentorPoolPlot';
import { mentorLoadPlot } from '../../charts/mentorLoadPlot';
import { matrixTableSpec, mentorLoadTableSpec, mentorPoolTableSpec } from '../../tables/modelTableSpecs';

const FUNNEL_OPTS = { numeratorLabel: 'Reached the stage', denominatorLabel: 'Eligible', xLabel: 'Reached the stage (% of eligible)', sliceLabel: stageLabel, sectionHeading: 'Stage' };
const FUNNEL = funnelChart(FUNNEL_OPTS);
const FUNNEL_RATIO = impactChart(FUNNEL_OPTS);
const bySlice = (s: string) => (s === 'all' ? 'All programs' : s);
const MATCHED = rateChart({ numeratorLabel: 'Matched', denominatorLabel: 'Applied', xLabel: 'Matched by the period\'s end (% of applicants)', sliceLabel: bySlice, sectionHeading: 'Program' });
const WAITLISTED = rateChart({ numeratorLabel: 'Still waiting', denominatorLabel: 'Applied', xLabel: 'Still waiting at the period\'s end (% of applicants)', adverse: true, sliceLabel: bySlice, sectionHeading: 'Program' });
const SPONSORED = rateChart({ numeratorLabel: 'With a senior mentor', denominatorLabel: 'Mentees', xLabel: 'Mentor two or more levels above (% of mentees)', sliceLabel: bySlice, sectionHeading: 'Program' });
const TIME_TO_MATCH = survivalChart({ unit: 'days', xLabel: 'Days since the request', yLabel: 'Still waiting' });
const MATRIX = tableChart({ draw: (rows, d) => matrixHeatmap(rows as unknown as MatrixRow[], d), table: matrixTableSpec, empty: 'No matches were active in this period.' });
const POOL = tableChart({ draw: mentorPoolPlot, table: mentorPoolTableSpec });
const LOAD = tableChart({ draw: mentorLoadPlot, table: mentorLoadTableSpec, empty: 'No one mentored in this period.' });

/** Who gets access to mentors and sponsors, how fast, and who carries the mentoring. */
export function AccessPage() {
  return (
    <>
      <PageIntro title="Access">
        Who applies, who gets matched and how fast, who gets a senior sponsor, who is matched with whom, and whether the
        mentors and their load reflect the workforce.
      </PageIntro>
      <ChartPanel model="access_funnel" spec={FUNNEL} />
      <ChartPanel model="access_funnel" id="access_funnel_ratio" spec={FUNNEL_RATIO} title="Access funnel: impact ratio at each stage"
        question="At each stage, how does each group's share compare with the reference group's, against the four-fifths rule?" />
      <ChartPanel model="application_to_match" spec={MATCHED} />
      <ChartPanel model="waitlisting" spec={WAITLISTED} />
      <ChartPanel model="time_to_match" spec={TIME_TO_MATCH} />
      <ChartPanel model="sponsorship_access" spec={SPONSORED} />
      <ChartPanel model="cross_group_matching" spec={MATRIX} />
      <ChartPanel model="mentor_pool_representation" spec={POOL} />
      <ChartPanel model="mentor_load" spec={LOAD} />
    </>
  );
}
