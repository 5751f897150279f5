import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appRoot } from '../../src/paths';
import { Workspace } from '../../src/workspace/workspace';
import { loadMigrations, latestSchemaVersion } from '../../src/workspace/migrations';
import { fingerprint, fingerprintFile, writeRoster, ROSTER_PROFILE } from './fingerprint';
import { loadReports, PERIOD } from '../reports/fixture';
import { listReviews, openReview } from '../../src/reports/reviews/reviewStore';

/**
 * Killing Pathways (SIGKILL: no handler runs, nothing is flushed) at any moment of an import,
 * a migration or a review save must leave a workspace that opens, holding either the state before the work or
 * the state after it, never anything in between. Each case runs the real CLI in a child
 * process against a copy of one workspace and kills it after a delay drawn from a seeded
 * generator that spreads the kills over the whole run, start-up and commit included.
 */

const CLI = join(appRoot(), 'dist', 'cli', 'pathways.mjs');
const KILLS_PER_CASE = Number(process.env.PATHWAYS_CRASH_RUNS ?? 12);

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'pathways-crash-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Mulberry32: a small seeded generator, so a failing kill point can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function cli(args: string[]): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs the CLI to the end; resolves with its exit code and the time it took. */
function runToEnd(args: string[]): Promise<{ code: number | null; ms: number; stderr: string }> {
  const t0 = performance.now();
  const child = cli(args);
  let stderr = '';
  child.stderr!.on('data', (d) => { stderr += d; });
  return new Promise((done) => child.on('exit', (code) => done({ code, ms: performance.now() - t0, stderr })));
}

/** Starts the CLI and kills it with SIGKILL after `ms`; resolves once it is gone, with how it ended. */
function killAfter(args: string[], ms: number): Promise<'killed' | 'finished'> {
  const child = cli(args);
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  return new Promise((done) => child.on('exit', (_code, signal) => { clearTimeout(timer); done(signal === 'SIGKILL' ? 'killed' : 'finished'); }));
}

function copyWorkspace(from: string, to: string): void {
  rmSync(to, { force: true });
  rmSync(`${to}.wal`, { force: true });
  copyFileSync(from, to);
  if (existsSync(`${from}.wal`)) copyFileSync(`${from}.wal`, `${to}.wal`);
}

