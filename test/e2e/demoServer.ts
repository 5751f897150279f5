import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDemoWorkspace } from '../../src/app/demoWorkspace';
import { Workspace } from '../../src/workspace/workspace';
import { createCore } from '../../src/api/core';
import { startBrowserServer, type BrowserServer } from '../../src/server/browserServer';
import { appRoot } from '../../src/paths';

/** Browser mode over a freshly generated demo workspace on disk, as `npm start` would run it. */
export async function startDemoServer(people = 2000): Promise<{ ws: Workspace; server: BrowserServer; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'pathways-e2e-'));
  const { path } = await ensureDemoWorkspace({ dir, people });
  const ws = await Workspace.open(path);
  const server = await startBrowserServer({ core: createCore(ws), staticDir: join(appRoot(), 'dist', 'renderer') });
  return {
    ws,
    server,
    stop: async () => {
      await server.close();
      ws.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
