import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { appRoot } from '../src/paths';

/** Where the build puts the files the main process loads (see scripts/build.mjs). */
export interface AppFiles {
  /** dist/electron/preload.cjs: a sandboxed preload must be CommonJS. */
  preload: string;
  /** dist/renderer/index.html: the built renderer. */
  rendererIndex: string;
  /** The renderer index as a file URL: the only page trusted to navigate to and to call IPC. */
  rendererIndexUrl: string;
}

/**
 * Resolved from the package root rather than from this module's folder, because the same code
 * runs bundled (dist/electron/main.cjs), packaged (inside app.asar) and from source in tests.
 */
export function appFiles(root: string = appRoot()): AppFiles {
  const rendererIndex = join(root, 'dist', 'renderer', 'index.html');
  return {
    preload: join(root, 'dist', 'electron', 'preload.cjs'),
    rendererIndex,
    rendererIndexUrl: pathToFileURL(rendererIndex).href,
  };
}
