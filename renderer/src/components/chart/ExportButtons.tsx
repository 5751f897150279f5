import { useState, type RefObject } from 'react';
import { tableToCsv } from '../../export/csv';
import { svgFileText, svgToPng } from '../../export/chartImage';
import { downloadBlob } from '../../export/download';
import type { AnyTableSpec } from '../../tables/tableSpec';

interface Props {
  /** The drawn chart (an SVG, or a sentence when there was nothing to draw). */
  chart: RefObject<Element | null>;
  table: AnyTableSpec | null;
  k: number;
  /** File name without extension, e.g. "participation_rate_2026-Q3_gender". */
  fileBase: string;
  /** Words for the buttons' accessible names: "Participation rate". */
  what: string;
}

/**
 * Saves the chart as SVG or PNG and its table as CSV, from the chart itself. All of it comes
 * from the model result on screen, which the core has already put through disclosure
 * control, so nothing here can carry a suppressed figure.
 */
export function ExportButtons({ chart, table, k, fileBase, what }: Props) {
  const [error, setError] = useState<string | null>(null);
  const svg = () => {
    const el = chart.current;
    return el && el.tagName.toLowerCase() === 'svg' ? (el as SVGSVGElement) : null;
  };
  const run = (fn: () => Promise<void> | void) => async () => {
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(`The file could not be made (${err instanceof Error ? err.message : String(err)}).`);
    }
  };
  return (
    <div className="export" role="group" aria-label={`Save ${what}`}>
      <span className="export-label" aria-hidden="true">Save</span>
      <button type="button" data-export="svg" aria-label={`Save ${what} chart as SVG`} onClick={run(() => {
        const el = svg();
        if (!el) throw new Error('there is no chart to save');
        downloadBlob(new Blob([svgFileText(el)], { type: 'image/svg+xml' }), `${fileBase}.svg`);
      })}>SVG</button>
      <button type="button" data-export="png" aria-label={`Save ${what} chart as PNG`} onClick={run(async () => {
        const el = svg();
        if (!el) throw new Error('there is no chart to save');
        downloadBlob(await svgToPng(el), `${fileBase}.png`);
      })}>PNG</button>
      <button type="button" data-export="csv" aria-label={`Save ${what} table as CSV`} disabled={!table} onClick={run(() => {
        if (!table) return;
        downloadBlob(new Blob([tableToCsv(table, k)], { type: 'text/csv;charset=utf-8' }), `${fileBase}.csv`);
      })}>CSV</button>
      {error ? <span className="export-error" role="alert">{error}</span> : null}
    </div>
  );
}
