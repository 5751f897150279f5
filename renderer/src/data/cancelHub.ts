/**
 * The page's Cancel button: every chart still waiting subscribes while it waits, and
 * `cancel()` abandons them all at once. A chart that starts waiting afterwards (a new view,
 * "Compute again") is not affected.
 */
export class CancelHub {
  private listeners = new Set<() => void>();

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  cancel(): void {
    const now = [...this.listeners];
    this.listeners.clear();
    for (const fn of now) fn();
  }

  get waiting(): number {
    return this.listeners.size;
  }
}
