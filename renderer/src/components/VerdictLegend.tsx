import { VERDICT_COLOR, VERDICT_DESCRIPTION, type VerdictKey } from '../model/verdictStyle';

const SHOWN: VerdictKey[] = ['gap', 'watch', 'no gap', 'too few to tell', 'reference'];

/** The key to the chart's colours and marks, with each verdict's meaning in a few words. */
export function VerdictLegend({ k, ratio = false }: { k: number; ratio?: boolean }) {
  return (
    <ul className="legend" aria-label="How to read the chart">
      {SHOWN.map((v) => (
        <li key={v}>
          <span className="legend-swatch" style={{ background: VERDICT_COLOR[v] }} aria-hidden="true" />
          <span>
            <strong>{v}</strong>: {VERDICT_DESCRIPTION[v]}
          </span>
        </li>
      ))}
      {ratio ? (
        <>
          <li>
            <span className="legend-rule legend-rule-gap" aria-hidden="true" />
            <span>dashed line: four fifths (0.8) of the reference rate</span>
          </li>
          <li>
            <span className="legend-rule legend-rule-solid" aria-hidden="true" />
            <span>solid line: the reference rate (1.0)</span>
          </li>
        </>
      ) : (
        <>
          <li>
            <span className="legend-rule" aria-hidden="true" />
            <span>dashed line: the reference group&rsquo;s rate</span>
          </li>
          <li>
            <span className="legend-whisker" aria-hidden="true" />
            <span>line through a dot: 95% confidence interval</span>
          </li>
        </>
      )}
      <li>
        <span>
          <em>fewer than {k}</em>: a group too small to show without identifying people
        </span>
      </li>
    </ul>
  );
}
