import { useContext, useMemo } from 'react';
import { ViewContext } from '../../data/viewContext';
import { ChartPanel } from '../../components/chart/ChartPanel';
import { PageIntro } from '../../components/PageIntro';
import { impactChart, rateChart, trendChart, trendPeriods } from '../specs/rateCharts';
import { tableChart } from '../specs/tableCharts';
import { survivalChart } from '../specs/survivalCharts';
import { liftPlot } from '../../charts/liftPlot';
import { liftTableSpec } from '../../tables/modelTableSpecs';

const PROMOTION = { numeratorLabel: 'Promoted', denominatorLabel: 'Headcount at the start', xLabel: 'Promoted in the period (% of headcount at its start)', sectionHeading: 'Level at the start' };
const PROMOTED = rateChart(PROMOTION);
const PROMOTED_RATIO = impactChart(PROMOTION);
const EXITS = rateChart({ numeratorLabel: 'Left', denominatorLabel: 'Headcount at the start', xLabel: 'Left in the period (% of headcount at its start)', adverse: true, sectionHeading: 'Level at the start' });
const ATTRITION = rateChart({ numeratorLabel: 'Left', denominatorLabel: 'Headcount a year earlier', xLabel: 'Left within 12 months (% of headcount a year earlier)', adverse: true });
const TIME_IN_LEVEL = survivalChart({ unit: 'years', xLabel: 'Years in level', yLabel: 'Not yet promoted' });
const LIFT = tableChart({ draw: liftPlot, table: liftTableSpec, empty: 'No participants to compare in this window.' });

/** Who is promoted, how long they wait, who leaves, and how participants fare. */
export function ProgressionPage() {
  const { info } = useContext(ViewContext)!;
  const trend = useMemo(() => trendChart({ ...PROMOTION, slice: 'all', periods: (review) => trendPeriods(info.periods, review) }), [info.periods]);
  return (
    <>
      <PageIntro title="Progression">
        Outcomes, not just activities: who is promoted and how long they wait in a level, who leaves, and how mentorship
        participants fare against comparable colleagues.
      </PageIntro>
      <ChartPanel model="promotion_rate" spec={PROMOTED} />
      <ChartPanel model="promotion_rate" id="promotion_rate_ratio" spec={PROMOTED_RATIO} title="Promotion rate: impact ratios"
        question="How does each group's promotion rate compare with the reference group's, overall and at each level, against the four-fifths rule?" />
      <ChartPanel model="promotion_rate" id="promotion_rate_trend" spec={trend} requests={trend.requests} title="Promotion rate by quarter"
        question="How has each group's promotion rate moved over the last eight quarters?" />
      <ChartPanel model="time_to_promotion" spec={TIME_IN_LEVEL} />
      <ChartPanel model="exits" spec={EXITS} />
      <ChartPanel model="attrition_12m" spec={ATTRITION} />
      <ChartPanel model="program_outcomes" spec={LIFT}
        lead="An association, not a causal effect: people who take part in mentorship may differ in ways the comparison does not capture." />
    </>
  );
}
