import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { platform } from 'node:os';

/** Where Chromium or Chrome usually is, per platform; PATHWAYS_CHROMIUM (or CHROMIUM_PATH) wins. */
function candidates(): string[] {
  const env = process.env;
  const given = [env.PATHWAYS_CHROMIUM, env.CHROMIUM_PATH].filter((p): p is string => !!p);
  switch (platform()) {
    case 'darwin':
      return [...given, '/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];
    case 'win32': {
      const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((p): p is string => !!p);
      return [...given, ...roots.flatMap((r) => [join(r, 'Chromium', 'Application', 'chrome.exe'), join(r, 'Google', 'Chrome', 'Application', 'chrome.exe')])];
    }
    default:
      return [...given, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'];
  }
}

/** The first Chromium that exists, or null, with the places looked at (for the error message). */
export function findChromium(explicit?: string | null): { path: string | null; looked: string[] } {
  const looked = explicit ? [explicit] : candidates();
  return { path: looked.find((p) => existsSync(p)) ?? null, looked };
}
