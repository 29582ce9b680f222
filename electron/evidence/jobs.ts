import type { ExportPhase, ExportResult, ExportState, ExportStatus } from '../../shared/schemas/evidence';
import type { AppCore } from '../app-core';
import { whenVaultIdle } from '../jobs/vault-idle';
import type { Vault } from '../store/vault';
import { DamagedVaultFile, ExportCancelled, writePack, type BlobReader } from './export';
import type { PackSnapshot } from './records';

/**
 * An export runs in the background while the router keeps answering (its progress, a cancel): the records were
 * read in the starting call's transaction; the files it copies are content-addressed and never change.
 */
export interface ExportJob {
  id: string;
  staffId: string;
  snapshot: PackSnapshot;
  destination: string;
  state: ExportState;
  phase: ExportPhase;
  done: number;
  total: number;
  result: ExportResult | null;
  errorKey: string | null;
  cancelRequested: boolean;
  /** Settles when the export has ended, whatever the outcome (and its outcome has been recorded). */
  finished: Promise<void>;
}

const jobsByApp = new WeakMap<AppCore, Map<string, ExportJob>>();
/** Finished jobs are kept this long for the screen (or the CLI) to read their outcome. */
const KEEP_FINISHED = 20;

function jobsOf(app: AppCore): Map<string, ExportJob> {
  let jobs = jobsByApp.get(app);
  if (!jobs) jobsByApp.set(app, (jobs = new Map()));
  return jobs;
}

export function findJob(app: AppCore, id: string): ExportJob | null {
  return jobsOf(app).get(id) ?? null;
}

export function runningJob(app: AppCore): ExportJob | null {
  return [...jobsOf(app).values()].find((j) => j.state === 'running') ?? null;
}

/** The job's own status; the service adds the seat's download (a paired seat's pack waits on the server). */
export function jobStatus(j: ExportJob): Omit<ExportStatus, 'download'> {
  return { jobId: j.id, state: j.state, phase: j.phase, done: j.done, total: j.total, result: j.result, errorKey: j.errorKey };
}

export interface JobHooks {
  /** Records the outcome (the export row and its audit event) in the vault. */
  record(job: ExportJob, outcome: Exclude<ExportState, 'running'>): void;
  logError(e: unknown): void;
}

export function startJob(app: AppCore, vault: Vault, job: Omit<ExportJob, 'state' | 'phase' | 'done' | 'total' | 'result' | 'errorKey' | 'cancelRequested' | 'finished'>, blobs: BlobReader, hooks: JobHooks): ExportJob {
  const jobs = jobsOf(app);
  const j = job as ExportJob;
  Object.assign(j, { state: 'running', phase: 'preparing', done: 0, total: 0, result: null, errorKey: null, cancelRequested: false });
  const sameVault = () => app.vault === vault && vault.db.open;
  j.finished = (async () => {
    // The outcome is shown only once it is recorded, so whoever waits for it (the CLI) can sign out at once.
    let outcome: Exclude<ExportState, 'running'>;
    let result: ExportResult | null = null;
    try {
      result = await writePack(j.snapshot, j.destination, blobs, {
        cancelled: () => j.cancelRequested || !sameVault(),
        progress: (phase, done, total) => Object.assign(j, { phase, done, total }),
      });
      outcome = 'done';
    } catch (e) {
      if (e instanceof ExportCancelled && j.cancelRequested) {
        outcome = 'cancelled';
      } else {
        outcome = 'failed';
        j.errorKey = !sameVault() ? 'evidence.errors.sessionEnded' : e instanceof DamagedVaultFile ? 'evidence.errors.damagedFile' : (e as NodeJS.ErrnoException).code === 'EEXIST' ? 'evidence.errors.fileExists' : (e as NodeJS.ErrnoException).code === 'ENOSPC' ? 'evidence.errors.diskFull' : 'evidence.errors.writeFailed';
        if (!(e instanceof ExportCancelled) && j.errorKey === 'evidence.errors.writeFailed') hooks.logError(e);
      }
    }
    j.result = result;
    await whenVaultIdle(app, vault, () => hooks.record(j, outcome)).catch((e: unknown) => hooks.logError(e));
    if (outcome === 'done') Object.assign(j, { phase: 'done', done: j.total });
    j.state = outcome;
    // The private key is not kept once the pack is signed.
    j.snapshot.key.privateKeyPem = '';
    const finished = [...jobs.values()].filter((x) => x.state !== 'running');
    for (const old of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) jobs.delete(old.id);
  })();
  jobs.set(j.id, j);
  return j;
}
