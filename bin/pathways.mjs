#!/usr/bin/env node
// The pathways command: runs the bundled CLI (built by `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli', 'pathways.mjs');
if (!existsSync(cli)) {
  console.error('pathways: the CLI is not built yet; run "npm run build" first.');
  process.exit(1);
}
await import(pathToFileURL(cli).href);
