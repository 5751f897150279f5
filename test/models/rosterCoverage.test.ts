import { describe, it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withTempWorkspace, tempDir } from '../helpers/tempWorkspace';
import { importFixture } from '../helpers/importFixture';
import { runModel } from '../../src/models/runModel';
import { workspaceInfo } from '../../src/api/workspaceInfo';

// One roster, 2025-06-30, and conversations logged on to 2025-08-20: 2025-Q3 is listed for the
// conversations, but its headcount is the June roster's. The models that read the roster say so
// for 2025-Q3; for 2025-Q2, which ends on the roster's date, they do not.
describe('periods past the latest roster', () => {
  it('carry a note naming the roster date on every model that reads the roster', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const people = ['W1', 'W2', 'W3', 'W4', 'W5', 'W6'].map((id) => `${id},Woman,2020-01-01,L1`);
      writeFileSync(join(dir, 'roster.csv'), ['id,gender,hired,level', ...people].join('\n') + '\n');
      writeFileSync(join(dir, 'sessions.csv'), ['id,date,layer,host', 'S1,2025-05-01,peer,W1', 'S2,2025-08-20,peer,W2'].join('\n') + '\n');
      await withTempWorkspace(async (ws) => {
        await importFixture(ws, dir, [
          { path: 'roster.csv', profile: { table: 'people', snapshotDate: '2025-06-30', columns: { person_id: 'id', gender: 'gender', hire_date: 'hired', level: 'level' } } },
          { path: 'sessions.csv', profile: { table: 'sessions', columns: { session_id: 'id', date: 'date', layer: 'layer', host_id: 'host' } } },
        ]);
        expect((await workspaceInfo(ws)).periods).toEqual(['2025-Q2', '2025-Q3']);
        const note = 'The latest roster is dated 2025-06-30, before this period\'s last day (2025-09-30): headcounts, levels and groups are taken from it, '
          + 'and promotions, hires and exits after it are seen only where a job events file records them.';
        expect((await runModel(ws, 'participation_rate', { period: '2025-Q3', k: 3 })).notes).toEqual([note]);
        expect((await runModel(ws, 'participation_rate', { period: '2025-Q2', k: 3 })).notes).toEqual([]);
        // A table model keeps its own notes after this one.
        const pipeline = await runModel(ws, 'pipeline', { period: '2025-Q3', k: 3 });
        expect(pipeline.notes[0]).toBe(note);
      });
    } finally {
      cleanup();
    }
  });
});
