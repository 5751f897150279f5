import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { writeFileSync, readFileSync } from 'node:fs';
import { cli } from '../helpers/runCli';
import { Workspace } from '../../src/workspace/workspace';
import { tempDir } from '../helpers/tempWorkspace';

const corpus = (name: string) => join(__dirname, '..', 'fixtures', 'ingest', 'corpus', name);

const run = (args: string[]) => cli(...args);

const count = async (path: string) => {
  const ws = await Workspace.open(path);
  try { return Number((await ws.all<{ n: bigint }>('SELECT count(*) AS n FROM people'))[0].n); } finally { ws.close(); }
};

describe('pathways import (CLI)', () => {
  it('imports with a profile file; without --skip-invalid a reject stops everything (exit 3); with it the rejects go to a CSV', async () => {
    const t = tempDir();
    try {
      const ws = join(t.dir, 'w.duckdb');
      const profile = join(t.dir, 'profile.json');
      writeFileSync(profile, JSON.stringify({ table: 'people', columns: { person_id: 'Employee ID', snapshot_date: 'As Of Date', level: 'Job Level', gender: 'Gender' } }));
      const failed = await run(['import', corpus('roster_duplicate_ids.csv'), '--workspace', ws, '--mapping', profile]);
      expect(failed.code).toBe(3);
      expect(failed.err).toContain('roster_duplicate_ids.csv, row 4, column "Employee ID": duplicate of row 2');
      expect(failed.err).not.toContain('D1');
      expect(failed.err).toContain('nothing was imported');
      expect(await count(ws)).toBe(0);

      const rejects = join(t.dir, 'rejects.csv');
      const ok = await run(['import', corpus('roster_duplicate_ids.csv'), '--workspace', ws, '--mapping', profile, '--skip-invalid', '--rejects', rejects]);
      expect(ok.code).toBe(3);
      expect(ok.out).toContain('roster_duplicate_ids.csv: imported, 3 rows into people, 2 rejected');
      expect(readFileSync(rejects, 'utf8').trim().split('\n')).toHaveLength(3);
      expect(await count(ws)).toBe(3);
    } finally { t.cleanup(); }
  });

  it('refuses a bad profile with a message that names the file and the problem, and touches nothing', async () => {
    const t = tempDir();
    try {
      const ws = join(t.dir, 'w.duckdb');
      const bad = join(t.dir, 'bad.json');
      writeFileSync(bad, JSON.stringify({ table: 'salaries', columns: { person_id: 5 } }));
      const r = await run(['import', corpus('roster_duplicate_ids.csv'), '--workspace', ws, '--mapping', bad]);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/^pathways import: the mapping profile bad\.json is not a valid profile: table: .*; columns\.person_id: .*A profile looks like/);
      writeFileSync(bad, '{"table": "people",');
      const r2 = await run(['import', corpus('roster_duplicate_ids.csv'), '--workspace', ws, '--mapping', bad]);
      expect(r2.err).toContain('the mapping profile bad.json is not valid JSON');
    } finally { t.cleanup(); }
  });

  it('without --mapping uses a complete suggestion, then the saved profile for the same header', async () => {
    const t = tempDir();
    try {
      const ws = join(t.dir, 'w.duckdb');
      const first = await run(['import', corpus('roster_snapshot_2025-03-31.csv'), '--workspace', ws]);
      expect(first.code).toBe(0);
      expect(first.err).toContain('roster_snapshot_2025-03-31.csv: mapped as people from its column names');
      const second = await run(['import', corpus('roster_snapshot_2025-06-30.csv'), '--workspace', ws]);
      expect(second.code).toBe(0);
      expect(second.err).not.toContain('mapped as people from its column names');
      expect(await count(ws)).toBe(5);
    } finally { t.cleanup(); }
  });
});
