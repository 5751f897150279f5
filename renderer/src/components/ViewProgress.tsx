import { useContext, useEffect, useState } from 'react';
import { DataContext } from '../data/dataContext';

/** Below this, work is quick enough that a progress bar would only flicker. */
const SHOW_AFTER_MS = 400;

/**
 * Long work made visible: how many of the page's charts are still being computed, with a
 * Cancel button that abandons them (the rest of the page stays as it is) and, after a
 * cancel, a button to compute them again.
 */
export function ViewProgress({ onRetry }: { onRetry: () => void }) {
  const { status, cancels } = useContext(DataContext);
  const [counts, setCounts] = useState(status.counts);
  const [visible, setVisible] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  useEffect(() => status.subscribe((pending, total) => setCounts({ pending, total })), [status]);
  useEffect(() => {
    if (counts.pending === 0) {
      setVisible(false);
      return;
    }
    setCancelled(false);
    const t = setTimeout(() => setVisible(true), SHOW_AFTER_MS);
    return () => clearTimeout(t);
  }, [counts.pending > 0]); // eslint-disable-line react-hooks/exhaustive-deps

  if (cancelled) {
    return (
      <div className="progress" role="status" data-testid="progress">
        <span>Cancelled: the charts that were still being computed say so.</span>
        <button type="button" onClick={() => { setCancelled(false); onRetry(); }}>Compute again</button>
      </div>
    );
  }
  if (!visible || counts.pending === 0) return <div className="progress progress-idle" aria-hidden="true" />;
  const done = counts.total - counts.pending;
  return (
    <div className="progress" role="status" data-testid="progress">
      <label>
        Computing {counts.pending} of {counts.total} {counts.total === 1 ? 'chart' : 'charts'}…
        <progress max={counts.total} value={done} />
      </label>
      <button type="button" onClick={() => { cancels.cancel(); setCancelled(true); }}>Cancel</button>
    </div>
  );
}
