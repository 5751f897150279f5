import { useContext, useId, useMemo } from 'react';
import { ViewContext } from '../../data/viewContext';
import { ChartPanel } from '../../components/chart/ChartPanel';
import { PageIntro } from '../../components/PageIntro';
import { Notice } from '../../components/Notice';
import { funnelChart, rateChart } from '../specs/rateCharts';
import { tableChart } from '../specs/tableCharts';
import { stageLabel } from '../../charts/funnelPlot';
import { engagementPlot } from '../../charts/engagementPlot';
import { feedbackPlot } from '../../charts/feedbackPlot';
import { engagementTableSpec, feedbackTableSpec } from '../../tables/modelTableSpecs';

const FUNNEL = funnelChart({ numeratorLabel: 'Reached the stage', denominatorLabel: 'Eligible', xLabel: 'Reached the stage (% of eligible)', sliceLabel: stageLabel, sectionHeading: 'Stage' });
const ENGAGEMENT = tableChart({ draw: engagementPlot, table: engagementTableSpec, empty: 'No match of this program was active in the period.' });
const FEEDBACK = tableChart({ draw: feedbackPlot, table: feedbackTableSpec, empty: 'No ratings of this program in the period.' });
const GOALS = rateChart({ numeratorLabel: 'Mentees', denominatorLabel: 'Of', xLabel: 'Share of mentees', sliceLabel: (s) => s.charAt(0).toUpperCase() + s.slice(1), sectionHeading: 'Measure' });
const PARTICIPATION = rateChart({ numeratorLabel: 'Took part', denominatorLabel: 'Eligible', xLabel: 'Took part in the program (% of eligible people)', sliceLabel: (s) => s, sectionHeading: 'Program' });

const LAYER_WORDS = { formal: 'formal program', peer: 'peer network', informal: 'informal coaching' } as const;

/**
 * One program at a time: its funnel from application to completion, how much its matches
 * meet, how its conversations are rated and how its mentees progress toward their goals.
 * The program is the shared program control, so the choice is in the URL.
 */
export function ProgramsPage() {
  const { info, controls, setControls } = useContext(ViewContext)!;
  const id = useId();
  const programs = info.programs ?? [];
  const program = programs.find((p) => p.id === controls.programId) ?? programs[0];
  const extra = useMemo(() => (program ? { programId: program.id } : {}), [program]);
  if (!program) {
    return (
      <>
        <PageIntro title="Programs">One program at a time: its funnel, engagement, feedback and goals.</PageIntro>
        <Notice kind="needs-data" title="More data needed">The programs page needs programs data (import a programs file).</Notice>
      </>
    );
  }
  return (
    <>
      <PageIntro title="Programs">One program at a time: its funnel from application to completion, engagement, feedback and goals.</PageIntro>
      <div className="program-picker">
        <label htmlFor={`${id}-program`}>Program</label>
        <select id={`${id}-program`} name="program-page" value={program.id} onChange={(e) => setControls({ programId: e.target.value })}>
          {programs.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
        <p className="program-facts" data-testid="program-facts">
          A {LAYER_WORDS[program.layer]}
          {program.startDate ? <>, running from {program.startDate}{program.endDate ? ` to ${program.endDate}` : ''}</> : null}.
          {program.eligibility ? <> Eligibility: {program.eligibility.replace(/\.\s*$/, '')}.</> : null}
        </p>
      </div>
      <ChartPanel model="access_funnel" id="program_funnel" spec={FUNNEL} extra={extra} title={`${program.name}: funnel`}
        question="Of the eligible people of each group, what share applied, was matched, met regularly (3+ conversations) and completed?" />
      <ChartPanel model="participation_by_program" id="program_participation" spec={PARTICIPATION} extra={extra} title={`${program.name}: participation`} />
      <ChartPanel model="engagement" id="program_engagement" spec={ENGAGEMENT} extra={extra} title={`${program.name}: engagement`} />
      <ChartPanel model="feedback_quality" id="program_feedback" spec={FEEDBACK} extra={extra} title={`${program.name}: feedback`} />
      <ChartPanel model="goal_progress" id="program_goals" spec={GOALS} extra={extra} title={`${program.name}: goals`} />
    </>
  );
}
