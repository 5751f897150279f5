/**
 * Which charts of the page on screen are still waiting for their result or their drawing.
 * Charts mark themselves pending as soon as their inputs change (in a layout effect, before
 * any of them can finish) and done once drawn or replaced by a notice. When none is left
 * pending the page is complete for its view: the root element gets data-view-state="ready"
 * and a `pathways:ready` event carries the view (the query string) and the time, which the
 * UI benchmark and the end-to-end tests wait for.
 */
export class ViewStatus {
  private state = new Map<string, 'pending' | 'done'>();
  private listeners = new Set<(pending: number, total: number) => void>();
  private scheduled = false;

  constructor(private readonly win: Window | undefined = typeof window === 'undefined' ? undefined : window) {}

  pending(id: string): void {
    this.state.set(id, 'pending');
    this.changed();
  }

  done(id: string): void {
    if (this.state.get(id) === 'done') return;
    this.state.set(id, 'done');
    this.changed();
  }

  /** The view changed: announce it ready once drawn, even when none of its charts had to change. */
  touch(): void {
    this.changed();
  }

  remove(id: string): void {
    if (this.state.delete(id)) this.changed();
  }

  get counts(): { pending: number; total: number } {
    let pending = 0;
    for (const s of this.state.values()) if (s === 'pending') pending++;
    return { pending, total: this.state.size };
  }

  subscribe(fn: (pending: number, total: number) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private changed(): void {
    const { pending, total } = this.counts;
    for (const fn of this.listeners) fn(pending, total);
    const root = this.win?.document.documentElement;
    if (!root) return;
    if (pending > 0) {
      root.dataset.viewState = 'loading';
      return;
    }
    // Announce once the browser has had the chance to lay out what the charts just drew.
    if (this.scheduled) return;
    this.scheduled = true;
    const later = (fn: () => void) => (typeof this.win!.requestAnimationFrame === 'function' ? this.win!.requestAnimationFrame(fn) : this.win!.setTimeout(fn, 0));
    later(() => {
      this.scheduled = false;
      if (this.counts.pending > 0) return;
      root.dataset.viewState = 'ready';
      this.win!.dispatchEvent(new CustomEvent('pathways:ready', { detail: { view: this.win!.location.search, at: this.win!.performance.now() } }));
    });
  }
}
