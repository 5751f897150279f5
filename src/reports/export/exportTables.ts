import type { CellValue, ReviewPack } from '../packSchema';
import { displayTable, exportColumns } from '../displayTable';
import { EVERYONE_DIMENSION } from '../everyone';

/** One table of the pack, flattened for a spreadsheet: a header row and rows of raw values. */
export interface ExportTable {
  /** Short, unique, file- and sheet-safe name. */
  name: string;
  title: string;
  header: string[];
  rows: CellValue[][];
}

/**
 * Every table the review shows, as raw values: the headline figures, the findings, each
 * model's table per dimension and window, and the provenance. Suppressed rows keep their labels
 * and the note "fewer than k"; their figures are empty, as they are in the model's output.
 */
export function exportTables(pack: ReviewPack): ExportTable[] {
  const tables: ExportTable[] = [];
  tables.push({
    name: 'summary', title: `Headline figures, ${pack.period.label}`,
    header: ['Figure', 'Model', 'With outcome', 'People', 'Rate', 'CI lower', 'CI upper', `Rate ${pack.comparePeriod}`, 'Change (pp)', `Rate ${pack.yearAgoPeriod}`, 'Change in a year (pp)', 'Note'],
    rows: pack.headlines.map((h) => [h.label, h.model, h.numerator, h.denominator, h.rate, h.ciLower, h.ciUpper, h.rateCompare, h.deltaComparePp, h.rateYearAgo, h.deltaYearPp,
      h.needs ?? (h.suppressed ? `fewer than ${pack.settings.k}` : null)]),
  });
  tables.push({
    name: 'findings', title: 'Findings, ranked',
    header: ['Rank', 'Verdict', 'Finding', 'Model', 'Dimension', 'Window', 'Slice', 'Group', 'Compared with', 'Ratio', 'Test', 'p', 'q'],
    rows: pack.findings.map((f, i) => [i + 1, f.verdict, f.sentence, f.model, f.dimension, f.window, f.slice, f.group, f.comparedWith, f.ratio, f.test, f.p, f.q]),
  });
  for (const section of pack.sections) {
    for (const block of section.blocks) {
      for (const result of block.results) {
        if (result.dimension === EVERYONE_DIMENSION) continue;
        const t = displayTable(block, result);
        const cols = exportColumns(t, block.kind);
        tables.push({ name: t.id, title: t.title, header: cols.map((c) => c.label), rows: t.rows.map((r) => cols.map((c) => c.value(r))) });
      }
    }
  }
  tables.push({
    name: 'inputs', title: 'Input files',
    header: ['Import', 'File', 'Table', 'Format', 'Rows', 'Rejected', 'Snapshot date', 'Imported at', 'sha256'],
    rows: pack.provenance.inputs.map((i) => [i.importId, i.fileName, i.table, i.fileFormat, i.rowCount, i.rejectedCount, i.snapshotDate, i.importedAt, i.fileHash]),
  });
  tables.push({
    name: 'models', title: `Model versions (Pathways ${pack.provenance.appVersion})`,
    header: ['Model', 'File', 'sha256'],
    rows: [...pack.provenance.models.map((m) => [m.name, m.file, m.sha256]), ['shared macros', 'queries/_lib', pack.provenance.libSha256]],
  });
  return tables;
}

