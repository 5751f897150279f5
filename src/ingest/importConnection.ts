import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { PathwaysError } from '../errors';
import type { ImportProgress, ImportStep } from './importReport';

/** Share of one file's import time each step takes, measured on a million-row roster. */
const STEP_SHARE: Record<ImportStep, [start: number, share: number]> = {
  reading: [0, 0.35],
  checking: [0.35, 0.4],
  landing: [0.75, 0.25],
};

/** Turns step changes and DuckDB's per-statement progress into one monotonic 0..1 fraction. */
export class ProgressTracker {
  private fileIndex = 0;
  private file: string | null = null;
  private step: ImportStep = 'reading';
  private within = 0;
  private last = -1;

  constructor(private readonly files: number, private readonly onProgress?: (p: ImportProgress) => void) {}

  startFile(index: number, name: string): void {
    this.fileIndex = index;
    this.file = name;
    this.setStep('reading');
  }

  setStep(step: ImportStep): void {
    this.step = step;
    this.within = 0;
    this.emit();
  }

  /** DuckDB's progress of the running statement, 0..100 (or -1 when it cannot tell). */
  statement(percentage: number): void {
    if (!(percentage >= 0)) return;
    this.within = Math.max(this.within, Math.min(1, percentage / 100));
    this.emit();
  }

  finish(): void {
    this.fileIndex = this.files;
    this.within = 0;
    this.emit(1);
  }

  private emit(forced?: number): void {
    if (!this.onProgress) return;
    const [start, share] = STEP_SHARE[this.step];
    const fraction = forced ?? Math.min(0.99, (this.fileIndex + start + share * this.within) / Math.max(1, this.files));
    if (fraction < this.last) return;
    this.last = fraction;
    this.onProgress({ fraction, file: this.file, fileIndex: Math.min(this.fileIndex, this.files - 1), files: this.files, step: this.step });
  }
}

export const cancelled = () => new PathwaysError('CANCELLED', 'the import was cancelled: nothing was changed');

/**
 * The import's view of its connection: checks for cancellation before every statement and
 * interrupts the running one when the signal fires (DuckDB stops within a vector or so, and
 * the transaction then rolls back), reports the statement's progress while it runs, and with
 * PATHWAYS_TRACE=1 prints each statement's time (for tuning, never on by default).
 */
export function instrument(c: DuckDBConnection, signal?: AbortSignal, progress?: ProgressTracker): DuckDBConnection {
  const trace = Boolean(process.env.PATHWAYS_TRACE);
  if (!trace && !signal && !progress) return c;
  const wrap = <T>(fn: (sql: string, p?: Record<string, DuckDBValue>) => Promise<T>) => async (sql: string, p?: Record<string, DuckDBValue>): Promise<T> => {
    if (signal?.aborted) throw cancelled();
    const t = performance.now();
    const cpu = trace ? process.cpuUsage() : undefined;
    const onAbort = () => c.interrupt();
    signal?.addEventListener('abort', onAbort, { once: true });
    const poll = progress ? setInterval(() => progress.statement(c.progress.percentage), 200) : undefined;
    try {
      return await fn(sql, p);
    } catch (err) {
      if (signal?.aborted) throw cancelled();
      throw err;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      if (poll) clearInterval(poll);
      if (trace) {
        // CPU time beside wall time: on a shared machine the wall clock alone misleads.
        const used = process.cpuUsage(cpu);
        process.stderr.write(`[import] ${(performance.now() - t).toFixed(0).padStart(6)} ms ${((used.user + used.system) / 1000).toFixed(0).padStart(6)} ms cpu  ${sql.replace(/\s+/g, ' ').trim().slice(0, 90)}\n`);
      }
    }
  };
  return new Proxy(c, {
    get(target, prop) {
      if (prop === 'run') return wrap((s, p) => target.run(s, p));
      if (prop === 'runAndReadAll') return wrap((s, p) => target.runAndReadAll(s, p));
      const v = Reflect.get(target, prop);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}
