/**
 * The review's stylesheet, inlined in the HTML file: A4 pages for print and PDF, one column
 * on screen. Tables repeat their header on each page and never split a row.
 */
export const REPORT_CSS = `
@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
:root { --ink: #1f2328; --muted: #57606a; --rule: #d0d7de; --gap: #D55E00; --watch: #9a6700; --bg-soft: #f6f8fa; }
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; font-size: 10.5pt; color: var(--ink); line-height: 1.4; }
body { margin: 0 auto; max-width: 190mm; padding: 0 4mm; }
h1 { font-size: 22pt; margin: 0 0 4mm; line-height: 1.15; }
h2 { font-size: 15pt; margin: 0 0 3mm; padding-bottom: 1.5mm; border-bottom: 2px solid var(--ink); }
h3 { font-size: 12pt; margin: 6mm 0 1mm; }
h4 { font-size: 10.5pt; margin: 4mm 0 1mm; }
p { margin: 0 0 2mm; }
.muted, .question, .population, .note { color: var(--muted); }
.question { font-style: italic; }
.cover { padding: 30mm 0 10mm; break-after: page; }
.cover .period { font-size: 14pt; margin-bottom: 10mm; }
.cover dl { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 6mm; margin: 0; }
.cover dt { color: var(--muted); }
.cover dd { margin: 0; }
.part { break-before: page; }
.toc ol { padding-left: 6mm; }
.block { margin-bottom: 6mm; }
.result { margin: 3mm 0 5mm; }
.result h4 { break-after: avoid; }
figure.chart { margin: 2mm 0 3mm; break-inside: avoid; }
figure.chart svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; font-size: 7.5pt; margin: 1mm 0 3mm; }
tr.group-row th { background: none; border-bottom: 1px solid var(--ink); padding-top: 2mm; }
thead { display: table-header-group; }
table.wide { table-layout: fixed; font-size: 6.5pt; }
table.wide th { white-space: normal; }
table.wide td { overflow-wrap: anywhere; }
tr { break-inside: avoid; }
th, td { text-align: left; padding: 0.8mm 1.2mm; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { background: var(--bg-soft); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.hidden-figures { color: var(--muted); font-style: italic; }
td.hash { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 7pt; word-break: break-all; }
.headlines td.rate { font-weight: 600; font-size: 10pt; }
ol.findings { padding-left: 6mm; }
ol.findings li { margin-bottom: 2mm; break-inside: avoid; }
.verdict { display: inline-block; font-size: 8pt; font-weight: 700; text-transform: uppercase; letter-spacing: 0.03em; padding: 0 1.5mm; border-radius: 1mm; border: 1px solid currentColor; margin-right: 1.5mm; }
.verdict.gap { color: var(--gap); }
.verdict.watch { color: var(--watch); }
.needs { background: var(--bg-soft); padding: 2mm 3mm; border-left: 3px solid var(--rule); }
.notes { font-size: 8.5pt; color: var(--muted); padding-left: 5mm; }
a { color: inherit; }
@media screen { body { padding: 8mm 6mm 20mm; } .part { margin-top: 14mm; } }
`;
