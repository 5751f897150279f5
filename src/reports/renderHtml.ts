import type { ReviewPack, ModelBlock, PackResult, PackFinding, Headline } from './packSchema';
import { displayTable, tableId, type DisplayTable } from './displayTable';
import { ChartRenderer } from './charts';
import { REPORT_CSS } from './reportCss';
import { formatInterval, formatPercent, formatPp, formatCount } from './format';
import { formatPeriodDays } from '../../renderer/src/format/labels';
import { EVERYONE_DIMENSION } from './everyone';

/**
 * No script, no request: the file opens offline in any browser and prints the same. Inline
 * styles stay allowed because the charts (Observable Plot's SVG) carry style attributes.
 */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ESC[c]);

const dimLabel = (pack: ReviewPack, d: string) => pack.dimensions.find((x) => x.name === d)?.label ?? d;

/** The review pack as one self-contained HTML file (inline CSS and SVG charts, strict CSP). */
export function renderReviewHtml(pack: ReviewPack): string {
  const charts = new ChartRenderer();
  try {
    const body = [
      cover(pack),
      contents(pack),
      summary(pack),
      findings(pack),
      ...pack.sections.map((s) => `<section class="part area" id="${s.id}"><h2>${esc(s.title)}</h2><p class="muted">${esc(s.intro)}</p>${s.blocks.map((b) => block(pack, b, charts)).join('\n')}</section>`),
      methodologyPart(pack),
      provenancePart(pack),
    ].join('\n');
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Pathways ${esc(pack.provenance.appVersion)}">
<title>${esc(pack.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${body}
</body>
</html>
`;
  } finally {
    charts.close();
  }
}

function cover(pack: ReviewPack): string {
  const s = pack.settings;
  return `<header class="cover">
<h1>${esc(pack.title)}</h1>
<p class="period">${esc(pack.period.label)}: ${esc(formatPeriodDays(pack.period.start, pack.period.end))}</p>
<dl>
<dt>Workspace</dt><dd>${esc(pack.provenance.workspaceName)}</dd>
<dt>Broken down by</dt><dd>${esc(pack.dimensions.map((d) => d.label).join(', '))}</dd>
<dt>Compared with</dt><dd>${esc(pack.comparePeriod)} (last quarter) and ${esc(pack.yearAgoPeriod)} (a year earlier)</dd>
<dt>Pooled view</dt><dd>${esc(pack.pooledPeriods[0])} to ${esc(pack.pooledPeriods[pack.pooledPeriods.length - 1])}</dd>
<dt>Minimum cell size</dt><dd>k = ${s.k}: no figure about fewer than ${s.k} people</dd>
<dt>Generated</dt><dd>${esc(pack.provenance.generatedAt)} by Pathways ${esc(pack.provenance.appVersion)}</dd>
</dl>
</header>`;
}

function contents(pack: ReviewPack): string {
  const items = [['summary', 'Executive summary'], ['findings', 'Findings'], ...pack.sections.map((s) => [s.id, s.title]), ['methodology', 'Methodology'], ['provenance', 'Provenance']];
  return `<nav class="toc"><h2>Contents</h2><ol>${items.map(([id, t]) => `<li><a href="#${id}">${esc(t)}</a></li>`).join('')}</ol></nav>`;
}

function headlineRow(h: Headline, pack: ReviewPack): string {
  if (h.needs) return `<tr><td>${esc(h.label)}</td><td colspan="4" class="hidden-figures">${esc(h.needs)}</td></tr>`;
  if (h.suppressed || h.rate === null) return `<tr data-suppressed="true"><td>${esc(h.label)}</td><td colspan="4" class="hidden-figures">fewer than ${pack.settings.k}</td></tr>`;
  const change = (d: number | null) => (d === null ? '<td class="num muted">–</td>' : `<td class="num">${esc(formatPp(d))}</td>`);
  return `<tr><td>${esc(h.label)}</td><td class="num rate">${esc(formatPercent(h.rate))}</td><td class="num">${formatCount(h.numerator!)} of ${formatCount(h.denominator!)}<br><span class="muted">95% CI ${esc(formatInterval(h.ciLower!, h.ciUpper!))}</span></td>${change(h.deltaComparePp)}${change(h.deltaYearPp)}</tr>`;
}

function summary(pack: ReviewPack): string {
  const gaps = pack.findings.filter((f) => f.verdict === 'gap').length;
  const top = pack.findings.slice(0, 5);
  return `<section class="part" id="summary"><h2>Executive summary</h2>
<p>Organisation-wide figures for ${esc(pack.period.label)}, with the change in percentage points since ${esc(pack.comparePeriod)} and since ${esc(pack.yearAgoPeriod)}.</p>
<table class="headlines"><thead><tr><th>Figure</th><th class="num">${esc(pack.period.label)}</th><th class="num">People</th><th class="num">Since ${esc(pack.comparePeriod)}</th><th class="num">Since ${esc(pack.yearAgoPeriod)}</th></tr></thead>
<tbody>${pack.headlines.map((h) => headlineRow(h, pack)).join('\n')}</tbody></table>
<p>${pack.findings.length === 0
    ? `No comparison of the ${pack.comparisonsWeighed} weighed reached significance after adjustment (q &lt; 0.05): no finding this period.`
    : `${pack.findings.length} finding${pack.findings.length === 1 ? '' : 's'} (${gaps} gap${gaps === 1 ? '' : 's'}) from ${pack.comparisonsWeighed} comparisons weighed together. The largest and most certain:`}</p>
${top.length ? `<ol class="findings">${top.map((f) => findingItem(f)).join('\n')}</ol>` : ''}
</section>`;
}

const findingItem = (f: PackFinding) =>
  `<li data-finding="${esc(f.id)}"><span class="verdict ${f.verdict}">${f.verdict}</span>${esc(f.sentence)} <a href="#${esc(resultAnchor(f.model, f.dimension, f.window))}" class="muted">(chart and table)</a></li>`;

function findings(pack: ReviewPack): string {
  return `<section class="part" id="findings"><h2>Findings</h2>
<p class="muted">Ranked by size and confidence. Each needs q &lt; 0.05 after adjusting all ${pack.comparisonsWeighed} comparisons of this review together; none comes from a group of fewer than ${pack.settings.k}. A "gap" also fails the four-fifths rule.</p>
${pack.findings.length ? `<ol class="findings">${pack.findings.map(findingItem).join('\n')}</ol>` : '<p>No finding this period.</p>'}
</section>`;
}

const resultAnchor = (model: string, dimension: string, window: string) => `r-${model}-${dimension}-${window}`.replace(/[^A-Za-z0-9_-]/g, '_');

function block(pack: ReviewPack, b: ModelBlock, charts: ChartRenderer): string {
  const head = `<h3>${esc(b.title)}</h3><p class="question">${esc(b.question)}</p>${b.population ? `<p class="population">Population: ${esc(b.population)}</p>` : ''}`;
  if (b.needs) return `<div class="block" id="m-${b.model}" data-model="${b.model}">${head}<p class="needs">Not shown: this model ${esc(b.needs)}.</p></div>`;
  const results = b.results.filter((r) => r.dimension !== EVERYONE_DIMENSION).map((r) => result(pack, b, r, charts)).join('\n');
  return `<div class="block" id="m-${b.model}" data-model="${b.model}">${head}${results}</div>`;
}

function result(pack: ReviewPack, b: ModelBlock, r: PackResult, charts: ChartRenderer): string {
  const svg = charts.render(b, r, pack.settings.k);
  const table = displayTable(b, r);
  const heading = r.window === 'pooled'
    ? `By ${dimLabel(pack, r.dimension).toLowerCase()}, the four quarters ${r.windowLabel} pooled`
    : `By ${dimLabel(pack, r.dimension).toLowerCase()}, ${r.windowLabel}`;
  const notes = r.notes.length ? `<ul class="notes">${r.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : '';
  return `<div class="result" id="${resultAnchor(b.model, r.dimension, r.window)}" data-model="${esc(b.model)}" data-dimension="${esc(r.dimension)}" data-window="${r.window}">
<h4>${esc(heading)}</h4>
${svg ? `<figure class="chart" data-chart="${esc(b.model)}">${svg}</figure>` : ''}
${tableHtml(table, pack.settings.k)}
${notes}
</div>`;
}

export function tableHtml(t: DisplayTable, k: number): string {
  const head = `<thead><tr>${t.columns.map((c) => `<th${c.numeric ? ' class="num"' : ''}>${esc(c.label)}</th>`).join('')}</tr></thead>`;
  const ids = t.columns.filter((c) => c.identifies);
  const rest = t.columns.length - ids.length;
  let group: string | null = null;
  const rows = t.rows.map((r) => {
    const heading = t.groupBy && t.groupBy.text(r) !== group ? `<tr class="group-row"><th colspan="${t.columns.length}">${esc((group = t.groupBy.text(r)))}</th></tr>\n` : '';
    return heading + rowHtml(r);
  }).join('\n');
  return `<table data-table="${esc(t.id)}"${t.columns.length > 10 ? ' class="wide"' : ''}>${head}<tbody>\n${rows}\n</tbody></table>`;

  function rowHtml(r: DisplayTable['rows'][number]): string {
    const attrs = ` data-table="${esc(t.id)}"${r.slice !== undefined ? ` data-slice="${esc(String(r.slice))}"` : ''}${r.grp !== undefined ? ` data-grp="${esc(String(r.grp))}"` : ''}`;
    if (r.suppressed) {
      // Only the row's labels and the note: the row holds no figure, and shows none.
      return `<tr data-suppressed="true"${attrs}>${ids.map((c) => `<td>${esc(c.text(r))}</td>`).join('')}<td colspan="${Math.max(1, rest)}" class="hidden-figures">${esc(String(r.note ?? `fewer than ${k}`))}</td></tr>`;
    }
    return `<tr${attrs}>${t.columns.map((c) => `<td${c.numeric ? ' class="num"' : ''}>${esc(c.text(r))}</td>`).join('')}</tr>`;
  }
}

function methodologyPart(pack: ReviewPack): string {
  const m = pack.methodology;
  return `<section class="part" id="methodology"><h2>Methodology</h2>
${m.paragraphs.map((p) => `<h4>${esc(p.heading)}</h4><p>${esc(p.text)}</p>`).join('\n')}
<h3>Definitions</h3>
<table><thead><tr><th>Figure</th><th>Question</th><th>Population</th><th>Model file</th></tr></thead><tbody>
${m.definitions.map((d) => `<tr><td>${esc(d.title)}</td><td>${esc(d.question)}</td><td>${esc(d.population ?? '')}</td><td>${esc(d.file)}</td></tr>`).join('\n')}
</tbody></table>
<h3>Reference groups</h3>
<table><thead><tr><th>Model</th><th>Dimension</th><th>Slice</th><th>Reference group</th></tr></thead><tbody>
${m.references.map((x) => `<tr><td>${esc(x.model)}</td><td>${esc(x.dimension)}</td><td>${esc(x.slice)}</td><td>${esc(x.group)}</td></tr>`).join('\n')}
</tbody></table>
</section>`;
}

function provenancePart(pack: ReviewPack): string {
  const p = pack.provenance;
  return `<section class="part" id="provenance"><h2>Provenance</h2>
<p>Generated ${esc(p.generatedAt)} by Pathways ${esc(p.appVersion)} (workspace schema ${p.schemaVersion}) from the workspace ${esc(p.workspaceName)}. Settings: period ${esc(pack.settings.period)}, dimensions ${esc(pack.settings.dimensions.join(', '))}, k = ${pack.settings.k}, reference ${esc(pack.methodology.reference)}.</p>
<h3>Input files</h3>
<table><thead><tr><th>#</th><th>File</th><th>Table</th><th class="num">Rows</th><th class="num">Rejected</th><th>Snapshot</th><th>Imported</th><th>sha256</th></tr></thead><tbody>
${p.inputs.map((i) => `<tr><td>${i.importId}</td><td>${esc(i.fileName)}</td><td>${esc(i.table)}</td><td class="num">${i.rowCount}</td><td class="num">${i.rejectedCount}</td><td>${esc(i.snapshotDate ?? '')}</td><td>${esc(i.importedAt)}</td><td class="hash">${esc(i.fileHash)}</td></tr>`).join('\n')}
</tbody></table>
<h3>Model versions</h3>
<table><thead><tr><th>Model</th><th>File</th><th>sha256 of the SQL</th></tr></thead><tbody>
${p.models.map((m) => `<tr><td>${esc(m.name)}</td><td>${esc(m.file)}</td><td class="hash">${esc(m.sha256)}</td></tr>`).join('\n')}
<tr><td>shared macros</td><td>queries/_lib</td><td class="hash">${esc(p.libSha256)}</td></tr>
</tbody></table>
</section>`;
}

export { tableId };
