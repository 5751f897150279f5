import { Writable } from 'node:stream';
import { main } from '../../src/cli/main';

/** Runs the CLI in this process and collects what it writes. */
export async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const sink = (f: (s: string) => void) => new Writable({ write(chunk, _enc, done) { f(String(chunk)); done(); } });
  const code = await main(args, sink((s) => { out += s; }) as unknown as typeof process.stdout, sink((s) => { err += s; }) as unknown as typeof process.stderr);
  return { code, out, err };
}
