import fs from 'node:fs';
import { ExportPhase, type EvidenceKind, type EvidenceScope, type ExportResult, type ExportState, type ExportStatus } from '../../shared/schemas/evidence';
import type { AppCore } from '../app-core';
import type { Job } from '../jobs/runner';
import { whenVaultIdle } from '../jobs/vault-idle';
import type { AuditSeat } from '../store/audit/repository';
import type { Vault } from '../store/vault';
import { temporaryFiles } from './export';
import type { Exporter, PackSnapshot } from './records';

/**
 * An export runs in the job runner's worker (issue 14) while the router keeps answering every seat: the records
 * were read in the starting call's transaction; the files it copies are content-addressed and never change, and
 * the worker reads them on its own read-only connection. This is the evidence side of that job: who started it,
 * which pack it is, and its outcome once recorded in the vault.
 */
export interface ExportJob {
  id: string;
  staffId: string;
  /** The seat that started it: its outcome is recorded as coming from there too. */
  seat: AuditSeat | null;
  destination: string;
  /** What the outcome's record needs; the snapshot itself went to the worker and is not kept here. */
  pack: { packId: string; packNo: number; kind: EvidenceKind; scope: EvidenceScope; patientId: string; exporter: Exporter };
  state: ExportState;
  result: ExportResult | null;
  errorKey: string | null;
  cancelRequested: boolean;
  /** The runner's job doing the work: its phase and byte counts are the export's. */
  work: Job<'evidence.export'>;
  /** Settles when the export has ended, whatever the outcome (and its outcome has been recorded). */
  finished: Promise<void>;
}

const jobsByApp = new WeakMap<AppCore, Map<string, ExportJob>>();
/** Finished jobs are kept this long for the screen (or the CLI) to read their outcome. */
const KEEP_FINISHED = 20;
/** The worker's hard limit, behind cancel: an hour, plus a minute per 100 MiB of files to copy. */
const hardLimitMs = (bytes: number) => 60 * 60_000 + Math.ceil(bytes / (100 * 1024 * 1024)) * 60_000;

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
  // The worker's latest progress; the runner's own phases (queued, starting, cancelled) read as preparing.
  const parsed = ExportPhase.safeParse(j.work.phase);
  const phase = j.state === 'done' ? 'done' : parsed.success ? parsed.data : 'preparing';
  return { jobId: j.id, state: j.state, phase, done: j.work.done, total: j.work.total, result: j.result, errorKey: j.errorKey };
}

/** The person asked to stop: the worker ends at its next chunk and removes its partial files. */
export function cancelJob(app: AppCore, j: ExportJob): void {
  if (j.state !== 'running') return;
  j.cancelRequested = true;
  app.jobs.cancel(j.work.id);
}

export interface JobHooks {
  /** Records the outcome (the export row and its audit event) in the vault. */
  record(job: ExportJob, outcome: Exclude<ExportState, 'running'>): void;
  logError(e: unknown): void;
}

/** Why the export did not finish, in the person's words. */
function failureKey(work: Job<'evidence.export'>, vaultStillOpen: boolean): string {
  // A worker stopped because its session ended (signed out, locked, the vault closed) is not a write failure.
  if (!vaultStillOpen || work.state === 'cancelled') return 'evidence.errors.sessionEnded';
  return work.errorKey?.startsWith('evidence.errors.') ? work.errorKey : 'evidence.errors.writeFailed';
}

export function startJob(app: AppCore, vault: Vault, start: { id: string; staffId: string; seat: AuditSeat | null; snapshot: PackSnapshot; destination: string }, hooks: JobHooks): ExportJob {
  const jobs = jobsOf(app);
  const s = start.snapshot;
  const source = vault.workerSource();
  const files = s.files.reduce((n, f) => n + f.size, 0);
  const sameVault = () => app.vault === vault && vault.db.open;
  const j = {
    id: start.id,
    staffId: start.staffId,
    seat: start.seat,
    destination: start.destination,
    pack: { packId: s.packId, packNo: s.packNo, kind: s.kind, scope: s.scope, patientId: s.records.patient.id, exporter: s.exporter },
    state: 'running',
    result: null,
    errorKey: null,
    cancelRequested: false,
  } as Omit<ExportJob, 'work' | 'finished'> as ExportJob;
  j.work = app.jobs.start(
    'evidence.export',
    { snapshot: s, destination: start.destination, vault: { dbPath: source.dbPath, key: source.key } },
    {
      ownerId: start.staffId,
      timeLimitMs: hardLimitMs(files),
      // The key moves into the worker: the main thread keeps no second copy of it for this job.
      transfer: [source.key.buffer as ArrayBuffer],
      onEnd: async (work) => {
        // The private key is not kept once the pack is signed (a queued job's worker reads it only when it starts).
        s.key.privateKeyPem = '';
        const outcome: Exclude<ExportState, 'running'> = work.state === 'done' ? 'done' : work.state === 'cancelled' && j.cancelRequested ? 'cancelled' : 'failed';
        if (outcome === 'done') j.result = work.result;
        else {
          if (outcome === 'failed') j.errorKey = failureKey(work, sameVault());
          // A worker stopped from outside (time limit, memory, a cancel it did not answer) could not clean up.
          for (const f of Object.values(temporaryFiles(start.destination, s.packId))) fs.rmSync(f, { force: true });
        }
        await whenVaultIdle(app, vault, () => hooks.record(j, outcome)).catch((e: unknown) => hooks.logError(e));
        j.state = outcome;
        const finished = [...jobs.values()].filter((x) => x.state !== 'running');
        for (const old of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) jobs.delete(old.id);
      },
    },
  );
  j.finished = j.work.finished;
  jobs.set(j.id, j);
  return j;
}
