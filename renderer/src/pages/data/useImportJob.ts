import { useCallback, useEffect, useRef, useState } from 'react';
import type { Call } from '../../api/client';
import type { ImportJobStatus } from '../../../../src/ingest/importReport';
import type { MethodInput } from '../../../../src/api/contract';
import { asApiError, type ApiError } from '../../api/apiError';

const POLL_MS = 200;

/**
 * One background import at a time: start it, poll its status until it ends, cancel it. The
 * last finished status stays for the report until the next start.
 */
export function useImportJob(call: Call) {
  const [job, setJob] = useState<ImportJobStatus | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const alive = useRef(true);
  useEffect(() => () => { alive.current = false; clearTimeout(timer.current); }, []);

  const follow = useCallback((jobId: string, resolve: (s: ImportJobStatus) => void) => {
    const tick = () => {
      call('importStatus', { jobId }).then((s) => {
        if (!alive.current) return;
        setJob(s);
        if (s.state === 'running') timer.current = setTimeout(tick, POLL_MS);
        else resolve(s);
      }, (err: unknown) => { if (alive.current) setError(asApiError(err)); });
    };
    tick();
  }, [call]);

  const start = useCallback((input: MethodInput<'startImport'>) => new Promise<ImportJobStatus>((resolve, reject) => {
    setError(null);
    clearTimeout(timer.current);
    call('startImport', input).then((s) => { setJob(s); follow(s.jobId, resolve); }, (err: unknown) => {
      const e = asApiError(err);
      setError(e);
      reject(e);
    });
  }), [call, follow]);

  const cancel = useCallback(async () => {
    if (!job || job.state !== 'running') return;
    clearTimeout(timer.current);
    try { setJob(await call('cancelImport', { jobId: job.jobId })); } catch (err) { setError(asApiError(err)); }
  }, [call, job]);

  return { job, error, start, cancel, clear: () => { setJob(null); setError(null); } };
}
