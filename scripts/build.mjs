// Builds everything the app runs from: the renderer (Vite) and the Node/Electron bundles (esbuild).
// node_modules stay external: @duckdb/node-api is a native addon and must load from its package.
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const common = { bundle: true, platform: 'node', target: 'node20', packages: 'external', sourcemap: true, logLevel: 'warning', logOverride: { 'empty-import-meta': 'silent' } };

const jobs = [
  build({ ...common, entryPoints: [join(root, 'src/cli/run.ts')], outfile: join(root, 'dist/cli/pathways.mjs'), format: 'esm' }),
  build({ ...common, entryPoints: [join(root, 'src/bench/bench.ts')], outfile: join(root, 'dist/bench/bench.mjs'), format: 'esm' }),
  // Built rather than run with tsx: tsx keeps function names with a helper that does not exist
  // inside the page, where these scripts evaluate code through playwright.
  build({ ...common, entryPoints: [join(root, 'src/bench/benchUi.ts')], outfile: join(root, 'dist/bench/benchUi.mjs'), format: 'esm' }),
  build({ ...common, entryPoints: [join(root, 'scripts/screenshots.ts')], outfile: join(root, 'dist/scripts/screenshots.mjs'), format: 'esm' }),
];
if (existsSync(join(root, 'electron/main.ts'))) {
  jobs.push(build({ ...common, entryPoints: [join(root, 'electron/main.ts')], outfile: join(root, 'dist/electron/main.cjs'), format: 'cjs', external: ['electron'] }));
  // A sandboxed preload must be one CommonJS file with nothing but electron to require.
  jobs.push(build({ ...common, packages: undefined, entryPoints: [join(root, 'electron/preload.ts')], outfile: join(root, 'dist/electron/preload.cjs'), format: 'cjs', external: ['electron'] }));
}
await Promise.all(jobs);
await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
