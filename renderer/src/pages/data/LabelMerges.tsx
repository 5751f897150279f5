import { useState } from 'react';

/** Label merges ("F" counts as "Woman"): the ones in force, and a form to add one. */
export function LabelMerges({ merges, onAdd, busy }: {
  merges: { dimension: string; from: string; to: string }[];
  onAdd: (m: { dimension: 'gender' | 'race_ethnicity'; from: string; to: string }) => void;
  busy: boolean;
}) {
  const [dimension, setDimension] = useState<'gender' | 'race_ethnicity'>('gender');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const grouped = new Map<string, string[]>();
  for (const m of merges) grouped.set(`${m.dimension}: ${m.to}`, [...(grouped.get(`${m.dimension}: ${m.to}`) ?? []), m.from]);
  return (
    <section aria-labelledby="label-merges-title" data-testid="label-merges">
      <h2 id="label-merges-title">Label merges</h2>
      <details>
        <summary>{merges.length} merges in force</summary>
        <ul>{[...grouped].map(([k, v]) => <li key={k}><strong>{k}</strong> ← {v.join(', ')}</li>)}</ul>
      </details>
      <form className="data-row" onSubmit={(e) => { e.preventDefault(); if (from.trim() && to.trim()) { onAdd({ dimension, from, to }); setFrom(''); } }}>
        <label>Dimension
          <select value={dimension} onChange={(e) => setDimension(e.target.value as 'gender' | 'race_ethnicity')}>
            <option value="gender">gender</option><option value="race_ethnicity">race_ethnicity</option>
          </select>
        </label>
        <label>Label as written<input type="text" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        <label>Counts as<input type="text" value={to} onChange={(e) => setTo(e.target.value)} /></label>
        <button type="submit" className="data-button" disabled={busy || !from.trim() || !to.trim()}>Merge</button>
      </form>
    </section>
  );
}
