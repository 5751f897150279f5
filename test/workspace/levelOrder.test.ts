import { describe, it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withTempWorkspace, tempDir } from '../helpers/tempWorkspace';
import { importFixture } from '../helpers/importFixture';
import { setLevelOrder } from '../../src/workspace/settings';

// Level labels L1..L3 order themselves at import (ranks 1..3); A is promoted from L1 to L2 in
// the job events, which store ranks only. Setting an order moves every rank with its label, in
// the roster and in the job events alike: inserting Principal between L1 and L2 (the Data page
// numbers by position) makes L2 rank 3; reversing the order makes L1 rank 3.
describe('setting the level order', () => {
  it('moves the job events\' levels with their labels, as the roster\'s', async () => {
    const { dir, cleanup } = tempDir();
    try {
      writeFileSync(join(dir, 'r1.csv'), 'id,level\nA,L1\nB,L3\n');
      writeFileSync(join(dir, 'r2.csv'), 'id,level\nA,L2\nB,L3\n');
      writeFileSync(join(dir, 'events.csv'), 'id,date,type,from,to\nA,2025-05-01,promotion,L1,L2\n');
      await withTempWorkspace(async (ws) => {
        await importFixture(ws, dir, [
          { path: 'r1.csv', profile: { table: 'people', snapshotDate: '2025-03-31', columns: { person_id: 'id', level: 'level' } } },
          { path: 'r2.csv', profile: { table: 'people', snapshotDate: '2025-06-30', columns: { person_id: 'id', level: 'level' } } },
          { path: 'events.csv', profile: { table: 'job_events', columns: { person_id: 'id', effective_date: 'date', event_type: 'type', from_level: 'from', to_level: 'to' } } },
        ]);
        const state = async () => ({
          roster: await ws.all('SELECT level_label AS label, level_rank::INTEGER AS rank FROM people ORDER BY snapshot_date, level_label'),
          events: await ws.all('SELECT from_level::INTEGER AS from_level, to_level::INTEGER AS to_level FROM job_events'),
        });
        expect(await state()).toEqual({
          roster: [{ label: 'L1', rank: 1 }, { label: 'L3', rank: 3 }, { label: 'L2', rank: 2 }, { label: 'L3', rank: 3 }],
          events: [{ from_level: 1, to_level: 2 }],
        });

        await setLevelOrder(ws, ['L1', 'Principal', 'L2', 'L3'].map((label, i) => ({ label, rank: i + 1 })));
        expect(await state()).toEqual({
          roster: [{ label: 'L1', rank: 1 }, { label: 'L3', rank: 4 }, { label: 'L2', rank: 3 }, { label: 'L3', rank: 4 }],
          events: [{ from_level: 1, to_level: 3 }],
        });

        await setLevelOrder(ws, ['L3', 'L2', 'L1'].map((label, i) => ({ label, rank: i + 1 })));
        expect(await state()).toEqual({
          roster: [{ label: 'L1', rank: 3 }, { label: 'L3', rank: 1 }, { label: 'L2', rank: 2 }, { label: 'L3', rank: 1 }],
          events: [{ from_level: 3, to_level: 2 }],
        });
      });
    } finally {
      cleanup();
    }
  });
});
