import { useEffect, useState } from 'react';

/**
 * The order of level labels, confirmed once per workspace: labels listed lowest first, moved
 * with the arrows; new labels (from a rejected import) can be added. Saving re-ranks the rows.
 */
export function LevelOrderEditor({ levels, onSave, busy }: { levels: { label: string; rank: number }[]; onSave: (labels: string[]) => void; busy: boolean }) {
  const [labels, setLabels] = useState(levels.map((l) => l.label));
  const [fresh, setFresh] = useState('');
  useEffect(() => setLabels(levels.map((l) => l.label)), [levels]);
  const move = (i: number, d: -1 | 1) => {
    const next = [...labels];
    [next[i], next[i + d]] = [next[i + d], next[i]];
    setLabels(next);
  };
  const add = () => {
    const names = fresh.split(',').map((s) => s.trim()).filter((s) => s && !labels.some((l) => l.toLowerCase() === s.toLowerCase()));
    setLabels([...labels, ...names]);
    setFresh('');
  };
  return (
    <section aria-labelledby="level-order-title" data-testid="level-order">
      <h2 id="level-order-title">Level order</h2>
      {labels.length ? (
        <ol className="data-levels">
          {labels.map((l, i) => (
            <li key={l}>
              <span>{l}</span>
              <button type="button" className="data-button data-button-quiet" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move ${l} down the order`}>↑</button>
              <button type="button" className="data-button data-button-quiet" disabled={i === labels.length - 1} onClick={() => move(i, 1)} aria-label={`Move ${l} up the order`}>↓</button>
              <button type="button" className="data-button data-button-quiet" onClick={() => setLabels(labels.filter((x) => x !== l))} aria-label={`Remove ${l}`}>×</button>
            </li>
          ))}
        </ol>
      ) : <p className="data-note">No level labels yet (numeric levels need no order).</p>}
      <div className="data-row">
        <label>Add labels (lowest first, comma-separated)
          <input type="text" value={fresh} onChange={(e) => setFresh(e.target.value)} data-testid="level-add-input" />
        </label>
        <button type="button" className="data-button" onClick={add} disabled={!fresh.trim()}>Add</button>
        <button type="button" className="data-button data-button-primary" disabled={busy || !labels.length} onClick={() => onSave(labels)} data-testid="level-save">Save order</button>
      </div>
    </section>
  );
}
