import { describe, it, expect } from 'vitest';
import { withTempWorkspace } from '../../helpers/tempWorkspace';
import { loadAccess, runRows } from './fixture';

// The access fixture without its programs file: enrollments and matches name programs the
// workspace does not list. Applications to them count as formal, as the access funnel and time
// to match count them, so the formal layer's applicants are everyone's, not nobody.
describe('applications to programs missing from the programs file', () => {
  it('count as formal in application_to_match and waitlisting, as in the access funnel', async () => {
    await withTempWorkspace(async (ws) => {
      await loadAccess(ws, ['people', 'enrollments', 'matches']);
      for (const model of ['application_to_match', 'waitlisting']) {
        const all = (await runRows(ws, model, { k: 3 })).rows.filter((r) => r.slice === 'all');
        const formal = (await runRows(ws, model, { k: 3, layer: 'formal' })).rows.filter((r) => r.slice === 'all');
        const peer = (await runRows(ws, model, { k: 3, layer: 'peer' })).rows.filter((r) => r.slice === 'all');
        expect(all.length, model).toBeGreaterThan(0);
        expect(formal.map((r) => [r.grp, r.numerator, r.denominator]), model).toEqual(all.map((r) => [r.grp, r.numerator, r.denominator]));
        expect(peer, model).toEqual([]);
      }
    });
  });
});
