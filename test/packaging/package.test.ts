import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { createRequire } from 'node:module';
import { appRoot } from '../../src/paths';

/**
 * The installers themselves cannot be built here (electron-builder downloads Electron), but
 * everything Pathways decides about them can be checked: the configuration, and what an
 * unpacked build puts where. The build runs electron-builder's real packaging step against a
 * stand-in Electron distribution, then loads the packaged main process under Node and opens a
 * workspace through it, so the DuckDB addon is proven to load from the package's own files.
 */

const root = appRoot();
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const asar = createRequire(import.meta.url)('@electron/asar') as {
  listPackage(archive: string, options: object): string[];
  statFile(archive: string, filename: string): { unpacked?: boolean; size?: number };
  extractAll(archive: string, dest: string): void;
};

describe('electron-builder configuration', () => {
  const build = pkg.build;

  it('names the app and takes its version from package.json', () => {
    expect(build.appId).toMatch(/^[a-z]+(\.[a-z0-9-]+)+$/);
    expect(build.productName).toBe('Pathways');
    expect(build.extraMetadata?.version).toBeUndefined();
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(existsSync(join(root, build.icon))).toBe(true);
  });

  it('targets AppImage and deb on Linux, dmg on macOS and nsis on Windows', () => {
    expect(build.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(build.mac.target).toEqual(['dmg']);
    expect(build.win.target).toEqual(['nsis']);
  });

  it('unpacks the DuckDB native addon from the asar archive and does not rebuild it', () => {
    expect(build.asar).toBe(true);
    expect(build.asarUnpack).toContain('node_modules/@duckdb/node-bindings-*/**');
    expect(build.npmRebuild).toBe(false);
  });

  it('has npm run dist build the app first', () => {
    expect(pkg.scripts.dist).toMatch(/npm run build && electron-builder/);
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });
});

describe('an unpacked Linux build', () => {
  let out: string;
  let resources: string;

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'pathways-package-'));
    const electronDist = join(out, 'electron-dist');
    mkdirSync(electronDist);
    writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\nexit 0\n');
    chmodSync(join(electronDist, 'electron'), 0o755);
    writeFileSync(join(electronDist, 'version'), `v${createRequire(import.meta.url)('electron/package.json').version}`);
    const r = spawnSync(process.execPath, [
      join(root, 'node_modules', 'electron-builder', 'cli.js'), '--linux', 'dir',
      `--config.electronDist=${electronDist}`, `--config.directories.output=${join(out, 'release')}`,
    ], { cwd: root, encoding: 'utf8', env: { ...process.env, CI: 'true' }, timeout: 300_000 });
    if (r.status !== 0) throw new Error(`electron-builder failed:\n${r.stdout}\n${r.stderr}`);
    resources = join(out, 'release', 'linux-unpacked', 'resources');
  }, 320_000);

  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('packs the bundles, the SQL models and the migrations, and no source or test code', () => {
    const files = asar.listPackage(join(resources, 'app.asar'), {}).map((f) => f.split(sep).join('/'));
    for (const f of ['/package.json', '/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/dist/renderer/index.html',
      '/queries/participation/participation_rate.sql', '/queries/_lib/population.sql', '/src/workspace/migrations/001_canonical_tables.sql']) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => f.startsWith('/src/') && !f.startsWith('/src/workspace/migrations'))).toEqual(['/src/workspace']);
    expect(files.some((f) => f.startsWith('/test/'))).toBe(false);
    expect(files.some((f) => f.endsWith('.map'))).toBe(false);
  });

  it('keeps the DuckDB addon and its library outside the archive', () => {
    const bindings = '/node_modules/@duckdb/node-bindings-linux-x64';
    for (const f of ['duckdb.node', 'libduckdb.so']) {
      expect(asar.statFile(join(resources, 'app.asar'), `${bindings}/${f}`.slice(1)).unpacked).toBe(true);
      expect(existsSync(join(resources, 'app.asar.unpacked', bindings, f))).toBe(true);
    }
  });

  it('runs the packaged main process, which loads DuckDB from the package and opens a workspace', () => {
    const app = join(out, 'app');
    asar.extractAll(join(resources, 'app.asar'), app);
    const workspace = join(out, 'ws', 'w.duckdb');
    const stdout = execFileSync(process.execPath, [join(root, 'test', 'packaging', 'driveMain.cjs'), join(app, 'dist', 'electron', 'main.cjs'), workspace], {
      cwd: out, encoding: 'utf8', env: { ...process.env, NODE_PATH: '' }, timeout: 60_000,
    });
    const seen = JSON.parse(stdout.trim().split('\n').pop()!);
    expect(seen.duckdbBinary).toBe(join(app, 'node_modules', '@duckdb', 'node-bindings-linux-x64', 'duckdb.node'));
    expect(seen.rendererIndex).toBe(join(app, 'dist', 'renderer', 'index.html'));
    expect(seen.preload).toBe(join(app, 'dist', 'electron', 'preload.cjs'));
    expect(seen.schemaVersion).toBeGreaterThanOrEqual(1);
    expect(seen.models).toBeGreaterThanOrEqual(20);
    expect(existsSync(workspace)).toBe(true);
  }, 90_000);
});
