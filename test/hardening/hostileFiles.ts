import { closeSync, mkdirSync, openSync, readFileSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';

/**
 * Hostile and broken files, made at test time (several are far too large to commit). Each case
 * says what it is, how it maps, and what must happen: the import fails with a message matching
 * `fails` (naming the file), or lands `lands` rows (and the rejects listed). Either way within
 * bounded time and memory, and a failed import leaves the workspace exactly as it was.
 */
export interface HostileCase {
  name: string;
  what: string;
  make(dir: string): Promise<string> | string;
  table?: 'people' | 'sessions' | 'coaching_log';
  /** mapping columns; the roster mapping by default */
  columns?: Record<string, string>;
  fails?: RegExp;
  lands?: number;
  rejects?: { row: number; column: string; reason: RegExp }[];
  /** hand the file over as an upload with this name (as the renderer does), not by its path */
  uploadName?: string;
}

export const ROSTER_COLUMNS = { person_id: 'id', snapshot_date: 'snapshot', level: 'level', gender: 'gender', department: 'department' };
const HEADER = 'id,snapshot,level,gender,department';
const good = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `H${from + i},2026-09-30,${1 + (i % 3)},${i % 2 ? 'Woman' : 'Man'},Sales`);
const text = (lines: string[]) => `${lines.join('\n')}\n`;

/** A file of `bytes` bytes written in chunks: `head`, then `fill` repeated, then `tail`. */
function bigFile(path: string, head: string, fill: Buffer, bytes: number, tail = ''): string {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, head);
    let written = head.length;
    const chunk = Buffer.alloc(Math.max(fill.length, 1 << 20));
    for (let i = 0; i < chunk.length; i++) chunk[i] = fill[i % fill.length];
    while (written < bytes) {
      const n = Math.min(chunk.length, bytes - written);
      writeSync(fd, chunk, 0, n);
      written += n;
    }
    writeSync(fd, tail);
  } finally {
    closeSync(fd);
  }
  return path;
}

/** A minimal ZIP archive (stored or deflated entries), enough to pose as an .xlsx. */
function zip(entries: { name: string; data: Buffer; deflate?: boolean; claimedSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const body = e.deflate ? deflateRawSync(e.data, { level: 9 }) : e.data;
    const name = Buffer.from(e.name);
    const size = e.claimedSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(e.deflate ? 8 : 0, 8);
    local.writeUInt32LE(0, 14); local.writeUInt32LE(body.length, 18); local.writeUInt32LE(size >>> 0, 22); local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(e.deflate ? 8 : 0, 10);
    central.writeUInt32LE(0, 16); central.writeUInt32LE(body.length, 20); central.writeUInt32LE(size >>> 0, 24); central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>';
const WORKBOOK = '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Roster" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WB_RELS = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
const RELS = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';

function workbook(sheetXml: Buffer, deflate = true, claimedSize?: number): Buffer {
  return zip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(RELS) },
    { name: 'xl/workbook.xml', data: Buffer.from(WORKBOOK) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(WB_RELS) },
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml, deflate, claimedSize },
  ]);
}

async function duck(sql: string): Promise<void> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  await c.run(sql);
  c.closeSync();
  db.closeSync();
}

const file = (dir: string, name: string, content: string | Buffer) => { const p = join(dir, name); writeFileSync(p, content); return p; };
const q = (p: string) => `'${p.replace(/'/g, "''")}'`;

