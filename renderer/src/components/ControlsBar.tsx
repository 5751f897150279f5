import { memo, useEffect, useId, useState, type ReactNode } from 'react';
import type { WorkspaceInfo } from '../../../src/api/contract';
import { isValidK, LAYERS, MAX_K, MIN_K, referenceGroups, type Controls, type ReferenceChoice } from '../controls/urlControls';
import { dimensionLabel } from '../format/labels';
import { MONTH_NAMES, periodMonths, shiftPeriod } from '../format/periods';
import { sliceLabel } from '../model/slices';

interface Props {
  info: WorkspaceInfo;
  controls: Controls;
  onChange: (next: Partial<Controls>) => void;
}

const ANY = '';

/**
 * Every control the pages share: the review and comparison periods, the equity dimension
 * (or the intersection of two) with its reference group, the minimum group size, and the
 * filters (department, location, level range, layer, program). All of them are in the URL.
 */
function ControlsBarImpl({ info, controls: c, onChange }: Props) {
  const id = useId();
  const periods = [...info.periods].reverse(); // newest first: the usual review is the latest quarter
  const fiscal = info.fiscalStartMonth ?? 1;
  const groups = referenceGroups(info, c.dimension, c.dimension2);
  const refValue = typeof c.reference === 'object' ? `group:${c.reference.group}` : c.reference;
  const levels = info.levels;
  const programs = (info.programs ?? []).filter((p) => !c.layer || p.layer === c.layer);
  const filtered = c.department || c.location || c.levelMin !== null || c.levelMax !== null || c.layer || c.programId;
  const field = (name: string, label: string, control: ReactNode, hint?: ReactNode) => (
    <div className="control">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      {control}
      {hint}
    </div>
  );
  const opt = (v: string | null) => v ?? ANY;
  const back = (v: string) => (v === ANY ? null : v);
  return (
    <div className="controls" role="group" aria-label="View">
      <div className="controls-row">
        {field('period', 'Review period', (
          <select id={`${id}-period`} name="period" value={c.period} onChange={(e) => onChange({ period: e.target.value })}>
            {periods.map((p) => <option key={p} value={p}>{p}</option>)}
          </select>
        ), fiscal !== 1 ? <span className="control-hint">{periodMonths(c.period, fiscal)} (fiscal year from {MONTH_NAMES[fiscal - 1]})</span> : null)}
        {field('compare', 'Compare with', (
          <select id={`${id}-compare`} name="compare" value={opt(c.comparePeriod)} onChange={(e) => onChange({ comparePeriod: back(e.target.value) })}>
            <option value={ANY}>Quarter before ({shiftPeriod(c.period, -1)})</option>
            {periods.filter((p) => p !== c.period && p !== shiftPeriod(c.period, -1)).map((p) => <option key={p} value={p}>{p}</option>)}
          </select>
        ))}
        {field('dimension', 'Break down by', (
          <select id={`${id}-dimension`} name="dimension" value={c.dimension}
            onChange={(e) => onChange({ dimension: e.target.value, reference: keepReference(c.reference), dimension2: c.dimension2 === e.target.value ? null : c.dimension2 })}>
            {info.dimensions.map((d) => <option key={d} value={d}>{dimensionLabel(d)}</option>)}
          </select>
        ))}
        {field('dimension2', 'Crossed with', (
          <select id={`${id}-dimension2`} name="dimension2" value={opt(c.dimension2)} onChange={(e) => onChange({ dimension2: back(e.target.value), reference: keepReference(c.reference) })}>
            <option value={ANY}>Nothing</option>
            {info.dimensions.filter((d) => d !== c.dimension).map((d) => <option key={d} value={d}>{dimensionLabel(d)}</option>)}
          </select>
        ))}
        {field('reference', 'Reference group', (
          <select id={`${id}-reference`} name="reference" value={refValue} onChange={(e) => onChange({ reference: readReference(e.target.value) })}>
            <option value="largest">Largest group</option>
            <option value="highest">Best rate</option>
            {groups.map((g) => <option key={g} value={`group:${g}`}>{g}</option>)}
          </select>
        ))}
        <MinGroupSize id={`${id}-k`} value={c.k} onCommit={(k) => onChange({ k })} />
      </div>
      <div className="controls-row" role="group" aria-label="Filters">
        {field('department', 'Department', (
          <select id={`${id}-department`} name="department" value={opt(c.department)} onChange={(e) => onChange({ department: back(e.target.value) })}>
            <option value={ANY}>All departments</option>
            {info.departments.map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        ))}
        {field('location', 'Location', (
          <select id={`${id}-location`} name="location" value={opt(c.location)} onChange={(e) => onChange({ location: back(e.target.value) })}>
            <option value={ANY}>All locations</option>
            {info.locations.map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        ))}
        {field('levelMin', 'Lowest level', (
          <select id={`${id}-levelMin`} name="levelMin" value={c.levelMin === null ? ANY : String(c.levelMin)}
            onChange={(e) => onChange({ levelMin: e.target.value === ANY ? null : Number(e.target.value) })}>
            <option value={ANY}>Any</option>
            {levels.filter((l) => c.levelMax === null || l.rank <= c.levelMax).map((l) => <option key={l.rank} value={l.rank}>{l.label}</option>)}
          </select>
        ))}
        {field('levelMax', 'Highest level', (
          <select id={`${id}-levelMax`} name="levelMax" value={c.levelMax === null ? ANY : String(c.levelMax)}
            onChange={(e) => onChange({ levelMax: e.target.value === ANY ? null : Number(e.target.value) })}>
            <option value={ANY}>Any</option>
            {levels.filter((l) => c.levelMin === null || l.rank >= c.levelMin).map((l) => <option key={l.rank} value={l.rank}>{l.label}</option>)}
          </select>
        ))}
        {field('layer', 'Layer', (
          <select id={`${id}-layer`} name="layer" value={opt(c.layer)}
            onChange={(e) => {
              const layer = back(e.target.value) as Controls['layer'];
              const program = (info.programs ?? []).find((p) => p.id === c.programId);
              onChange({ layer, programId: program && layer && program.layer !== layer ? null : c.programId });
            }}>
            <option value={ANY}>All layers</option>
            {LAYERS.map((l) => <option key={l} value={l}>{sliceLabel(l)}</option>)}
          </select>
        ))}
        {field('program', 'Program', (
          <select id={`${id}-program`} name="program" value={opt(c.programId)} onChange={(e) => onChange({ programId: back(e.target.value) })}>
            <option value={ANY}>All programs</option>
            {programs.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        ))}
        {filtered ? (
          <div className="control control-action">
            <button type="button" onClick={() => onChange({ department: null, location: null, levelMin: null, levelMax: null, layer: null, programId: null })}>
              Clear filters
            </button>
          </div>
        ) : null}
      </div>
    </div>
  );
}

export const ControlsBar = memo(ControlsBarImpl);

/** A chosen group means nothing for another dimension: back to the largest; "highest" stays. */
const keepReference = (r: ReferenceChoice): ReferenceChoice => (typeof r === 'object' ? 'largest' : r);

const readReference = (v: string): ReferenceChoice => (v.startsWith('group:') ? { group: v.slice(6) } : v === 'highest' ? 'highest' : 'largest');

/**
 * k is edited as text and applied only when valid, so typing "12" does not run the models
 * for "1" on the way, and a value below 3 is never sent.
 */
function MinGroupSize({ id, value, onCommit }: { id: string; value: number; onCommit: (k: number) => void }) {
  const [draft, setDraft] = useState(String(value));
  useEffect(() => setDraft(String(value)), [value]);
  const valid = /^\s*\d+\s*$/.test(draft) && isValidK(Number(draft));
  return (
    <div className="control control-k">
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
