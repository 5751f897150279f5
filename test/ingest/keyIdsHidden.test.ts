import { describe, it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withTempWorkspace } from '../helpers/tempWorkspace';
import { importFiles } from '../../src/ingest/importFiles';

// A session log whose ids are built from employee ids, one of them twice: the duplicate is
// rejected with its row and column, and its value is not repeated (the workspace stores such
// ids pseudonymized, as a person's).
describe('rejected rows', () => {
  it('never repeat a session id, which may hold an employee id', async () => {
    await withTempWorkspace(async (ws, dir) => {
      const path = join(dir, 'sessions.csv');
      writeFileSync(path, 'Session ID,Date,Layer\nE001-2026-05-01,2026-05-01,peer\nE001-2026-05-01,2026-05-01,peer\nE002-2026-05-02,2026-05-02,peer\n');
      const report = await importFiles(ws, [{ path, profile: { table: 'sessions', columns: { session_id: 'Session ID', date: 'Date', layer: 'Layer' } } }], { onInvalid: 'skip' });
      const rejects = report.rejects.filter((r) => r.column === 'Session ID');
      expect(rejects.length).toBeGreaterThan(0);
      for (const r of rejects) expect(r.value).toBeNull();
      expect(JSON.stringify(report)).not.toContain('E001');
    });
  });
});
