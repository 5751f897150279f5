import { useCallback, useState } from 'react';
import type { WorkspaceInfo, ImportRecord, FileRef } from '../../../../src/api/contract';
import type { FileInspection } from '../../../../src/ingest/importReport';
import type { Call } from '../../api/client';
import { ApiError, asApiError } from '../../api/apiError';
import { useAsync } from '../../hooks/useAsync';
import { ErrorNotice, Notice } from '../../components/Notice';
import { FileDrop } from './FileDrop';
import { PreviewTable } from './PreviewTable';
import { MappingEditor } from './MappingEditor';
import { ValidationReport } from './ValidationReport';
import { RemovePerson } from './RemovePerson';
import { ImportList } from './ImportList';
import { DataQuality } from './DataQuality';
import { LevelOrderEditor } from './LevelOrderEditor';
import { LabelMerges } from './LabelMerges';
import { FiscalYearSetting } from './FiscalYearSetting';
import { useImportJob } from './useImportJob';
import { initialDraft, missingRequired, toProfile, type ProfileDraft } from './profileDraft';
import { downloadText } from './downloadText';
import './data.css';

interface Entry {
  ref: FileRef;
  inspection: FileInspection | null;
  draft: ProfileDraft | null;
  error: ApiError | null;
}

/**
 * The Data page: bring export files in (choose or drop), see their first rows and the
 * suggested mapping, correct it, check it (a dry run that lists every reject), import with a
 * progress bar and a cancel button, and manage what is in the workspace: imports, level order,
 * label merges, and which models still lack data.
 */
