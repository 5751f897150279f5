import { describe, it, expect } from 'vitest';
import { withTempWorkspace } from '../helpers/tempWorkspace';
import { loadParticipation as load } from './participationFixture';
import { runModel, forgetAnswers } from '../../src/models/runModel';

const women = (rows: Record<string, unknown>[]) => rows.find((r) => r.slice === 'all' && r.grp === 'Woman')!;

describe('the model runner\'s query answers', () => {
  it('serves a change of k or reference group from the SQL answer it has, and forgets it on the next committed write', async () => {
    await withTempWorkspace(async (ws) => {
      await load(ws);
      // Women 5 of 8 in 2025-Q2 (see participation_rate.test.ts).
      const first = await runModel(ws, 'participation_rate', { period: '2025-Q2', k: 3 });
      expect(women(first.rows)).toMatchObject({ numerator: 5, denominator: 8 });

      // W5's roster rows removed behind the runner's back (no committed write through the
      // workspace, so no new data version): a view that differs only in k and the reference
      // group still reads the answer it had... (W5 is found as the quarter's only informal
      // attendee: ids are pseudonyms keyed per workspace, and removing a woman who did not take
      // part would leave a complement of 2 < k, suppressing the figures asserted below.)
      const c = await ws.connect();
      await c.run("DELETE FROM people WHERE gender = 'Woman' AND person_id IN (SELECT a.person_id FROM session_attendees a JOIN sessions s USING (session_id) WHERE s.layer = 'informal' AND s.date BETWEEN DATE '2025-04-01' AND DATE '2025-06-30')");
      c.closeSync();
      const sameQuery = await runModel(ws, 'participation_rate', { period: '2025-Q2', k: 3, reference: 'highest' });
      // ...post-processed afresh for its own reference group (the highest rate: women's 5/8)...
      expect(women(sameQuery.rows)).toMatchObject({ numerator: 5, denominator: 8, reference_group: 'Woman', is_reference: true });
      // ...and its own k: 8 women are under k = 9.
      const higherK = await runModel(ws, 'participation_rate', { period: '2025-Q2', k: 9 });
      expect(women(higherK.rows)).toMatchObject({ numerator: null, suppressed: true });
      // The first result was not changed by the second's post-processing.
      expect(women(first.rows)).toMatchObject({ numerator: 5, denominator: 8, reference_group: 'Man' });

      // A view that binds other values runs its own query and sees the data as it is.
      // (level 1 and up is everyone, but it binds another value.)
      const otherFilter = await runModel(ws, 'participation_rate', { period: '2025-Q2', k: 3, levelMin: 1 });
      expect(women(otherFilter.rows)).toMatchObject({ numerator: 4, denominator: 7 });

      // Any write committed through the workspace forgets every answer.
      await ws.write(async (w) => { await w.run("INSERT INTO meta VALUES ('answers-test', 'x')"); });
      const afterWrite = await runModel(ws, 'participation_rate', { period: '2025-Q2', k: 3 });
      expect(women(afterWrite.rows)).toMatchObject({ numerator: 4, denominator: 7 });
    });
  });

  it('reruns the query after forgetAnswers', async () => {
    await withTempWorkspace(async (ws) => {
      await load(ws);
      expect(women((await runModel(ws, 'participation_rate', { period: '2025-Q2', k: 3 })).rows).numerator).toBe(5);
      const c = await ws.connect();
      await c.run('DELETE FROM session_attendees');
      c.closeSync();
      forgetAnswers(ws);
      expect(women((await runModel(ws, 'participation_rate', { period: '2025-Q2', k: 3 })).rows).numerator).not.toBe(5);
    });
  });
});
