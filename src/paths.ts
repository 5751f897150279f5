import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { homedir, platform } from 'node:os';

let cachedRoot: string | undefined;

/**
 * The folder that holds package.json, queries/ and the migrations. Found by walking up from
 * this module because the same code runs from src/ (tests), dist/ (bundles) and, packaged,
 * from inside app.asar.
 */
export function appRoot(): string {
  if (cachedRoot) return cachedRoot;
  const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
  let dir = resolve(here);
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'pathways') {
      cachedRoot = dir;
      return dir;
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the Pathways package root above ${here}`);
    dir = up;
  }
}

export const queriesDir = (): string => join(appRoot(), 'queries');
export const migrationsDir = (): string => join(appRoot(), 'src', 'workspace', 'migrations');

/** The OS's per-user application-data folder for Pathways (Electron's app.getPath('userData') equivalent). */
export function defaultDataDir(): string {
  const env = process.env;
  if (env.PATHWAYS_HOME) return env.PATHWAYS_HOME;
  switch (platform()) {
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', 'Pathways');
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Pathways');
    default:
      return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'Pathways');
  }
}

declare const __dirname: string | undefined;
