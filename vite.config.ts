import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * The renderer bundle. One page served two ways: Electron loads dist/renderer/index.html from
 * file:// (hence the relative base), browser mode serves the same files over loopback HTTP.
 * Both apply a CSP without 'unsafe-eval' and without inline scripts, so nothing here may
 * inline a script or compile code at run time (zod stays out of the bundle for that reason:
 * its JIT probes `new Function`).
 */
export default defineConfig({
  root: here('./renderer'),
  base: './',
  // Vite 8 transforms TS/JSX with Oxc; no React plugin is needed for the automatic runtime.
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: here('./dist/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Nothing may end up as an inline <script> or a data: script.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // One bundle read from disk (file:// or loopback), never over a network: its size only
    // costs start-up parse time, so Plot + Arrow + React in one chunk is fine.
    chunkSizeWarningLimit: 1024,
  },
  server: { host: '127.0.0.1', strictPort: false },
});
