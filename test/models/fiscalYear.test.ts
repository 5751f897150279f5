import { describe, it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withTempWorkspace, tempDir } from '../helpers/tempWorkspace';
import { importFixture } from '../helpers/importFixture';
import { createCore, dispatch } from '../../src/api/core';
import { runModel } from '../../src/models/runModel';
import { workspaceInfo } from '../../src/api/workspaceInfo';
import { buildReviewPack } from '../../src/reports/buildPack';
import { arrowIPCToRows } from '../../src/arrow/toArrow';
import { fiscalStartMonth } from '../../src/workspace/fiscalYear';
import type { Workspace } from '../../src/workspace/workspace';

/**
 * Six women on the 2025-03-31 and 2025-06-30 rosters, all employed throughout. Peer
 * conversations hosted by W4 on 2025-03-31, W1 on 04-01, W2 on 05-15, W3 on 06-30 and W5 on
 * 07-01. With the fiscal year starting in April, 2026-Q1 is [2025-04-01, 2025-07-01): W1, W2
 * and W3 took part, 3 of the 6 on the roster in force on 06-30. With the calendar year the
 * same label is January to March 2026, past the data: the 06-30 roster stays in force and
 * nobody took part, 0 of 6. The data runs from 03-31 (FY2025-Q4, calendar 2025-Q1) to 07-01
 * (FY2026-Q2, calendar 2025-Q3).
 */
async function load(ws: Workspace): Promise<void> {
  const { dir, cleanup } = tempDir();
  try {
    const people = ['W1', 'W2', 'W3', 'W4', 'W5', 'W6'].map((id) => `${id},Woman,2020-01-01,L1`);
    for (const d of ['2025-03-31', '2025-06-30']) writeFileSync(join(dir, `r_${d}.csv`), ['id,gender,hired,level', ...people].join('\n') + '\n');
    writeFileSync(join(dir, 'sessions.csv'), ['id,date,layer,host', 'S4,2025-03-31,peer,W4', 'S1,2025-04-01,peer,W1', 'S2,2025-05-15,peer,W2', 'S3,2025-06-30,peer,W3', 'S5,2025-07-01,peer,W5'].join('\n') + '\n');
    await importFixture(ws, dir, [
      ...['2025-03-31', '2025-06-30'].map((d) => ({
        path: `r_${d}.csv`, profile: { table: 'people' as const, snapshotDate: d, columns: { person_id: 'id', gender: 'gender', hire_date: 'hired', level: 'level' } },
      })),
      { path: 'sessions.csv', profile: { table: 'sessions' as const, columns: { session_id: 'id', date: 'date', layer: 'layer', host_id: 'host' } } },
    ]);
  } finally {
    cleanup();
  }
}

const allWomen = (rows: Record<string, unknown>[]) => rows.find((r) => r.slice === 'all' && r.grp === 'Woman')!;

describe('fiscal-year start month', () => {
  it('makes the review periods the quarters of the fiscal year, in the models, the period list and the review pack', async () => {
    await withTempWorkspace(async (ws) => {
      await load(ws);
      const core = createCore(ws);
      const run = async () => {
        const reply = await dispatch(core, 'runModel', { model: 'participation_rate', params: { period: '2026-Q1', k: 3 } });
        if (!reply.ok) throw new Error(reply.error.message);
        return arrowIPCToRows(reply.value as Uint8Array);
      };
      expect(await fiscalStartMonth(ws)).toBe(1);
      expect((await workspaceInfo(ws)).periods).toEqual(['2025-Q1', '2025-Q2', '2025-Q3']);
      const calendar = await run();
      expect(allWomen(calendar.rows)).toMatchObject({ numerator: 0, denominator: 6 });
      expect((calendar.meta as { period: unknown }).period).toEqual({ label: '2026-Q1', start: '2026-01-01', end: '2026-04-01' });

      expect(await dispatch(core, 'setFiscalStartMonth', { month: 4 })).toEqual({ ok: true, value: { ok: true } });
      expect(await fiscalStartMonth(ws)).toBe(4);
      const settings = await dispatch(core, 'dataSettings', {});
      expect(settings.ok && (settings.value as { fiscalStartMonth: number }).fiscalStartMonth).toBe(4);
      const info = await workspaceInfo(ws);
      expect(info.periods).toEqual(['2025-Q4', '2026-Q1', '2026-Q2']);
      expect(info.fiscalStartMonth).toBe(4);

      // The same view through the same core: the cached calendar-quarter result is not served.
      const fiscal = await run();
      expect(allWomen(fiscal.rows)).toMatchObject({ numerator: 3, denominator: 6, suppressed: false });
      expect((fiscal.meta as { period: unknown }).period).toEqual({ label: '2026-Q1', start: '2025-04-01', end: '2025-07-01' });
      const compared = await runModel(ws, 'participation_rate', { period: '2026-Q1', k: 3, withComparisons: true });
      expect(compared.comparePeriod).toEqual({ label: '2025-Q4', start: '2025-01-01', end: '2025-04-01' });
      expect(compared.yearAgoPeriod).toEqual({ label: '2025-Q1', start: '2024-04-01', end: '2024-07-01' });

      const { pack } = await buildReviewPack(ws, { period: '2026-Q1', k: 3, dimensions: ['gender'] });
      expect(pack.period).toMatchObject({ label: '2026-Q1', start: '2025-04-01', end: '2025-07-01' });
    });
  });

  it('refuses a month outside 1..12 and leaves the setting as it was', async () => {
    await withTempWorkspace(async (ws) => {
      const core = createCore(ws);
      for (const month of [0, 13, 2.5]) {
        const reply = await dispatch(core, 'setFiscalStartMonth', { month });
        expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      }
      expect(await fiscalStartMonth(ws)).toBe(1);
    });
  });
});
