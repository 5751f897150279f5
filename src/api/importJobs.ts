import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFiles, type ImportRequest } from '../ingest/importFiles';
import type { ImportProgress, ImportReport, ImportJobStatus } from '../ingest/importReport';
import { PathwaysError, toErrorInfo, type ErrorInfo } from '../errors';
import type { Workspace } from '../workspace/workspace';

interface Job {
  status: ImportJobStatus;
  controller: AbortController;
  dir: string;
  done: Promise<void>;
}

const KEEP_FINISHED = 20;

/**
 * Imports that run in the background so the renderer can show progress and offer a cancel
 * button: start answers at once with a job id; the renderer polls the status. A cancelled job
 * interrupts DuckDB and rolls the whole import back. Each job writes its rejects to a CSV in
 * a private temp folder, which the renderer can fetch for the user to save.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly ws: Workspace) {}

  start(requests: ImportRequest[], options: { onInvalid: 'fail' | 'skip'; dryRun: boolean }): ImportJobStatus {
    const jobId = randomBytes(12).toString('hex');
    const dir = mkdtempSync(join(tmpdir(), 'pathways-job-'));
    const controller = new AbortController();
    const status: ImportJobStatus = {
      jobId, state: 'running', report: null, error: null,
      progress: { fraction: 0, file: requests[0]?.name ?? null, fileIndex: 0, files: requests.length, step: 'reading' },
    };
    const onProgress = (p: ImportProgress) => { status.progress = p; };
    const done = importFiles(this.ws, requests, { ...options, rejectsPath: join(dir, 'rejects.csv') }, { signal: controller.signal, onProgress })
      .then((report: ImportReport) => { status.state = 'done'; status.report = report; status.progress = { ...status.progress, fraction: 1 }; })
      .catch((err: unknown) => {
        const info: ErrorInfo = toErrorInfo(err);
        status.state = info.code === 'CANCELLED' ? 'cancelled' : 'failed';
        status.error = info;
      });
    this.jobs.set(jobId, { status, controller, dir, done });
    this.prune();
    return { ...status };
  }

  status(jobId: string): ImportJobStatus {
    return { ...this.get(jobId).status };
  }

  /** Asks a running job to stop; answers once it has (the rollback is complete by then). */
  async cancel(jobId: string): Promise<ImportJobStatus> {
    const job = this.get(jobId);
    if (job.status.state === 'running') job.controller.abort();
    await job.done;
    return { ...job.status };
  }

  /** The job's rejected rows as CSV text (file,row,column,value,reason), for the user to save. */
  rejectsCsv(jobId: string): string {
    const job = this.get(jobId);
    if (job.status.state === 'running') throw new PathwaysError('BAD_REQUEST', 'the import is still running');
    const path = join(job.dir, 'rejects.csv');
    return existsSync(path) ? readFileSync(path, 'utf8') : 'file,row,column,value,reason\n';
  }

  /** Waits for every running job (tests, shutdown). */
  async settle(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((j) => j.done));
  }

  cleanup(): void {
    for (const j of this.jobs.values()) { j.controller.abort(); rmSync(j.dir, { recursive: true, force: true }); }
    this.jobs.clear();
  }

  private get(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw new PathwaysError('NOT_FOUND', 'there is no such import job (it may have been cleared): start the import again');
    return job;
  }

  private prune(): void {
    const finished = [...this.jobs.entries()].filter(([, j]) => j.status.state !== 'running');
    for (const [id, j] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) {
      rmSync(j.dir, { recursive: true, force: true });
      this.jobs.delete(id);
    }
  }
}
