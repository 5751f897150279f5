import { ChartPanel } from '../../components/chart/ChartPanel';
import { PageIntro } from '../../components/PageIntro';
import { tableChart } from '../specs/tableCharts';
import { pipelinePlot, type PipelineRow } from '../../charts/pipelinePlot';
import { representationHeatmap, type RepresentationRow } from '../../charts/representationHeatmap';
import { flowsPlot } from '../../charts/flowsPlot';
import { unknownRangePlot } from '../../charts/unknownRangePlot';
import { flowsTableSpec, pipelineTableSpec, representationTableSpec, unknownTableSpec } from '../../tables/modelTableSpecs';

const PIPELINE = tableChart({ draw: (rows, d) => pipelinePlot(rows as unknown as PipelineRow[], d), table: pipelineTableSpec, empty: 'No one was employed at the end of this period.' });
const SHARES = tableChart({ draw: (rows, d) => representationHeatmap(rows as unknown as RepresentationRow[], d), table: representationTableSpec });
const FLOWS = tableChart({ draw: flowsPlot, table: flowsTableSpec });
const UNKNOWN = tableChart({ draw: unknownRangePlot, table: unknownTableSpec });

/** Where each group is, where its representation drops, why headcounts moved, and how much is unknown. */
export function RepresentationPage() {
  return (
    <>
      <PageIntro title="Representation">
        Each group&rsquo;s share of every level, department and role, where representation drops going up, why headcounts
        changed, and how far missing demographics could move any of it.
      </PageIntro>
      <ChartPanel model="pipeline" spec={PIPELINE} />
      <ChartPanel model="representation_share" spec={SHARES} />
      <ChartPanel model="flows" spec={FLOWS} />
      <ChartPanel model="unknown_demographics" spec={UNKNOWN} />
    </>
  );
}
