import { existsSync, readFileSync, unlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const OUTPUT = resolve(__dirname, '..', 'output');

/**
 * Serializes a rendered chart the way Observable Plot's own snapshot tests do: numbers in
 * the markup rounded to 3 decimals (so a change in the last float digit of a layout
 * computation is not a visual change), one tag per line so that a diff shows what moved.
 */
export function serializeSvg(root: Element): string {
  if (root.tagName.toLowerCase() === 'svg') {
    root.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns', 'http://www.w3.org/2000/svg');
  }
  return root.outerHTML
    .replace(/-?\d+\.\d{4,}/g, (n) => String(Math.round(Number(n) * 1000) / 1000))
    .replace(/>\s*</g, '>\n<')
    .concat('\n');
}

/**
 * Compares with test/output/<name>.svg. A mismatch writes <name>-changed.svg next to it and
 * fails; a missing snapshot is written (and the test passes) except on CI, where it fails.
 * A match removes a stale -changed file.
 */
export function matchSvgSnapshot(name: string, actual: string): { ok: boolean; message: string } {
  mkdirSync(OUTPUT, { recursive: true });
  const file = join(OUTPUT, `${name}.svg`);
  const changed = join(OUTPUT, `${name}-changed.svg`);
  if (!existsSync(file)) {
    if (process.env.CI === 'true') return { ok: false, message: `missing snapshot ${file} (CI=true: snapshots are not generated on CI)` };
    writeFileSync(file, actual, 'utf8');
    console.warn(`! generated ${file}`);
    return { ok: true, message: 'generated' };
  }
  const expected = readFileSync(file, 'utf8');
  if (actual === expected) {
    if (process.env.CI !== 'true' && existsSync(changed)) unlinkSync(changed);
    return { ok: true, message: 'matches' };
  }
  writeFileSync(changed, actual, 'utf8');
  return { ok: false, message: `${name} must match its snapshot: compare ${file} with ${changed}` };
}