describe('crash safety (SIGKILL at random points)', () => {
  it('an import killed at any point leaves the workspace as it was before or after the import', async () => {
    const base = join(dir, 'base.duckdb');
    const profile = join(dir, 'profile.json');
    writeFileSync(profile, JSON.stringify(ROSTER_PROFILE));
    await writeRoster(join(dir, 'first.csv'), 1000, '2026-06-30');
    // Large enough that the import spends measurable time scanning, validating and committing
    // (its WAL passes DuckDB's automatic checkpoint threshold, so commit-time checkpoints are hit).
    await writeRoster(join(dir, 'second.csv'), 100_000, '2026-09-30');
    const first = await runToEnd(['import', join(dir, 'first.csv'), '--workspace', base, '--mapping', profile]);
    expect(first.code, first.stderr).toBe(0);
    const before = await fingerprintFile(base);

    const done = join(dir, 'done.duckdb');
    copyWorkspace(base, done);
    const full = await runToEnd(['import', join(dir, 'second.csv'), '--workspace', done, '--mapping', profile]);
    expect(full.code, full.stderr).toBe(0);
    const after = await fingerprintFile(done);
    expect(after.people).not.toBe(before.people);

    const random = seeded(20261201);
    const outcomes = { killed: 0, finished: 0, before: 0, after: 0 };
    for (let i = 0; i < KILLS_PER_CASE; i++) {
      const target = join(dir, `kill-${i}.duckdb`);
      copyWorkspace(base, target);
      // Half the kills anywhere in the run, half in its last third, where it validates, lands and commits.
      const at = Math.round(full.ms * (i % 2 === 0 ? random() : 0.7 + 0.4 * random()));
      outcomes[await killAfter(['import', join(dir, 'second.csv'), '--workspace', target, '--mapping', profile], at)]++;
      const state = await fingerprintFile(target);
      const same = JSON.stringify(state) === JSON.stringify(before) ? 'before' : JSON.stringify(state) === JSON.stringify(after) ? 'after' : null;
      expect(same, `killed at ${at} ms of ${full.ms.toFixed(0)}: the workspace holds a state that is neither before nor after the import`).not.toBeNull();
      outcomes[same!]++;
      rmSync(target, { force: true });
      rmSync(`${target}.wal`, { force: true });
    }
    // The kill points must actually have interrupted imports, or the test proves nothing.
    expect(outcomes.killed).toBeGreaterThanOrEqual(3);
    expect(outcomes.before).toBeGreaterThan(0);
    console.info(`import crash test: ${JSON.stringify(outcomes)} over ${KILLS_PER_CASE} runs of ${full.ms.toFixed(0)} ms`);
  }, 600_000);

  it('a migration killed at any point leaves a workspace that opens and migrates exactly once', async () => {
    const migrations = loadMigrations();
    const latest = latestSchemaVersion(migrations);
    const old = join(dir, 'old.duckdb');
    const ws = await Workspace.open(old, { migrations: migrations.slice(0, 1) });
    expect(ws.schemaVersion).toBe(1);
    ws.close();
    const reference = join(dir, 'reference.duckdb');
    copyWorkspace(old, reference);
    const migrated = await runToEnd(['info', '--workspace', reference]);
    expect(migrated.code, migrated.stderr).toBe(0);
    const expected = await fingerprintFile(reference);

    const random = seeded(7);
    let killed = 0;
    for (let i = 0; i < KILLS_PER_CASE; i++) {
      const target = join(dir, `mig-${i}.duckdb`);
      copyWorkspace(old, target);
      const at = Math.round(random() * migrated.ms * 1.1);
      if ((await killAfter(['info', '--workspace', target], at)) === 'killed') killed++;
      const reopened = await Workspace.open(target);
      expect(reopened.schemaVersion).toBe(latest);
      const state = await fingerprint(reopened);
      reopened.close();
      // The salt is made on first open, so it differs between copies; everything else matches.
      expect({ ...state, meta: undefined }).toEqual({ ...expected, meta: undefined });
    }
    expect(killed).toBeGreaterThan(0);
  }, 600_000);

  it('a review save killed at any point leaves no review or one whole, sealed review, and the data as it was', async () => {
    const base = join(dir, 'reviews.duckdb');
    const ws = await Workspace.open(base);
    await loadReports(ws);
    ws.close();
    const data = await fingerprintFile(base);
    const save = ['review', 'save', '--workspace', base, '--period', PERIOD, '--title', 'Q2 review'];
    const probe = join(dir, 'reviews-probe.duckdb');
    copyWorkspace(base, probe);
    const full = await runToEnd([...save.slice(0, 3), probe, ...save.slice(4)]);
    expect(full.code, full.stderr).toBe(0);

    const random = seeded(2026);
    const outcomes = { killed: 0, finished: 0, none: 0, sealed: 0 };
    for (let i = 0; i < KILLS_PER_CASE; i++) {
      const target = join(dir, `rev-${i}.duckdb`);
      copyWorkspace(base, target);
      const at = Math.round(full.ms * (i % 2 === 0 ? 0.9 * random() : 0.5 + 0.45 * random()));
      outcomes[await killAfter([...save.slice(0, 3), target, ...save.slice(4)], at)]++;
      const reopened = await Workspace.open(target);
      try {
        expect(await fingerprint(reopened), `killed at ${at} ms: the imported data changed`).toEqual(data);
        const reviews = await listReviews(reopened);
        expect(reviews.length, `killed at ${at} ms`).toBeLessThanOrEqual(1);
        if (reviews.length) {
          // A review that exists is whole: its stored outputs still match its seal.
          expect((await openReview(reopened, reviews[0].reviewId)).intact, `killed at ${at} ms: a review whose seal does not hold`).toBe(true);
          outcomes.sealed++;
        } else {
          const partial = await reopened.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM review_results');
          expect(partial, `killed at ${at} ms: results of a review that was never saved`).toEqual([{ n: 0 }]);
          outcomes.none++;
        }
      } finally { reopened.close(); }
      rmSync(target, { force: true });
      rmSync(`${target}.wal`, { force: true });
    }
    expect(outcomes.killed).toBeGreaterThanOrEqual(3);
    expect(outcomes.none).toBeGreaterThan(0);
    console.info(`review save crash test: ${JSON.stringify(outcomes)} over ${KILLS_PER_CASE} runs of ${full.ms.toFixed(0)} ms`);
  }, 600_000);
});
