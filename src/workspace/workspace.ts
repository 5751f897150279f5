import { mkdirSync, existsSync, chmodSync } from 'node:fs';
import { dirname, basename } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { PathwaysError } from '../errors';
import { loadMigrations, latestSchemaVersion, type Migration } from './migrations';

export type Params = Record<string, DuckDBValue>;

/** Enough for the model runs of a report or a screen running side by side (3 periods each). */
const MAX_IDLE_CONNECTIONS = 8;

/**
 * An open workspace: one DuckDB file holding the canonical tables, the import log and the
 * workspace settings. Reads take a connection each (DuckDB runs them concurrently; model runs
 * lease pooled ones); writes go through `write`, which serializes them and wraps each in one
 * transaction.
 */
export class Workspace {
  private writeQueue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private committed = 0;
  private readonly commitListeners = new Set<() => void>();
  // Read connections handed back after a clean run, for the next run to reuse: opening one and
  // loading the model macros into it costs more than many small models take to run.
  private readonly idle: DuckDBConnection[] = [];

  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    readonly schemaVersion: number,
    readonly salt: string,
  ) {}

  static async open(path: string, options: { migrations?: Migration[] } = {}): Promise<Workspace> {
    const migrations = options.migrations ?? loadMigrations();
    const dir = dirname(path);
    if (path !== ':memory:' && !existsSync(dir)) {
      // People data: the folder is readable by its owner only.
      mkdirSync(dir, { recursive: true, mode: 0o700 });
    }
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path, { autoinstall_known_extensions: 'false', autoload_known_extensions: 'true' });
    } catch (err) {
      throw describeOpenError(path, err);
    }
    if (path !== ':memory:') {
      try { chmodSync(path, 0o600); } catch { /* not fatal: e.g. a filesystem without modes */ }
    }
    try {
      const connection = await instance.connect();
      try {
        const version = await migrate(connection, path, migrations);
        const salt = await ensureSalt(connection);
        return new Workspace(path, instance, version, salt);
      } finally {
        connection.closeSync();
      }
    } catch (err) {
      instance.closeSync();
      throw err;
    }
  }

  async connect(): Promise<DuckDBConnection> {
    if (this.closed) throw new PathwaysError('BAD_REQUEST', 'the workspace is closed');
    return this.instance.connect();
  }

  /**
   * Runs fn on a read connection of its own, one reused from an earlier lease when there is
   * one (temp macros defined on it then are still there). Only a connection
   * whose fn returned normally goes back to the pool, so fn must leave no transaction open;
   * one that threw is closed, with whatever state it was left in.
   */
  async lease<T>(fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    const pooled = this.closed ? undefined : this.idle.pop();
    const c = pooled ?? await this.connect();
    let result: T;
    try {
      result = await fn(c);
    } catch (err) {
      c.closeSync();
      throw err;
    }
    if (this.closed || this.idle.length >= MAX_IDLE_CONNECTIONS) c.closeSync();
    else this.idle.push(c);
    return result;
  }

  /** Rows as plain JS objects: for small, aggregated results only. */
  async all<T = Record<string, unknown>>(sql: string, params?: Params): Promise<T[]> {
    const c = await this.connect();
    try {
      const reader = await c.runAndReadAll(sql, params);
      return reader.getRowObjectsJS() as T[];
    } finally {
      c.closeSync();
    }
  }

  /**
   * Runs fn inside one transaction on its own connection; any throw rolls everything back,
   * so the workspace is exactly as before. Writes are serialized.
   */
  write<T>(fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      const c = await this.connect();
      try {
        await c.run('BEGIN TRANSACTION');
        try {
          const result = await fn(c);
          await c.run('COMMIT');
          this.committed++;
          for (const listener of this.commitListeners) listener();
          return result;
        } catch (err) {
          await c.run('ROLLBACK').catch(() => undefined);
          throw describeWriteError(this.path, err);
        }
      } finally {
        c.closeSync();
      }
    };
    const next = this.writeQueue.then(run, run);
    this.writeQueue = next.catch(() => undefined);
    return next;
  }

  /**
   * Counts the writes committed through this handle: results computed from the workspace are
   * valid for one value of it. (Another process cannot write: DuckDB locks the file.)
   */
  get dataVersion(): number {
    return this.committed;
  }

  /** Calls fn after every committed write; returns the unsubscribe function. */
  onCommit(fn: () => void): () => void {
    this.commitListeners.add(fn);
    return () => this.commitListeners.delete(fn);
  }

  async checkpoint(): Promise<void> {
    const c = await this.connect();
    try { await c.run('CHECKPOINT'); } finally { c.closeSync(); }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    // Pooled connections keep the database open: close them first so the file is released.
    for (const c of this.idle.splice(0)) c.closeSync();
    this.instance.closeSync();
  }
}

