/**
 * Answers kept by key, most recently used last, for model results that many views ask for
 * again (a period's result serves its own chart, the next period's comparison and an
 * 8-quarter trend). Holds promises, so concurrent asks for one key share a single run; a
 * rejected run is forgotten, so a transient failure is retried on the next ask.
 */
export class ResultCache<T> {
  private entries = new Map<string, Promise<T>>();

  constructor(private readonly capacity: number) {}

  get(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const entries = this.entries;
    const made = compute();
    entries.set(key, made);
    made.catch(() => { if (entries.get(key) === made) entries.delete(key); });
    while (entries.size > this.capacity) entries.delete(entries.keys().next().value as string);
    return made;
  }

  /** Forgets everything; a run still in flight finishes for its caller but is not kept. */
  clear(): void {
    this.entries = new Map();
  }

  get size(): number {
    return this.entries.size;
  }
}
