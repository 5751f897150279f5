import type { FileInspection } from '../../../../src/ingest/importReport';
import { CANONICAL_FIELDS, IMPORT_TABLES, type ImportTableName } from '../../../../src/ingest/canonicalFields';
import { DATE_FORMATS, TABLE_LABELS, dimensionName, missingRequired, type ProfileDraft } from './profileDraft';

interface Props {
  inspection: FileInspection;
  draft: ProfileDraft;
  onChange: (d: ProfileDraft) => void;
  /** Another sheet, header row, delimiter or encoding: the file is read again. */
  onReread: (r: { sheet: string | null; headerRow: number | null; delimiter: string | null; encoding: 'utf-8' | 'latin-1' | null }) => void;
}

/** The suggested mapping of one file, to confirm or correct: table, a column per field, dates, sheet. */
export function MappingEditor({ inspection, draft, onChange, onReread }: Props) {
  const { required, optional } = CANONICAL_FIELDS[draft.table];
  const set = (patch: Partial<ProfileDraft>) => onChange({ ...draft, ...patch });
  const setColumn = (field: string, column: string) => set({ columns: { ...draft.columns, [field]: column } });
  const used = new Set(Object.values(draft.columns).filter(Boolean));
  const missing = missingRequired(draft);
  const s = inspection.suggestion;
  const free = inspection.columns.filter((c) => !used.has(c) && !s.sensitive.includes(c));
  const dims = draft.extraDimensions ?? {};
  const file = inspection.file;
  return (
    <div className="data-mapping" data-testid={`mapping-${file}`}>
      {inspection.savedProfile ? <p className="data-note" data-testid="saved-profile">Using the mapping saved for this header.</p> : (
        <p className="data-note">
          {s.table ? `Looks like ${TABLE_LABELS[s.table as ImportTableName].toLowerCase()} (${Math.round(s.confidence * 100)}% of required fields found).`
            : s.alternatives[0] ? `Not every key column was recognised; closest: ${TABLE_LABELS[s.alternatives[0].table as ImportTableName].toLowerCase()}. Check the table and the columns below.`
              : 'Pathways could not tell what this file is: choose its table and columns.'}
        </p>
      )}
      <div className="data-row">
        <label>
          Table
          <select value={draft.table} aria-label={`Table for ${file}`} onChange={(e) => set({ table: e.target.value as ImportTableName, columns: {} })}>
            {IMPORT_TABLES.map((t) => <option key={t} value={t}>{TABLE_LABELS[t]}</option>)}
          </select>
        </label>
        {inspection.sheets ? (
          <>
            <label>
              Sheet
              <select value={inspection.sheet ?? ''} aria-label={`Sheet of ${file}`} onChange={(e) => onReread({ sheet: e.target.value, headerRow: null, delimiter: null, encoding: null })}>
                {inspection.sheets.map((sh) => <option key={sh.sheet} value={sh.sheet}>{sh.sheet}</option>)}
              </select>
            </label>
            <label>
              Header row
              <input type="number" min={1} max={1000} value={inspection.headerRow ?? 1} aria-label={`Header row of ${file}`}
                onChange={(e) => { const n = Number(e.target.value); if (n >= 1) onReread({ sheet: inspection.sheet, headerRow: n, delimiter: null, encoding: null }); }} />
            </label>
          </>
        ) : null}
        {inspection.dialect ? (
          <>
            <label>
              Delimiter
              <select value={draft.delimiter ?? ''} aria-label={`Delimiter of ${file}`} onChange={(e) => {
                const delimiter = e.target.value || null;
                set({ delimiter });
                onReread({ sheet: null, headerRow: null, delimiter, encoding: draft.encoding === 'utf-8' || draft.encoding === 'latin-1' ? draft.encoding : null });
              }}>
                <option value="">{`Detected (${JSON.stringify(inspection.dialect.delimiter)})`}</option>
                <option value=",">comma</option><option value=";">semicolon</option><option value={'\t'}>tab</option><option value="|">pipe</option>
              </select>
            </label>
            <label>
              Encoding
              <select value={draft.encoding ?? ''} aria-label={`Encoding of ${file}`} onChange={(e) => {
                const encoding = (e.target.value || null) as 'utf-8' | 'latin-1' | null;
                set({ encoding });
                onReread({ sheet: null, headerRow: null, delimiter: draft.delimiter ?? null, encoding });
              }}>
                <option value="">{`Detected (${inspection.dialect.encoding})`}</option>
                <option value="utf-8">UTF-8</option><option value="latin-1">Latin-1 / Windows-1252</option>
              </select>
            </label>
          </>
        ) : null}
        <label>
          Date format
          <select value={draft.dateFormat ?? ''} aria-label={`Date format of ${file}`} onChange={(e) => set({ dateFormat: e.target.value || null })}>
            {DATE_FORMATS.map((f) => <option key={f.value} value={f.value}>{f.label}</option>)}
          </select>
        </label>
        {draft.table === 'people' ? (
          <label>
            Snapshot date
            <input type="date" value={draft.snapshotDate ?? ''} aria-label={`Snapshot date of ${file}`}
              onChange={(e) => set({ snapshotDate: e.target.value || null })} />
          </label>
        ) : null}
        {draft.table === 'feedback' ? (
          <label>
            Rating scale
            <select value={draft.ratingScale ?? '1-5'} onChange={(e) => set({ ratingScale: e.target.value as '1-5' | '1-10' })}>
              <option value="1-5">1 to 5</option><option value="1-10">1 to 10 (rescaled to 1-5)</option>
            </select>
          </label>
        ) : null}
        {draft.table === 'sessions' ? (
          <label>
            Layer for every row
            <select value={draft.layer ?? ''} onChange={(e) => set({ layer: (e.target.value || null) as ProfileDraft['layer'] })}>
              <option value="">From a column</option><option value="formal">formal</option><option value="peer">peer</option><option value="informal">informal</option>
            </select>
          </label>
        ) : null}
      </div>
      <table className="data-fields">
        <thead><tr><th scope="col">Field</th><th scope="col">Column in the file</th><th scope="col">Found by</th></tr></thead>
        <tbody>
          {[...required, ...optional].map((f) => (
            <tr key={f} data-testid={`field-${f}`}>
              <th scope="row">{f}{required.includes(f) ? <span className="data-required" title="required"> *</span> : null}</th>
              <td>
                <select value={draft.columns[f] ?? ''} aria-label={`Column for ${f}`} onChange={(e) => setColumn(f, e.target.value)}>
                  <option value="">(none)</option>
                  {inspection.columns.map((c) => <option key={c} value={c}>{c}</option>)}
                </select>
              </td>
              <td className="data-muted">{draft.columns[f] && draft.columns[f] === s.columns[f] ? (s.basis[f] === 'values' ? 'values' : 'header') : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {missing.length ? <p className="data-warning" role="status" data-testid="missing-required">Still to map: {missing.join(', ')}.</p> : null}
      {s.sensitive.length ? (
        <fieldset className="data-dims" data-testid="sensitive-columns">
          <legend>Names, e-mails and free text: dropped at import unless kept</legend>
          {s.sensitive.map((c) => (
            <label key={c} className="data-check">
              <input type="checkbox" checked={(draft.keep ?? []).includes(c)} onChange={(e) => set({ keep: e.target.checked ? [...(draft.keep ?? []), c] : (draft.keep ?? []).filter((k) => k !== c) })} />
              Keep {c}
            </label>
          ))}
          <p className="data-note">Kept columns are stored apart from the data the models read and never appear in a chart, table, report or export.</p>
        </fieldset>
      ) : null}
      {draft.table === 'people' && free.length ? (
        <fieldset className="data-dims">
          <legend>Extra equity dimensions</legend>
          {free.slice(0, 30).map((c) => {
            const name = Object.entries(dims).find(([, col]) => col === c)?.[0];
            return (
              <label key={c} className="data-check">
                <input type="checkbox" checked={Boolean(name)} onChange={(e) => {
                  const next = Object.fromEntries(Object.entries(dims).filter(([, col]) => col !== c));
                  if (e.target.checked) next[dimensionName(c)] = c;
                  set({ extraDimensions: next });
                }} />
                {c}{name ? <span className="data-muted"> as “{name}”</span> : null}
              </label>
            );
          })}
        </fieldset>
      ) : null}
    </div>
  );
}