export function DataPage({ info, call, onChanged }: { info: WorkspaceInfo; call: Call; onChanged: () => void }) {
  const [entries, setEntries] = useState<Entry[]>([]);
  const [reading, setReading] = useState(0);
  const [pageError, setPageError] = useState<ApiError | null>(null);
  const [mode, setMode] = useState<'check' | 'import'>('check');
  const [busy, setBusy] = useState(false);
  const [settingsVersion, setSettingsVersion] = useState(0);
  const job = useImportJob(call);
  const models = useAsync(() => call('listModels', {}), [call, info]);
  const settings = useAsync(() => call('dataSettings', {}), [call, info, settingsVersion]);

  const update = (fileId: string, patch: Partial<Entry>) =>
    setEntries((es) => es.map((e) => (e.ref.fileId === fileId ? { ...e, ...patch } : e)));

  const addFiles = useCallback(async (files: File[]) => {
    setPageError(null);
    job.clear();
    if (!call.upload) { setPageError(asApiError(new Error('This window cannot hand files to Pathways.'))); return; }
    setReading((n) => n + files.length);
    for (const f of files) {
      try {
        const ref = await call.upload(f.name, new Uint8Array(await f.arrayBuffer()));
        setEntries((es) => [...es, { ref, inspection: null, draft: null, error: null }]);
        try {
          const inspection = await call('inspectFile', { fileId: ref.fileId });
          update(ref.fileId, { inspection, draft: initialDraft(inspection) });
        } catch (err) {
          update(ref.fileId, { error: asApiError(err) });
        }
      } catch (err) {
        setPageError(asApiError(err));
      } finally {
        setReading((n) => n - 1);
      }
    }
  }, [call, job]);

  const reread = async (e: Entry, r: { sheet: string | null; headerRow: number | null; delimiter: string | null; encoding: 'utf-8' | 'latin-1' | null }) => {
    try {
      const inspection = await call('inspectFile', { fileId: e.ref.fileId, ...r });
      const fresh = initialDraft(inspection);
      update(e.ref.fileId, { inspection, draft: { ...fresh, sheet: inspection.sheet, headerRow: inspection.headerRow, delimiter: r.delimiter, encoding: r.encoding }, error: null });
    } catch (err) {
      update(e.ref.fileId, { error: asApiError(err) });
    }
  };

  const ready = entries.filter((e) => e.draft && !e.error);
  const incomplete = ready.some((e) => missingRequired(e.draft!).length > 0);
  const running = job.job?.state === 'running';
  const run = async (m: 'check' | 'import', onInvalid: 'fail' | 'skip') => {
    setMode(m);
    const files = ready.map((e) => ({ fileId: e.ref.fileId, profile: toProfile(e.draft!) }));
    try {
      const done = await job.start({ files, onInvalid, dryRun: m === 'check' });
      if (m === 'import' && done.state === 'done' && done.report?.files.some((f) => f.status === 'imported')) {
        setEntries([]);
        onChanged();
      }
    } catch { /* shown by job.error */ }
  };

  const remove = async (i: ImportRecord) => {
    setBusy(true);
    try { await call('removeImport', { importId: i.importId }); onChanged(); } catch (err) { setPageError(asApiError(err)); } finally { setBusy(false); }
  };
  const erase = async (personId: string) => {
    setBusy(true);
    try { const r = await call('removePerson', { personId }); if (r.found) onChanged(); return r; } catch (err) { setPageError(asApiError(err)); return null; } finally { setBusy(false); }
  };
  const saveLevels = async (labels: string[]) => {
    setBusy(true);
    try { await call('setLevelOrder', { levels: labels.map((label, i) => ({ label, rank: i + 1 })) }); setSettingsVersion((v) => v + 1); onChanged(); } catch (err) { setPageError(asApiError(err)); } finally { setBusy(false); }
  };
  const addMerge = async (m: { dimension: 'gender' | 'race_ethnicity'; from: string; to: string }) => {
    setBusy(true);
    try { await call('addLabelMerge', m); setSettingsVersion((v) => v + 1); onChanged(); } catch (err) { setPageError(asApiError(err)); } finally { setBusy(false); }
  };
  const saveFiscalYear = async (month: number) => {
    setBusy(true);
    try { await call('setFiscalStartMonth', { month }); setSettingsVersion((v) => v + 1); onChanged(); } catch (err) { setPageError(asApiError(err)); } finally { setBusy(false); }
  };
  const saveRejects = async () => {
    if (!job.job) return;
    try { downloadText('rejects.csv', (await call('importRejectsCsv', { jobId: job.job.jobId })).csv); } catch (err) { setPageError(asApiError(err)); }
  };

  const status = job.job;
  const report = status?.report ?? null;
  return (
    <div className="data-page" data-testid="data-page">
      <h2 className="data-title">Data</h2>
      {pageError ? <ErrorNotice error={pageError} title="That did not work" /> : null}

      <section aria-labelledby="data-import-title" className="data-card">
        <h2 id="data-import-title">Import files</h2>
        <FileDrop onFiles={(f) => { void addFiles(f); }} disabled={running} />
        {reading > 0 ? <Notice kind="loading">Reading {reading} file{reading > 1 ? 's' : ''}…</Notice> : null}
        {entries.map((e) => (
          <article key={e.ref.fileId} className="data-file" data-testid={`file-${e.ref.name}`} aria-label={e.ref.name}>
            <header className="data-file-head">
              <h3>{e.ref.name}</h3>
              <span className="data-muted">{(e.ref.size / 1024).toFixed(1)} KB{e.inspection ? ` · ${e.inspection.format.toUpperCase()}${e.inspection.dialect ? ` · delimiter ${JSON.stringify(e.inspection.dialect.delimiter)} · ${e.inspection.dialect.encoding}` : ''}` : ''}</span>
              <button type="button" className="data-button data-button-quiet" onClick={() => setEntries((es) => es.filter((x) => x !== e))} disabled={running}>Leave out</button>
            </header>
            {e.error ? <ErrorNotice error={e.error} title={`${e.ref.name} cannot be read`} /> : null}
            {e.inspection && e.draft ? (
              <>
                <PreviewTable columns={e.inspection.columns} rows={e.inspection.preview} mapped={new Set(Object.values(e.draft.columns))} />
                <MappingEditor inspection={e.inspection} draft={e.draft} onChange={(d) => update(e.ref.fileId, { draft: d })} onReread={(r) => { void reread(e, r); }} />
              </>
            ) : !e.error ? <Notice kind="loading">Reading {e.ref.name}…</Notice> : null}
          </article>
        ))}
        {ready.length ? (
          <div className="data-actions">
            <button type="button" className="data-button" disabled={running || incomplete} onClick={() => { void run('check', 'fail'); }} data-testid="check-button">Check</button>
            <button type="button" className="data-button data-button-primary" disabled={running || incomplete} onClick={() => { void run('import', 'fail'); }} data-testid="import-button">Import (only if every row is valid)</button>
            <button type="button" className="data-button" disabled={running || incomplete} onClick={() => { void run('import', 'skip'); }} data-testid="import-valid-button">Import the valid rows</button>
          </div>
        ) : null}
        {running && status ? (
          <div className="data-progress" data-testid="import-progress">
            <label htmlFor="import-progress-bar">{mode === 'check' ? 'Checking' : 'Importing'} {status.progress.file ?? ''} ({status.progress.step})</label>
            <progress id="import-progress-bar" max={1} value={status.progress.fraction} />
            <span>{Math.round(status.progress.fraction * 100)}%</span>
            <button type="button" className="data-button" onClick={() => { void job.cancel(); }} data-testid="cancel-button">Cancel</button>
          </div>
        ) : null}
        {status?.state === 'cancelled' ? <Notice kind="empty" title="Cancelled">The import was cancelled; the workspace is exactly as it was.</Notice> : null}
        {status?.state === 'failed' && status.error ? (
          <ErrorNotice error={new ApiError(status.error)} title={mode === 'check' ? 'The check stopped' : 'Nothing was imported'} />
        ) : null}
        {status?.state === 'failed' && status.error?.where ? <p className="data-note" data-testid="error-where">{[status.error.where.file, status.error.where.row && `row ${status.error.where.row}`, status.error.where.column && `column “${status.error.where.column}”`].filter(Boolean).join(', ')}</p> : null}
        {job.error ? <ErrorNotice error={job.error} /> : null}
        {report && status?.state === 'done' ? (
          <>
            {mode === 'check' ? (
              <p className="data-info" data-testid="check-summary">{report.ok ? 'Every row passed the checks. Nothing is imported until you import.' : `${report.rejectedTotal} problem${report.rejectedTotal > 1 ? 's' : ''} found. Fix the file and choose it again, or import the valid rows.`}</p>
            ) : !report.ok && report.files.every((f) => f.status !== 'imported') ? (
              <p className="data-warning" data-testid="import-failed">Rows were rejected, so nothing was imported.</p>
            ) : <p className="data-info" data-testid="import-done">Imported.</p>}
            <ValidationReport report={report} dryRun={mode === 'check'} />
            {report.rejectedTotal > 0 ? <button type="button" className="data-button" onClick={() => { void saveRejects(); }} data-testid="download-rejects">Save the rejects as CSV</button> : null}
          </>
        ) : null}
      </section>

      <section aria-labelledby="data-imports-title" className="data-card">
        <h2 id="data-imports-title">Imports in this workspace</h2>
        <ImportList imports={info.imports} onRemove={(i) => { void remove(i); }} busy={busy || running} />
      </section>

      <div className="data-card"><RemovePerson onRemove={erase} busy={busy || running} /></div>
      <div className="data-card"><DataQuality info={info} models={models.value} /></div>
      <div className="data-card">
        {settings.value ? <LevelOrderEditor levels={settings.value.levelOrder} onSave={(l) => { void saveLevels(l); }} busy={busy} /> : null}
      </div>
      <div className="data-card">
        {settings.value ? <FiscalYearSetting month={settings.value.fiscalStartMonth} latestPeriod={info.periods.at(-1) ?? null} onSave={(m) => { void saveFiscalYear(m); }} busy={busy} /> : null}
      </div>
      <div className="data-card">
        {settings.value ? <LabelMerges merges={settings.value.labelMerges} onAdd={(m) => { void addMerge(m); }} busy={busy} /> : null}
      </div>
    </div>
  );
}
