import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { statSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { Workspace } from '../../src/workspace/workspace';
import { loadMigrations } from '../../src/workspace/migrations';
import { tempDir } from '../helpers/tempWorkspace';

describe('workspace', () => {
  it('creates the canonical tables, a salt and the schema version in a file on disk', async () => {
    const t = tempDir();
    try {
      const path = join(t.dir, 'sub', 'ws.duckdb');
      const ws = await Workspace.open(path);
      const tables = (await ws.all<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1")).map((r) => r.table_name);
      expect(tables).toEqual(expect.arrayContaining(['people', 'job_events', 'programs', 'enrollments', 'matches', 'sessions', 'session_attendees', 'feedback', 'goals', 'imports', 'meta']));
      expect(ws.schemaVersion).toBe(loadMigrations().at(-1)!.version);
      expect(ws.salt).toMatch(/^[0-9a-f]{64}$/);
      const salt = ws.salt;
      ws.close();
      expect(statSync(join(t.dir, 'sub')).mode & 0o777).toBe(0o700);
      const again = await Workspace.open(path);
      expect(again.salt).toBe(salt);
      again.close();
    } finally { t.cleanup(); }
  });

  it('reuses a leased connection after a clean run, never after a throw, and frees the file on close', async () => {
    const t = tempDir();
    try {
      const path = join(t.dir, 'ws.duckdb');
      const ws = await Workspace.open(path);
      const value = (c: DuckDBConnection, sql: string) => c.runAndReadAll(sql).then((r) => r.getRowObjectsJS()[0].v);
      await ws.lease((c) => c.run('CREATE TEMP MACRO kept() AS 42'));
      expect(await ws.lease((c) => value(c, 'SELECT kept() AS v'))).toBe(42);
      await expect(ws.lease(async (c) => { await c.run('CREATE TEMP MACRO dropped() AS 1'); throw new Error('boom'); })).rejects.toThrow('boom');
      // The connection that threw was closed, so the next lease is a new one without either macro.
      await expect(ws.lease((c) => value(c, 'SELECT dropped() AS v'))).rejects.toThrow(/dropped/);
      await expect(ws.lease((c) => value(c, 'SELECT kept() AS v'))).rejects.toThrow(/kept/);
      await ws.lease((c) => value(c, 'SELECT 1 AS v'));
      ws.close();
      const again = await Workspace.open(path);
      await again.write((c) => c.run("INSERT INTO meta VALUES ('probe', 'x')"));
      expect(await again.all("SELECT value FROM meta WHERE key = 'probe'")).toEqual([{ value: 'x' }]);
      again.close();
    } finally { t.cleanup(); }
  });

  it('refuses a workspace written by a newer version, and leaves it unchanged', async () => {
    const t = tempDir();
    try {
      const path = join(t.dir, 'ws.duckdb');
      const ws = await Workspace.open(path);
      await ws.write((c) => c.run("UPDATE meta SET value = '999' WHERE key = 'schema_version'"));
      ws.close();
      await expect(Workspace.open(path)).rejects.toMatchObject({ code: 'WORKSPACE_TOO_NEW' });
      const still = await Workspace.open(path, { migrations: [...loadMigrations(), { version: 999, name: 'future', sql: 'SELECT 1' }] });
      expect((await still.all("SELECT value FROM meta WHERE key = 'schema_version'"))[0]).toEqual({ value: '999' });
      still.close();
    } finally { t.cleanup(); }
  });

  it('applies a new migration to an existing workspace', async () => {
    const t = tempDir();
    try {
      const path = join(t.dir, 'ws.duckdb');
      (await Workspace.open(path)).close();
      const next = [...loadMigrations(), { version: 900, name: 'add_x', sql: 'CREATE TABLE x (a INTEGER)' }];
      const ws = await Workspace.open(path, { migrations: next });
      expect(ws.schemaVersion).toBe(900);
      expect(await ws.all('SELECT count(*)::INTEGER AS n FROM x')).toEqual([{ n: 0 }]);
      ws.close();
    } finally { t.cleanup(); }
  });

  it('rolls back a failed write completely', async () => {
    const t = tempDir();
    try {
      const ws = await Workspace.open(join(t.dir, 'ws.duckdb'));
      await expect(ws.write(async (c) => {
        await c.run("INSERT INTO level_order VALUES ('L1', 1)");
        throw new Error('boom');
      })).rejects.toThrow('boom');
      expect(await ws.all('SELECT * FROM level_order')).toEqual([]);
      ws.close();
    } finally { t.cleanup(); }
  });
});
