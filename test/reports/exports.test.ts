import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { Workspace } from '../../src/workspace/workspace';
import { addLabelMerge } from '../../src/workspace/settings';
import { buildReviewPack } from '../../src/reports/buildPack';
import { exportReport } from '../../src/reports/exportReport';
import { neutralizeFormula } from '../../src/reports/export/formulaGuard';
import { csvField } from '../../src/reports/export/exportCsv';
import type { ReviewPack } from '../../src/reports/packSchema';
import { tempDir } from '../helpers/tempWorkspace';
import { loadReports, PERIOD } from './fixture';

/** RFC 4180 parser for the test: quoted fields, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; } else if (ch === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; } else field += ch;
  }
  return rows;
}

// Labels that a spreadsheet would run as formulas, brought in the way a user would: label merges.
const LABELS = { Woman: '=HYPERLINK("http://example.invalid/x","open")', Man: '+1+1', Alpha: '@SUM(A1)', Beta: '-2+3' };

let ws: Workspace;
let pack: ReviewPack;
const tmp = tempDir();

beforeAll(async () => {
  ws = await Workspace.open(join(tmp.dir, 'w.duckdb'));
  await loadReports(ws);
  await addLabelMerge(ws, { dimension: 'gender', from: 'Woman', to: LABELS.Woman });
  await addLabelMerge(ws, { dimension: 'gender', from: 'Man', to: LABELS.Man });
  await addLabelMerge(ws, { dimension: 'race_ethnicity', from: 'Alpha', to: LABELS.Alpha });
  await addLabelMerge(ws, { dimension: 'race_ethnicity', from: 'Beta', to: LABELS.Beta });
  ({ pack } = await buildReviewPack(ws, { period: PERIOD }, { now: new Date('2025-07-15T09:30:00Z') }));
}, 120_000);
afterAll(() => { ws.close(); tmp.cleanup(); });

const FORMULA = /^[=+\-@\t\r]/;

describe('the formula guard', () => {
  it.each([['=1+1'], ['+1'], ['-1'], ['@A1'], ['\tx'], ['\rx']])('puts an apostrophe before %j', (s) => {
    expect(neutralizeFormula(s)).toBe(`'${s}`);
  });
  it('leaves other text and numbers as they are', () => {
    expect(neutralizeFormula('Woman')).toBe('Woman');
    expect(neutralizeFormula('a=b')).toBe('a=b');
    expect(csvField(-2.5)).toBe('-2.5');
    expect(csvField('-2.5')).toBe("'-2.5");
    expect(csvField('say "hi", then =go')).toBe('"say ""hi"", then =go"');
    expect(csvField(null)).toBe('');
  });
});

describe('CSV export', () => {
  let files: Record<string, string>;
  beforeAll(async () => {
    const file = await exportReport(pack, 'csv');
    expect(file.fileName).toBe('pathways-review-2025-Q2.csv.zip');
    expect(file.mediaType).toBe('application/zip');
    files = Object.fromEntries(Object.entries(unzipSync(file.bytes)).map(([n, b]) => [n, strFromU8(b).replace(/^\uFEFF/, '')]));
  });

  it('is one zip with one CSV per table and a contents file naming them', () => {
    const contents = parseCsv(files['contents.csv']);
    expect(contents[0]).toEqual(['File', 'Table']);
    expect(contents.slice(1).map((r) => r[0]).sort()).toEqual(Object.keys(files).filter((n) => n !== 'contents.csv').sort());
    expect(contents[1]).toEqual(['01-summary.csv', 'Headline figures, 2025-Q2']);
    expect(Object.keys(files)).toContain('02-findings.csv');
  });

  it('neutralizes every text cell a spreadsheet could take for a formula, and keeps the numbers', () => {
    const name = Object.keys(files).find((n) => n.endsWith('-participation_rate-gender-quarter.csv'))!;
    const rows = parseCsv(files[name]);
    expect(rows[0].slice(0, 4)).toEqual(['Slice', 'Group', 'With outcome', 'People']);
    const all = rows.filter((r) => r[0] === 'all');
    expect(all.map((r) => [r[1], r[2], r[3]])).toEqual([[`'${LABELS.Man}`, '20', '30'], [`'${LABELS.Woman}`, '10', '30']]);
    const race = parseCsv(files[Object.keys(files).find((n) => n.endsWith('-participation_rate-race_ethnicity-quarter.csv'))!]);
    expect(race.filter((r) => r[0] === 'all').map((r) => r[1]).sort()).toEqual([`'${LABELS.Beta}`, `'${LABELS.Alpha}`].sort());
    // Across every file, a cell starting like a formula is a number as written, never text.
    for (const [n, text] of Object.entries(files)) {
      for (const cell of parseCsv(text).flat()) {
        if (FORMULA.test(cell)) expect(Number.isFinite(Number(cell)), `${n}: ${JSON.stringify(cell)}`).toBe(true);
      }
    }
  });
});

describe('XLSX export', () => {
  let sheets: { sheet: string; data: unknown[][] }[];
  beforeAll(async () => {
    const file = await exportReport(pack, 'xlsx');
    expect(file.fileName).toBe('pathways-review-2025-Q2.xlsx');
    const path = join(tmp.dir, 'review.xlsx');
    writeFileSync(path, file.bytes);
    sheets = (await readXlsxFile(path)) as unknown as { sheet: string; data: unknown[][] }[];
  });

  it('has a contents sheet naming one sheet per table, each with its header', () => {
    expect(sheets[0].sheet).toBe('Contents');
    expect(sheets[0].data.slice(1).map((r) => r[0])).toEqual(sheets.slice(1).map((s) => s.sheet));
    expect(sheets.every((s) => s.sheet.length <= 31)).toBe(true);
    expect(sheets[1].data[0][0]).toBe('Figure');
  });

  it('stores labels that look like formulas as neutralized text, and figures as numbers', () => {
    const title = sheets[0].data.find((r) => String(r[1]).startsWith('Participation rate, by gender, 2025-Q2'))!;
    const sheet = sheets.find((s) => s.sheet === title[0])!;
    const all = sheet.data.filter((r) => r[0] === 'all');
    expect(all.map((r) => [r[1], r[2], r[3]])).toEqual([[`'${LABELS.Man}`, 20, 30], [`'${LABELS.Woman}`, 10, 30]]);
    for (const s of sheets) {
      for (const cell of s.data.flat()) {
        if (typeof cell === 'string') expect(FORMULA.test(cell), `${s.sheet}: ${JSON.stringify(cell)}`).toBe(false);
      }
    }
  });
});
