import { describe, it, expect, afterAll } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../helpers/runCli';
import { tempDir } from '../helpers/tempWorkspace';

// `pathways fiscal-year` on a workspace file: shows January by default, sets April, and the
// periods `info` lists become the fiscal year's quarters (a 2025-06-30 roster is FY2026-Q1).

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('pathways fiscal-year', () => {
  it('shows and sets the month, and the periods follow it', async () => {
    const ws = join(tmp.dir, 'w.duckdb');
    const roster = join(tmp.dir, 'roster.csv');
    writeFileSync(roster, 'Employee ID,As Of Date,Job Level,Gender\nE1,2025-03-31,L1,Woman\nE1,2025-06-30,L1,Woman\n');
    expect((await cli('import', roster, '--workspace', ws)).code).toBe(0);
    const periods = async () => JSON.parse((await cli('info', '--workspace', ws)).out).periods;

    expect(await cli('fiscal-year', '--workspace', ws)).toEqual({ code: 0, out: 'the fiscal year starts in month 1 (January)\n', err: '' });
    expect(await periods()).toEqual(['2025-Q1', '2025-Q2']);
    expect(await cli('fiscal-year', '--workspace', ws, '--start-month', '4')).toEqual({ code: 0, out: 'the fiscal year starts in month 4 (April)\n', err: '' });
    expect(await periods()).toEqual(['2025-Q4', '2026-Q1']);

    const bad = await cli('fiscal-year', '--workspace', ws, '--start-month', '13');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--start-month takes a month number from 1 (January) to 12');
    expect((await cli('fiscal-year', '--workspace', ws)).out).toBe('the fiscal year starts in month 4 (April)\n');
  });
});
