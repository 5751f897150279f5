import { useEffect, useId, useState } from 'react';
import type { WorkspaceInfo } from '../../../src/api/contract';
import { isValidK, MAX_K, MIN_K, type Controls } from '../controls/urlControls';
import { dimensionLabel } from '../format/labels';

interface Props {
  info: WorkspaceInfo;
  controls: Controls;
  onChange: (next: Partial<Controls>) => void;
}

/** Review period, equity dimension and minimum group size: what every figure below depends on. */
export function ControlsBar({ info, controls, onChange }: Props) {
  const id = useId();
  const periods = [...info.periods].reverse(); // newest first: the usual review is the latest quarter
  return (
    <div className="controls" role="group" aria-label="View">
      <div className="control">
        <label htmlFor={`${id}-period`}>Review period</label>
        <select id={`${id}-period`} name="period" value={controls.period} onChange={(e) => onChange({ period: e.target.value })}>
          {periods.map((p) => (
            <option key={p} value={p}>{p}</option>
          ))}
        </select>
      </div>
      <div className="control">
        <label htmlFor={`${id}-dimension`}>Break down by</label>
        <select id={`${id}-dimension`} name="dimension" value={controls.dimension} onChange={(e) => onChange({ dimension: e.target.value })}>
          {info.dimensions.map((d) => (
            <option key={d} value={d}>{dimensionLabel(d)}</option>
          ))}
        </select>
      </div>
      <MinGroupSize id={`${id}-k`} value={controls.k} onCommit={(k) => onChange({ k })} />
    </div>
  );
}

/**
 * k is edited as text and applied only when valid, so typing "12" does not run the model
 * for "1" on the way, and a value below 3 is never sent.
 */
function MinGroupSize({ id, value, onCommit }: { id: string; value: number; onCommit: (k: number) => void }) {
  const [draft, setDraft] = useState(String(value));
  useEffect(() => setDraft(String(value)), [value]);
  const valid = /^\s*\d+\s*$/.test(draft) && isValidK(Number(draft));
  return (
    <div className="control">
      <label htmlFor={id}>Minimum group size (k)</label>
      <input
        id={id}
        name="k"
        type="number"
        inputMode="numeric"
        min={MIN_K}
        max={MAX_K}
        step={1}
        value={draft}
        aria-invalid={!valid}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          setDraft(e.target.value);
          const n = Number(e.target.value);
          if (/^\s*\d+\s*$/.test(e.target.value) && isValidK(n)) onCommit(n);
        }}
        onBlur={() => { if (!valid) setDraft(String(value)); }}
      />
      <span id={`${id}-hint`} className={valid ? 'control-hint' : 'control-hint control-hint-invalid'}>
        {valid ? 'Smaller groups are hidden.' : `Use a whole number from ${MIN_K} to ${MAX_K}.`}
      </span>
    </div>
  );
}
