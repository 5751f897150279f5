// npm start: prepare the demo workspace, then open Pathways in Electron, or, where the
// Electron binary cannot be had (it is downloaded on first use), in browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli', 'pathways.mjs');
const forceBrowser = process.argv.includes('--browser');
const workspaceArg = process.argv.indexOf('--workspace');
const workspace = workspaceArg > 0 ? process.argv[workspaceArg + 1] : undefined;

function electronBinary() {
  // Read the package's own record of the binary instead of require('electron'), which would
  // try to download it again without telling us why it failed.
  const pkg = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(pkg, 'path.txt');
  const bin = existsSync(pathFile) ? join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim()) : null;
  if (bin && existsSync(bin)) return bin;
  console.log('Fetching the Electron runtime (first start only)…');
  const r = spawnSync(process.execPath, [join(pkg, 'install.js')], { stdio: 'pipe', timeout: 180_000 });
  const again = existsSync(pathFile) ? join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim()) : null;
  return r.status === 0 && again && existsSync(again) ? again : null;
}

let target = workspace;
if (!target) {
  const demo = spawnSync(process.execPath, [cli, 'demo'], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (demo.status !== 0) process.exit(demo.status ?? 1);
  target = demo.stdout.trim().replace(/^(built|already built): /, '');
}

const bin = forceBrowser ? null : electronBinary();
if (bin) {
  const child = spawn(bin, [join(root, 'dist', 'electron', 'main.cjs'), '--workspace', target], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!forceBrowser) {
    console.log('The Electron runtime is not installed on this machine and could not be downloaded (no internet access), so Pathways is starting in browser mode instead: open the address below in Chromium or any browser on this machine.');
  }
  const child = spawn(process.execPath, [cli, 'serve', '--workspace', target], { stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}
