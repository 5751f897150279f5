import { cancelledError } from '../api/cancelled';

/**
 * Runs at most `limit` tasks at a time, first come first served. A task whose signal aborts
 * while it waits is dropped without ever starting, so a burst of control changes sends only
 * the requests of the view that is still wanted. (Browsers keep six connections per origin,
 * and a 2-core laptop gains nothing from more model runs at once than it has cores to run them.)
 */
export class RequestLimiter {
  private running = 0;
  private waiting: { start: () => void; signal: AbortSignal; drop: () => void }[] = [];

  constructor(private readonly limit: number) {}

  run<T>(task: () => Promise<T>, signal: AbortSignal): Promise<T> {
    if (signal.aborted) return Promise.reject(cancelledError());
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.running++;
        task().then(resolve, reject).finally(() => {
          this.running--;
          this.next();
        });
      };
      const entry = { start, signal, drop: () => reject(cancelledError()) };
      signal.addEventListener('abort', () => {
        const i = this.waiting.indexOf(entry);
        if (i >= 0) {
          this.waiting.splice(i, 1);
          entry.drop();
        }
      }, { once: true });
      this.waiting.push(entry);
      this.next();
    });
  }

  private next(): void {
    while (this.running < this.limit && this.waiting.length) this.waiting.shift()!.start();
  }

  get pending(): number {
    return this.running + this.waiting.length;
  }
}
