import * as Plot from '@observablehq/plot';
import { appendLegend } from './footnotes';
import { CHAR, INK, RULE, chartStyle, emptyChart, labelMargin, type ChartOptions } from './theme';
import { num, type ModelTableRow } from './tableRow';
import { formatCount } from '../format/numbers';

/** The flows of the flows model, in the order they stack from 0 outwards, with the colour of each (Okabe & Ito). */
export const FLOWS = [
  { key: 'hires', label: 'hires', sign: 1, color: '#009E73' },
  { key: 'promotions_in', label: 'promotions in', sign: 1, color: '#0072B2' },
  { key: 'demotions_in', label: 'demotions in', sign: 1, color: '#56B4E9' },
  { key: 'transfers_in', label: 'transfers in', sign: 1, color: '#CC79A7' },
  { key: 'other_in', label: 'other arrivals', sign: 1, color: '#8C8C8C' },
  { key: 'exits', label: 'exits', sign: -1, color: '#D55E00' },
  { key: 'promotions_out', label: 'promotions out', sign: -1, color: '#0072B2' },
  { key: 'demotions_out', label: 'demotions out', sign: -1, color: '#56B4E9' },
  { key: 'transfers_out', label: 'transfers out', sign: -1, color: '#CC79A7' },
  { key: 'other_out', label: 'other departures', sign: -1, color: '#8C8C8C' },
] as const;

const ROW = 26;
const PANEL_GAP = 34;

/**
 * Why each group's headcount at each level changed over the period: arrivals (hires,
 * promotions in, transfers in...) to the right of 0, departures to the left, one bar per
 * group in a panel per level, with the net change written at the right. Suppressed rows draw
 * nothing and say "fewer than k".
 */
export function flowsPlot(rows: readonly ModelTableRow[], opts: ChartOptions): SVGElement | HTMLElement {
  const doc = opts.document ?? document;
  if (!rows.length) return emptyChart(doc, 'No one to count.');
  const levels = [...new Set(rows.map((r) => String(r.level)))];
  const groups = [...new Set(rows.map((r) => String(r.grp)))];
  const shown = rows.filter((r) => !r.suppressed);
  const segments = shown.flatMap((r) => FLOWS.map((f) => ({
    level: String(r.level), grp: String(r.grp), flow: f.label, color: f.color, sign: f.sign, value: f.sign * (num(r[f.key]) ?? 0), n: num(r[f.key]) ?? 0,
  }))).filter((s) => s.n > 0);
  const net = shown.map((r) => ({ level: String(r.level), grp: String(r.grp), net: (num(r.headcount_end) ?? 0) - (num(r.headcount_start) ?? 0), start: num(r.headcount_start), end: num(r.headcount_end) }));
  const ext = Math.max(1, ...shown.map((r) => Math.max(
    FLOWS.filter((f) => f.sign > 0).reduce((s, f) => s + (num(r[f.key]) ?? 0), 0),
    FLOWS.filter((f) => f.sign < 0).reduce((s, f) => s + (num(r[f.key]) ?? 0), 0),
  )));
  const panel = groups.length * ROW;
  const height = PANEL_GAP + 48 + levels.length * panel + (levels.length - 1) * PANEL_GAP;
  const marginLeft = labelMargin(groups);
  const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0');

  const svg = Plot.plot({
    document: doc,
    width: Math.max(420, Math.round(opts.width)),
    height,
    marginTop: PANEL_GAP,
    marginLeft,
    marginRight: Math.round(20 + CHAR * 10),
    marginBottom: 48,
    ariaLabel: opts.ariaLabel ?? 'Headcount flows by level and group',
    ariaDescription: 'For each level and group, arrivals (hires, promotions in, transfers in) to the right of zero and departures (exits, promotions out, transfers out) to the left; '
      + `the net change is at the right; groups with fewer than ${opts.k} people are not drawn.`,
    style: chartStyle,
    fy: { domain: levels, axis: null, paddingInner: PANEL_GAP / (panel + PANEL_GAP), paddingOuter: 0 },
    x: { domain: [-ext, ext], label: '← departures · arrivals → (people)', labelAnchor: 'center', labelArrow: 'none', tickFormat: (d: number) => String(Math.abs(d)), grid: true },
    y: { type: 'band', domain: groups, label: null, tickSize: 0, padding: 0.2 },
    marks: [
      Plot.frame({ stroke: RULE }),
      Plot.text(levels, { fy: (l: string) => l, text: (l: string) => `Level ${l}`, frameAnchor: 'top-left', textAnchor: 'start', lineAnchor: 'bottom', dx: -marginLeft, dy: -10, fontWeight: 600, fill: INK }),
      Plot.ruleX([0], { stroke: INK }),
      Plot.barX(segments, Plot.stackX({
        x: 'value', y: 'grp', fy: 'level', fill: (s: { color: string }) => s.color, stroke: 'white', strokeWidth: 0.5,
        title: (s: { grp: string; level: string; flow: string; n: number }) => `${s.grp} at ${s.level}: ${formatCount(s.n)} ${s.flow}`,
      })),
      Plot.text(net, {
        y: 'grp', fy: 'level', frameAnchor: 'right', textAnchor: 'start', dx: 8, fill: INK,
        text: (n: { net: number }) => `net ${signed(n.net)}`,
        title: (n: { grp: string; level: string; start: number | null; end: number | null }) => `${n.grp} at ${n.level}: ${formatCount(n.start ?? 0)} at the start, ${formatCount(n.end ?? 0)} at the end`,
      }),
      Plot.text(rows.filter((r) => r.suppressed), {
        y: (r: ModelTableRow) => String(r.grp), fy: (r: ModelTableRow) => String(r.level), text: (r: ModelTableRow) => r.note ?? `fewer than ${opts.k}`,
        frameAnchor: 'left', textAnchor: 'start', dx: 8, fill: '#57606a', fontStyle: 'italic',
      }),
    ],
  });
  const used = FLOWS.filter((f) => segments.some((s) => s.flow === f.label));
  appendLegend(svg, used.map((f) => ({ label: `${f.sign > 0 ? '→' : '←'} ${f.label}`, color: f.color })), doc);
  return svg;
}
