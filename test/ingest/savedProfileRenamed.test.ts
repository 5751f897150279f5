import { describe, it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withTempWorkspace } from '../helpers/tempWorkspace';
import { importFiles } from '../../src/ingest/importFiles';
import { inspectFile } from '../../src/ingest/inspectFile';

// The June export says "Staff Ref", "As Of Date"; the September one staff_ref, as_of_date. The
// header signature matches them, so the profile saved with the June import is offered for the
// September file, pointed at its own column names, and imports it.
describe('a saved mapping profile', () => {
  it('applies to the same header written in another case or spacing', async () => {
    await withTempWorkspace(async (ws, dir) => {
      const june = join(dir, 'june.csv');
      const september = join(dir, 'september.csv');
      writeFileSync(june, 'Staff Ref,As Of Date,Job Level,Sex\nS1,2025-06-30,L1,F\nS2,2025-06-30,L2,M\n');
      writeFileSync(september, 'staff_ref,as_of_date,job_level,SEX\nS1,2025-09-30,L2,F\nS2,2025-09-30,L2,M\n');
      const profile = { table: 'people' as const, columns: { person_id: 'Staff Ref', snapshot_date: 'As Of Date', level: 'Job Level', gender: 'Sex' } };
      expect((await importFiles(ws, [{ path: june, profile }])).ok).toBe(true);

      const inspection = await inspectFile(september, { ws });
      expect(inspection.savedProfile?.columns).toEqual({ person_id: 'staff_ref', snapshot_date: 'as_of_date', level: 'job_level', gender: 'SEX' });
      const report = await importFiles(ws, [{ path: september, profile: inspection.savedProfile! }]);
      expect(report.ok).toBe(true);
      expect(await ws.all("SELECT snapshot_date::VARCHAR AS d, count(*)::INTEGER AS n FROM people GROUP BY 1 ORDER BY 1")).toEqual([{ d: '2025-06-30', n: 2 }, { d: '2025-09-30', n: 2 }]);
    });
  });
});
