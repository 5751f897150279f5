import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appRoot } from '../../src/paths';
import { Workspace } from '../../src/workspace/workspace';
import { importFiles } from '../../src/ingest/importFiles';
import { PathwaysError } from '../../src/errors';
import { fingerprintFile, writeRoster, ROSTER_PROFILE } from './fingerprint';

const CLI = join(appRoot(), 'dist', 'cli', 'pathways.mjs');

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'pathways-wserr-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Small filesystems need mount(2): root on Linux. Where that is not available the cases say why. */
const canMount = process.platform === 'linux' && process.getuid?.() === 0
  && spawnSync('mount', ['--version']).status === 0;

function mountTmpfs(at: string, options: string): boolean {
  mkdirSync(at, { recursive: true });
  return spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', at]).status === 0;
}
const unmount = (at: string) => spawnSync('umount', ['-l', at]);

async function rejection(p: Promise<unknown>): Promise<PathwaysError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof PathwaysError) return err;
    throw new Error(`expected a PathwaysError, got: ${String(err)}`);
  }
  throw new Error('expected the call to fail');
}

describe('a workspace another process holds', () => {
  it('says "in use by" with the other program, instead of opening or corrupting it', async () => {
    const path = join(dir, 'held.duckdb');
    (await Workspace.open(path)).close();
    const server = spawn(process.execPath, [CLI, 'serve', '--workspace', path], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      await new Promise<void>((ready, fail) => {
        let out = '';
        server.stdout!.on('data', (d) => { out += d; if (out.includes('Open http')) ready(); });
        server.on('exit', (code) => fail(new Error(`serve exited with ${code}`)));
      });
      const err = await rejection(Workspace.open(path));
      expect(err.code).toBe('WORKSPACE_IN_USE');
      expect(err.message).toMatch(new RegExp(`held\\.duckdb is in use by another program \\(.+, PID ${server.pid}\\)`));
    } finally {
      server.kill('SIGTERM');
      await new Promise((done) => server.on('exit', done));
    }
    const again = await Workspace.open(path);
    expect(again.schemaVersion).toBeGreaterThan(0);
    again.close();
  }, 60_000);
});

describe.runIf(canMount)('a full disk and a read-only folder (tmpfs mounts)', () => {
  it('an import that fills the disk fails with a clear message and leaves the workspace as it was', async () => {
    // The workspace is made on an ordinary disk, then copied onto a disk only 2 MB larger than it.
    const made = join(dir, 'made.duckdb');
    const ws = await Workspace.open(made);
    await writeRoster(join(dir, 'a.csv'), 200, '2026-06-30');
    expect((await importFiles(ws, [{ path: join(dir, 'a.csv'), profile: ROSTER_PROFILE }])).ok).toBe(true);
    await ws.checkpoint();
    ws.close();
    const small = join(dir, 'small');
    expect(mountTmpfs(small, `size=${Math.ceil(statSync(made).size / 2 ** 20) + 2}m`)).toBe(true);
    try {
      const path = join(small, 'w.duckdb');
      copyFileSync(made, path);
      const before = await fingerprintFile(path);
      // About 40 MB of roster, some 15 MB once in the workspace: far more than the disk has left.
      await writeRoster(join(dir, 'big.csv'), 600_000, '2026-09-30');
      const again = await Workspace.open(path);
      const err = await rejection(importFiles(again, [{ path: join(dir, 'big.csv'), profile: ROSTER_PROFILE }]));
      again.close();
      expect(err.code).toBe('DISK_FULL');
      expect(err.message).toMatch(/disk holding w\.duckdb is full/);
      expect(err.message).toMatch(/nothing was written/);
      expect(await fingerprintFile(path)).toEqual(before);
    } finally {
      unmount(small);
    }
  }, 120_000);

  it('a read-only folder gives a clear message, for a new workspace and an existing one', async () => {
    const ro = join(dir, 'ro');
    expect(mountTmpfs(ro, 'size=8m')).toBe(true);
    try {
      (await Workspace.open(join(ro, 'existing.duckdb'))).close();
      expect(spawnSync('mount', ['-o', 'remount,ro', ro]).status).toBe(0);
      for (const name of ['existing.duckdb', 'new.duckdb']) {
        const err = await rejection(Workspace.open(join(ro, name)));
        expect(err.code).toBe('WORKSPACE_UNREADABLE');
        expect(err.message).toContain(`${name} cannot be opened for writing: the folder or file is read-only`);
      }
    } finally {
      unmount(ro);
    }
  }, 60_000);
});

it.skipIf(canMount)('full-disk and read-only cases need root and mount(2) on Linux', () => {
  expect(canMount).toBe(false);
});
