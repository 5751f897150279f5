import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workspace } from '../../src/workspace/workspace';

/** A fresh workspace file on disk, in its own temp folder, removed after the test. */
export async function withTempWorkspace<T>(fn: (ws: Workspace, dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'pathways-test-'));
  const ws = await Workspace.open(join(dir, 'workspace.duckdb'));
  try {
    return await fn(ws, dir);
  } finally {
    ws.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function tempDir(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'pathways-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