export const HOSTILE: HostileCase[] = [
  // Not what the name says
  { name: 'junk.csv', what: 'random bytes named .csv', make: (d) => file(d, 'junk.csv', Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919 + 13) % 251))), fails: /junk\.csv/ },
  { name: 'image.csv', what: 'a PNG named .csv', make: (d) => file(d, 'image.csv', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(5000, 0x11)])), fails: /image\.csv/ },
  { name: 'zipbomb.xlsx', what: 'a ZIP bomb named .xlsx: a 2 GB sheet of zeros deflated to a few MB', make: (d) => file(d, 'zipbomb.xlsx', zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(256 * 2 ** 20, 0x30), deflate: true, claimedSize: 2 ** 31 }])), fails: /zipbomb\.xlsx expands to more than 160 MB/ },
  { name: 'bomb-sheet.xlsx', what: 'a well-formed workbook whose one sheet inflates to 256 MB', make: (d) => file(d, 'bomb-sheet.xlsx', workbook(Buffer.concat([Buffer.from('<worksheet><sheetData>'), Buffer.alloc(256 * 2 ** 20, 0x20), Buffer.from('</sheetData></worksheet>')]))), fails: /bomb-sheet\.xlsx expands to more than 160 MB/ },
  { name: 'laughs.xlsx', what: 'a workbook whose sheet XML defines nested entities ("billion laughs")', make: (d) => file(d, 'laughs.xlsx', workbook(Buffer.from(`<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>`))), fails: /laughs\.xlsx/ },
  { name: 'text.xlsx', what: 'plain text named .xlsx', make: (d) => file(d, 'text.xlsx', text([HEADER, ...good(3)])), fails: /text\.xlsx is named \.xlsx but is not an Excel workbook/ },
  { name: 'truncated.xlsx', what: 'the first half of a ZIP archive', make: (d) => file(d, 'truncated.xlsx', workbook(Buffer.from('<worksheet><sheetData></sheetData></worksheet>'), false).subarray(0, 300)), fails: /truncated\.xlsx/ },
  { name: 'parquet.csv', what: 'a Parquet file named .csv', make: async (d) => { const p = join(d, 'parquet.csv'); await duck(`COPY (SELECT 'H1' AS id, DATE '2026-09-30' AS snapshot, 1 AS level) TO ${q(p)} (FORMAT parquet)`); return p; }, lands: 1, columns: { person_id: 'id', snapshot_date: 'snapshot', level: 'level' } },
  { name: 'csv.parquet', what: 'a CSV named .parquet', make: (d) => file(d, 'csv.parquet', text([HEADER, ...good(3)])), fails: /csv\.parquet is named \.parquet but is not a Parquet file/ },
  { name: 'truncated.parquet', what: 'a Parquet file cut in half', make: async (d) => { const p = join(d, 'whole.parquet'); await duck(`COPY (SELECT 'H' || i AS id, DATE '2026-09-30' AS snapshot, 1 AS level FROM range(1000) t(i)) TO ${q(p)} (FORMAT parquet)`); const b = readFileSync(p); return file(d, 'truncated.parquet', b.subarray(0, Math.floor(b.length / 2))); }, fails: /truncated\.parquet could not be read/ },
  // Sizes and shapes
  { name: 'gigaline.csv', what: 'a header, then one line of 1 GiB', make: (d) => bigFile(join(d, 'gigaline.csv'), `${HEADER}\nH1,2026-09-30,1,Woman,`, Buffer.from('x'), 2 ** 30, '\n'), fails: /gigaline\.csv has a line longer than 16 MB/ },
  { name: 'million-columns.csv', what: 'a header of 1,000,000 columns', make: (d) => bigFile(join(d, 'million-columns.csv'), 'id,snapshot,level', Buffer.from(',c'), 2_000_017, '\nH1,2026-09-30,1\n'), fails: /million-columns\.csv/ },
  { name: 'huge-cell.csv', what: 'a 10 MB value in the department column (read: lines may be 16 MB)', make: (d) => file(d, 'huge-cell.csv', `${HEADER}\nH1,2026-09-30,1,Woman,${'d'.repeat(10 * 2 ** 20)}\nH2,2026-09-30,1,Man,Sales\n`), lands: 2 },
  { name: 'blank-lines.csv', what: 'three rows among a million blank lines', make: (d) => bigFile(join(d, 'blank-lines.csv'), `${HEADER}\n${good(3).join('\n')}\n`, Buffer.from(',,,,\n'), 5_000_000), lands: 3 },
  { name: 'empty.csv', what: 'an empty file', make: (d) => file(d, 'empty.csv', ''), fails: /empty\.csv is empty/ },
  { name: 'whitespace.csv', what: 'only spaces and newlines', make: (d) => file(d, 'whitespace.csv', '   \n\n  \n'), fails: /whitespace\.csv/ },
  { name: 'bom-only.csv', what: 'only a UTF-8 byte-order mark', make: (d) => file(d, 'bom-only.csv', '\uFEFF'), fails: /bom-only\.csv/ },
  { name: 'header-only.csv', what: 'a header and no rows', make: (d) => file(d, 'header-only.csv', `${HEADER}\n`), lands: 0 },
  { name: 'one-field.csv', what: 'an unterminated quote at the start: the whole file one field', make: (d) => file(d, 'one-field.csv', `"${HEADER}\n${good(50).join('\n')}\n`), fails: /one-field\.csv/ },
  // Text that is not text
  { name: 'bad-utf8.csv', what: 'a byte sequence that is not UTF-8 in one value', make: (d) => file(d, 'bad-utf8.csv', Buffer.concat([Buffer.from(`${HEADER}\nH1,2026-09-30,1,Woman,Sa`), Buffer.from([0xc3, 0x28]), Buffer.from('les\nH2,2026-09-30,2,Man,Sales\n')])), lands: 2 },
  { name: 'bad-utf8-header.csv', what: 'invalid UTF-8 in the header', make: (d) => file(d, 'bad-utf8-header.csv', Buffer.concat([Buffer.from('id,snapshot,level,gender,dep'), Buffer.from([0xff, 0xfe, 0xfd]), Buffer.from(`\n${good(2).join('\n')}\n`)])), columns: { person_id: 'id', snapshot_date: 'snapshot', level: 'level' }, lands: 2 },
  { name: 'nul-bytes.csv', what: 'NUL bytes inside values', make: (d) => file(d, 'nul-bytes.csv', `${HEADER}\nH1,2026-09-30,1,Wo\u0000man,Sales\nH2\u0000,2026-09-30,1,Man,Sales\n`), lands: 2 },
  { name: 'utf16.csv', what: 'UTF-16 LE with a BOM (Excel "Unicode text")', make: (d) => file(d, 'utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text([HEADER, ...good(3)]), 'utf16le')])), lands: 3 },
  { name: 'ansi.csv', what: 'terminal escape sequences in values', make: (d) => file(d, 'ansi.csv', `${HEADER}\nH1,2026-09-30,1,\u001b[31mWoman\u001b[0m,Sales\nH2,2026-09-30,nine\u001b[2J,Man,Sales\n`), lands: 1, rejects: [{ row: 3, column: 'level', reason: /level/ }] },
  // Values at the edges
  { name: 'year-0.csv', what: 'dates in year 0', make: (d) => file(d, 'year-0.csv', text([HEADER, 'H1,0000-01-01,1,Woman,Sales', ...good(2, 2)])), lands: 2, rejects: [{ row: 2, column: 'snapshot', reason: /date/ }] },
  { name: 'year-9999.csv', what: 'dates in year 9999', make: (d) => file(d, 'year-9999.csv', text([HEADER, 'H1,9999-12-31,1,Woman,Sales', ...good(2, 2)])), lands: 2, rejects: [{ row: 2, column: 'snapshot', reason: /date/ }] },
  { name: 'impossible-date.csv', what: 'February 30th', make: (d) => file(d, 'impossible-date.csv', text([HEADER, 'H1,2026-02-30,1,Woman,Sales', ...good(2, 2)])), lands: 2, rejects: [{ row: 2, column: 'snapshot', reason: /date/ }] },
  { name: 'huge-level.csv', what: 'a level number with 30 digits', make: (d) => file(d, 'huge-level.csv', text([HEADER, `H1,2026-09-30,${'9'.repeat(30)},Woman,Sales`, ...good(2, 2)])), lands: 2, rejects: [{ row: 2, column: 'level', reason: /level/ }] },
  { name: 'negative-minutes.csv', what: 'a session of -30 minutes', table: 'sessions', columns: { session_id: 'session', date: 'date', layer: 'layer', duration_minutes: 'minutes' }, make: (d) => file(d, 'negative-minutes.csv', text(['session,date,layer,minutes', 'S1,2026-08-01,peer,-30', 'S2,2026-08-02,peer,45'])), lands: 1, rejects: [{ row: 2, column: 'minutes', reason: /out of range \(0 to 1440\)/ }] },
  { name: 'term-before-hire.csv', what: 'a termination before the hire date', columns: { ...ROSTER_COLUMNS, hire_date: 'hire', termination_date: 'term' }, make: (d) => file(d, 'term-before-hire.csv', text([`${HEADER},hire,term`, 'H1,2026-09-30,1,Woman,Sales,2024-05-01,2023-01-01', 'H2,2026-09-30,1,Man,Sales,2024-05-01,'])), lands: 1, rejects: [{ row: 2, column: 'term', reason: /before/ }] },
  // Content that must stay inert
  { name: 'formulas.csv', what: 'spreadsheet formulas in text fields', make: (d) => file(d, 'formulas.csv', text([HEADER, 'H1,2026-09-30,1,Woman,"=HYPERLINK(""http://x"",""y"")"', 'H2,2026-09-30,1,Man,+cmd|\' /C calc\'!A0', 'H3,2026-09-30,1,Man,@SUM(A1:A9)', 'H4,2026-09-30,1,Woman,-2+3'])), lands: 4 },
  { name: 'html.csv', what: 'HTML and script in text fields', make: (d) => file(d, 'html.csv', text([HEADER, 'H1,2026-09-30,1,<img src=x onerror=alert(1)>,<script>alert(1)</script>', ...good(6, 2)])), lands: 7 },
  { name: 'sql-header.csv', what: 'SQL in a column name, mapped as the person id', columns: { ...ROSTER_COLUMNS, person_id: 'id"); DROP TABLE people; --' }, make: (d) => file(d, 'sql-header.csv', text(['"id""); DROP TABLE people; --",snapshot,level,gender,department', ...good(3)])), lands: 3 },
  { name: 'quotes-header.csv', what: 'quotes, backslashes and a newline in column names', columns: { ...ROSTER_COLUMNS, level: 'le\\"v\nel\'' }, make: (d) => file(d, 'quotes-header.csv', text(['id,snapshot,"le\\""v\nel\'",gender,department', ...good(3)])), lands: 3 },
  { name: 'dup-columns.csv', what: 'two columns with the same name', make: (d) => file(d, 'dup-columns.csv', text(['id,snapshot,level,gender,department,level', ...good(3).map((l) => `${l},7`)])), fails: /dup-columns\.csv: the header has the column "level" twice, as columns 3 \(C\) and 6 \(F\)/ },
  { name: 'empty-colnames.csv', what: 'columns without names', make: (d) => file(d, 'empty-colnames.csv', text([`${HEADER},,`, ...good(3).map((l) => `${l},a,b`)])), lands: 3 },
  // Paths and names
  { name: 'escape.csv', what: 'an upload named ../../escape.csv, climbing out of its folder', uploadName: '../../escape.csv', make: (d) => file(d, 'escape.csv', text([HEADER, ...good(2)])), lands: 2 },
  { name: 'control-name.csv', what: 'an upload whose name holds control characters and a NUL', uploadName: 'con\u0000trol\u001b[2Jname.csv', make: (d) => file(d, 'control-name.csv', text([HEADER, ...good(2)])), lands: 2 },
  { name: 'missing.csv', what: 'a file that does not exist', make: (d) => join(d, 'no-such-file.csv'), fails: /no-such-file\.csv cannot be read/ },
  { name: 'folder.csv', what: 'a folder named .csv', make: (d) => { const p = join(d, 'folder.csv'); mkdirSync(p, { recursive: true }); return p; }, fails: /folder\.csv is not a file/ },
  { name: 'zero.csv', what: 'a link to /dev/zero named .csv (an endless file)', make: (d) => { const p = join(d, 'zero.csv'); symlinkSync('/dev/zero', p); return p; }, fails: /zero\.csv is not a file/ },
  // JSON
  { name: 'scalar.json', what: 'JSON that is a single number', make: (d) => file(d, 'scalar.json', '42\n'), fails: /scalar\.json/ },
  { name: 'deep.json', what: 'JSON nested 100,000 levels deep', make: (d) => file(d, 'deep.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`), fails: /deep\.json nests values more than 64 levels deep/ },
  { name: 'broken.ndjson', what: 'NDJSON with a broken line in the middle', make: (d) => file(d, 'broken.ndjson', text(['{"id":"H1","snapshot":"2026-09-30","level":1}', '{"id":"H2","snapshot":', '{"id":"H3","snapshot":"2026-09-30","level":2}'])), columns: { person_id: 'id', snapshot_date: 'snapshot', level: 'level' }, fails: /broken\.ndjson/ },
  { name: 'big-string.json', what: 'a JSON array with a 100 MB string value', make: (d) => bigFile(join(d, 'big-string.json'), '[{"id":"H1","snapshot":"2026-09-30","level":1,"gender":"', Buffer.from('w'), 100 * 2 ** 20, '"}]'), columns: { person_id: 'id', snapshot_date: 'snapshot', level: 'level', gender: 'gender' }, fails: /big-string\.json/ },
];