async function migrate(c: DuckDBConnection, path: string, migrations: Migration[]): Promise<number> {
  const latest = latestSchemaVersion(migrations);
  const hasMeta = (await c.runAndReadAll(
    "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'meta' AND table_schema = 'main'",
  )).getRowObjectsJS()[0].n as bigint;
  let current = 0;
  if (hasMeta > 0n) {
    const rows = (await c.runAndReadAll("SELECT value FROM meta WHERE key = 'schema_version'")).getRowObjectsJS();
    current = rows.length ? Number(rows[0].value) : 0;
  } else {
    const tables = (await c.runAndReadAll("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'main'")).getRowObjectsJS()[0].n as bigint;
    if (tables > 0n) {
      throw new PathwaysError('WORKSPACE_UNREADABLE', `${basename(path)} is a DuckDB file but not a Pathways workspace (it has tables but no Pathways metadata).`, { file: path });
    }
  }
  if (current > latest) {
    throw new PathwaysError(
      'WORKSPACE_TOO_NEW',
      `The workspace ${basename(path)} was written by a newer version of Pathways (schema ${current}; this version knows up to ${latest}). Update Pathways to open it; the file was not changed.`,
      { file: path },
    );
  }
  for (const m of migrations.filter((m) => m.version > current)) {
    await c.run('BEGIN TRANSACTION');
    try {
      await c.run(m.sql);
      await c.run(
        "INSERT INTO meta VALUES ('schema_version', $v) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        { v: String(m.version) },
      );
      await c.run('COMMIT');
    } catch (err) {
      await c.run('ROLLBACK').catch(() => undefined);
      throw new PathwaysError('INTERNAL', `migration ${m.version} (${m.name}) failed: ${(err as Error).message}`, { file: path });
    }
  }
  return latest;
}

async function ensureSalt(c: DuckDBConnection): Promise<string> {
  const rows = (await c.runAndReadAll("SELECT value FROM meta WHERE key = 'salt'")).getRowObjectsJS();
  if (rows.length) return String(rows[0].value);
  const salt = randomBytes(32).toString('hex');
  await c.run("INSERT INTO meta VALUES ('salt', $salt)", { salt });
  return salt;
}

function describeOpenError(path: string, err: unknown): PathwaysError {
  const msg = err instanceof Error ? err.message : String(err);
  const lock = /Conflicting lock is held in (.*?) \(PID (\d+)\)/.exec(msg);
  if (lock) {
    return new PathwaysError('WORKSPACE_IN_USE', `The workspace ${basename(path)} is in use by another program (${basename(lock[1])}, PID ${lock[2]}). Close it there, then open it again.`, { file: path });
  }
  if (/Permission denied|Read-only file system/i.test(msg)) {
    return new PathwaysError('WORKSPACE_UNREADABLE', `The workspace ${basename(path)} cannot be opened for writing: the folder or file is read-only.`, { file: path });
  }
  if (/No space left/i.test(msg)) {
    return new PathwaysError('DISK_FULL', `The disk holding ${basename(path)} is full: free some space, then open it again.`, { file: path });
  }
  return new PathwaysError('WORKSPACE_UNREADABLE', `The workspace ${basename(path)} cannot be opened: ${msg}`, { file: path });
}

/** A failed write, already rolled back: a full disk is said plainly, anything else passes through. */
function describeWriteError(path: string, err: unknown): unknown {
  if (err instanceof PathwaysError) return err;
  const msg = err instanceof Error ? err.message : String(err);
  if (/No space left|disk is full|not enough space/i.test(msg)) {
    return new PathwaysError('DISK_FULL', `The disk holding ${basename(path)} is full: nothing was written, and the workspace is as it was before. Free some space, then try again.`, { file: basename(path) });
  }
  return err;
}
