import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import type { ZipSurvey } from './zipGuard';

/**
 * The cells of one sheet, at or below a row, whose value the XLSX reader cannot give: formulas
 * with no saved result (workbooks written by scripts, e.g. openpyxl, store the formula and
 * leave computing it to Excel) and formula errors (#N/A, #DIV/0!). The reader returns both as
 * empty cells, which would land as missing values without a word.
 */
export function unreadableCells(path: string, sheet: string, fromRow: number, survey: ZipSurvey): { uncomputed: string[]; errors: string[] } {
  const text = (name: string) => {
    const bytes = survey.kept.get(name);
    return bytes ? strFromU8(bytes) : '';
  };
  const xmlName = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
  const rid = [...text('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)]
    .map((m) => ({ name: /\bname="([^"]*)"/.exec(m[0])?.[1], id: /\br:id="([^"]*)"/.exec(m[0])?.[1] }))
    .find((s) => s.name !== undefined && xmlName(s.name) === sheet)?.id;
  const target = rid ? [...text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)]
    .map((m) => ({ id: /\bId="([^"]*)"/.exec(m[0])?.[1], target: /\bTarget="([^"]*)"/.exec(m[0])?.[1] }))
    .find((r) => r.id === rid)?.target : undefined;
  const entry = target ? (target.startsWith('/') ? target.slice(1) : `xl/${target}`) : '';
  const uncomputed: string[] = [];
  const errors: string[] = [];
  // Most exports hold no formula at all: their sheet is neither inflated again nor walked cell
  // by cell (the expansion check saw its XML).
  if (!survey.withFormulas.has(entry)) return { uncomputed, errors };
  const files = unzipSync(readFileSync(path), { filter: (f) => f.name === entry });
  const xml = files[entry] ? strFromU8(files[entry]) : '';
  for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const ref = /\br="([A-Z]+)(\d+)"/.exec(m[1]);
    if (!ref || Number(ref[2]) < fromRow) continue;
    const body = m[2] ?? '';
    if (/<f\b/.test(body) && !/<v>[^<]/.test(body) && !/\bt="inlineStr"/.test(m[1])) uncomputed.push(ref[1] + ref[2]);
    else if (/\bt="e"/.test(m[1])) errors.push(ref[1] + ref[2]);
  }
  return { uncomputed, errors };
}
