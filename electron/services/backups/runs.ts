import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BackupFailure, type BackupJobResult, type BackupTrigger } from '../../../shared/schemas/backup';
import type { JobStatus } from '../../../shared/schemas/jobs';
import type { Role } from '../../../shared/schemas/staff';
import type { AppCore } from '../../app-core';
import type { AuditSeat } from '../../store/audit/repository';
import type { Job } from '../../jobs/runner';
import { whenVaultIdle } from '../../jobs/vault-idle';
import { partialName, removeBackupFolder, removePartial } from '../../store/backups/files';
import { DB_FILE } from '../../store/vault-folder';
import type { Vault } from '../../store/vault';
import { FAILED_KEPT_DAYS, keptByRotation } from './rotation';

/** Who a backup's events name: the person who asked for it, or nobody for the schedule. */
export interface BackupActor {
  id: string;
  name: string;
  role: Role;
}

/** A backup job and what the main process keeps about it until its outcome is recorded. */
export interface BackupRun {
  app: AppCore;
  job: Job<'backup.create'>;
  vault: Vault;
  trigger: BackupTrigger;
  actor: BackupActor | null;
  /** The seat that asked for it (none for the schedule): its outcome is recorded as coming from there. */
  seat: AuditSeat | null;
  backupId: string;
  name: string;
  destination: string;
  takenAt: string;
  sourceBytes: number;
  key: Uint8Array;
  /** The outcome is in the vault (by the job's end hook, or by a sign-out that waited for it). */
  recorded: boolean;
  /** Stopped because a sign-out or quit could not wait any longer. */
  timedOut: boolean;
}

/** Jobs by id, for the job view (which sees only the job); the newest few are kept. */
const runs = new Map<string, BackupRun>();
const KEEP_RUNS = 20;

export function runOf(jobId: string): BackupRun | null {
  return runs.get(jobId) ?? null;
}

/** The backup this app is running (or has queued), if any: one at a time. */
export function activeRun(app: AppCore): BackupRun | null {
  for (const r of runs.values()) if (r.app === app && (r.job.state === 'queued' || r.job.state === 'running')) return r;
  return null;
}

/** Backups of this vault that have ended but whose outcome is not in the vault yet. */
export function endedUnrecorded(app: AppCore, vault: Vault): BackupRun[] {
  return [...runs.values()].filter((r) => r.app === app && r.vault === vault && !r.recorded && r.job.finishedAt !== null);
}

/** Its name: the time it was taken (UTC), made unique in the folder. */
function backupName(at: Date, destination: string): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const base = `consentvault-backup-${stamp}`;
  const taken = (n: string) => ['', '.failed', '.partial'].some((s) => fs.existsSync(path.join(destination, s === '.partial' ? partialName(n) : n + s)));
  if (!taken(base)) return base;
  for (let i = 2; i < 1000; i++) if (!taken(`${base}-${i}`)) return `${base}-${i}`;
  return `${base}-${Date.now() % 1000}`;
}

/** A hard limit for the worker behind the task itself: an hour, plus ten seconds per 100 MiB of vault. */
function timeLimitMs(bytes: number): number {
  return 60 * 60_000 + Math.ceil(bytes / (100 * 1024 * 1024)) * 10_000;
}

export function startBackupRun(app: AppCore, vault: Vault, opts: { trigger: BackupTrigger; actor: BackupActor | null; seat: AuditSeat | null; destination: string }): BackupRun {
  const destination = path.resolve(opts.destination);
  const now = app.clock.now();
  const source = vault.workerSource();
  // What the copy reads: the database and the changes still in its write-ahead log.
  const sourceBytes = fs.statSync(source.dbPath).size + (fs.statSync(`${source.dbPath}-wal`, { throwIfNoEntry: false })?.size ?? 0);
  const run: BackupRun = {
    app,
    vault,
    trigger: opts.trigger,
    actor: opts.actor,
    seat: opts.seat,
    backupId: randomUUID(),
    name: backupName(now, destination),
    destination,
    takenAt: now.toISOString(),
    sourceBytes,
    key: source.key,
    recorded: false,
    timedOut: false,
    job: null as unknown as Job<'backup.create'>,
  };
  run.job = app.jobs.start(
    'backup.create',
    { dbPath: source.dbPath, keyslotsPath: source.keyslotsPath, key: source.key, destination, name: run.name, backupId: run.backupId, takenAt: run.takenAt, vaultId: vault.id },
    {
      ownerId: opts.actor?.id ?? 'backup-schedule',
      timeLimitMs: timeLimitMs(sourceBytes),
      // The key moves into the worker rather than being copied: the main thread keeps no second copy.
      transfer: [source.key.buffer as ArrayBuffer],
      onEnd: () => endRun(run),
    },
  );
  runs.set(run.job.id, run);
  for (const id of [...runs.keys()].slice(0, Math.max(0, runs.size - KEEP_RUNS))) if (runs.get(id)!.job.finishedAt) runs.delete(id);
  return run;
}

async function endRun(run: BackupRun): Promise<void> {
  // Still here when the job never started (cancelled while queued): zero it. Moved into the worker otherwise.
  if (run.key.byteLength > 0) run.key.fill(0);
  // A worker stopped from outside cannot clean up after itself.
  if (run.job.state !== 'done') removePartial(path.join(run.destination, partialName(run.name)));
  if (run.recorded) return;
  await whenVaultIdle(run.app, run.vault, () => recordOutcome(run));
}

/** Why a job that produced no copy failed, in the administrator's words. */
function failureOfJob(run: BackupRun): BackupFailure {
  const job = run.job;
  if (run.timedOut || job.errorKey === 'jobs.errors.timeLimit') return 'time_limit';
  if (job.state === 'cancelled') return 'cancelled';
  const named = BackupFailure.safeParse(job.errorKey?.replace(/^backups\.failures\./, ''));
  return named.success ? named.data : 'failed';
}

/** The job's result as the screen sees it (also for a job that failed before any copy existed). */
export function backupResult(run: BackupRun): BackupJobResult | null {
  const job = run.job;
  if (job.state === 'queued' || job.state === 'running') return null;
  const r = job.state === 'done' ? job.result : null;
  const base = { backupId: run.backupId, name: run.name, copyMs: r?.copyMs ?? 0, verifyMs: r?.verifyMs ?? 0 };
  if (r?.status === 'verified') return { ...base, path: r.path, status: 'verified', failure: null, detail: '', headSeq: r.headSeq, headHash: r.headHash, bytes: r.bytes };
  if (r?.status === 'failed') return { ...base, path: r.path, status: 'failed', failure: 'verification_failed', detail: r.detail, headSeq: null, headHash: null, bytes: null };
  return { ...base, path: path.join(run.destination, run.name), status: 'failed', failure: failureOfJob(run), detail: '', headSeq: null, headHash: null, bytes: null };
}

/** jobs.status for a backup: while copying, the bytes written so far (VACUUM INTO is one statement). */
export function backupJobView(job: Job<'backup.create'>, common: Omit<Extract<JobStatus, { kind: 'backup.create' }>, 'kind' | 'result'>): Extract<JobStatus, { kind: 'backup.create' }> {
  const run = runOf(job.id);
  let { done, total } = common;
  if (run && job.state === 'running' && job.phase === 'copying') {
    total = run.sourceBytes;
    try {
      done = Math.min(total, fs.statSync(path.join(run.destination, partialName(run.name), DB_FILE)).size);
    } catch {
      done = 0;
    }
  }
  return { kind: 'backup.create', ...common, done, total, result: run ? backupResult(run) : null };
}

/**
 * The outcome as a record and an audit event, inside the caller's transaction: `backup.created` with the copy's
 * chain head and checkpoint time, or `backup.failed` with the plain-words reason. A verified backup is followed
 * by rotation. The destination is a path someone typed: the event keeps only its keyed hash.
 */
export function recordOutcome(run: BackupRun): void {
  if (run.recorded) return;
  const vault = run.vault;
  const result = backupResult(run);
  if (!result) return;
  const at = run.app.clock.now().toISOString();
  const actor = { actorId: run.actor?.id ?? null, actorName: run.actor?.name ?? null, actorRole: run.actor?.role ?? null };
  const subject = { subjectType: 'backup', subjectId: run.backupId, seat: run.seat };
  const base = { name: run.name, trigger: run.trigger, destinationHash: vault.typedTextHash(run.destination) };
  const r = run.job.state === 'done' ? run.job.result : null;
  if (result.status === 'verified' && r?.status === 'verified') {
    vault.backups.insert({
      id: run.backupId, name: run.name, path: r.path, takenAt: run.takenAt, finishedAt: at, status: 'verified', trigger: run.trigger, failure: null,
      headSeq: r.headSeq, headHash: r.headHash, bytes: r.bytes, checkpoint: JSON.stringify(r.checkpoint), startedBy: run.actor?.id ?? null,
    });
    vault.appendAudit({ ...actor, ...subject, at, action: 'backup.created', details: { ...base, headSeq: r.headSeq, headHash: r.headHash, bytes: r.bytes, copyMs: r.copyMs, verifyMs: r.verifyMs } });
    rotate(vault, at, actor, run.seat);
  } else {
    vault.backups.insert({
      id: run.backupId, name: run.name, path: result.path, takenAt: run.takenAt, finishedAt: at, status: 'failed', trigger: run.trigger, failure: result.failure,
      headSeq: null, headHash: null, bytes: null, checkpoint: null, startedBy: run.actor?.id ?? null,
    });
    vault.appendAudit({ ...actor, ...subject, at, action: 'backup.failed', details: { ...base, failure: result.failure, detail: result.detail } });
  }
  run.recorded = true;
}

/**
 * Rotation after a verified backup: the daily/weekly/monthly rule keeps some, the newest verified one always
 * stays; a copy that failed verification goes FAILED_KEPT_DAYS after a newer verified one. A folder on a drive
 * that is not there now is tried again next time; a folder that is not what the record says is left alone.
 */
function rotate(vault: Vault, at: string, actor: { actorId: string | null; actorName: string | null; actorRole: Role | null }, seat: AuditSeat | null): void {
  const settings = vault.backups.settings();
  const all = vault.backups.list(10_000);
  const verified = all.filter((b) => b.status === 'verified');
  const keep = keptByRotation(verified, settings, vault.clinicSettings().timeZone);
  const newest = verified[0]?.takenAt ?? null;
  const failedBefore = newest ? new Date(Math.min(Date.parse(newest), Date.parse(at) - FAILED_KEPT_DAYS * 86_400_000)).toISOString() : null;
  const expired = [
    ...verified.filter((b) => !keep.has(b.id)),
    ...all.filter((b) => b.status === 'failed' && b.failure === 'verification_failed' && failedBefore !== null && b.takenAt < failedBefore),
  ];
  for (const b of expired) {
    const outcome = removeBackupFolder(b.path, b.id);
    if (outcome === 'unreachable' || outcome === 'not_ours') continue;
    vault.backups.markRemoved(b.id, at, outcome === 'removed' ? 'rotation' : 'folder_gone');
    vault.appendAudit({ ...actor, seat, at, action: 'backup.removed', subjectType: 'backup', subjectId: b.id, details: { name: b.name, takenAt: b.takenAt, status: b.status, reason: outcome === 'removed' ? 'rotation' : 'folder_gone' } });
  }
}

/** Resolves true once the job has ended (before its end hook runs), false after `limitMs`. */
export function waitForEnd(job: Job, limitMs: number): Promise<boolean> {
  const until = Date.now() + limitMs;
  return new Promise((resolve) => {
    const check = () => {
      if (job.state !== 'queued' && job.state !== 'running') return resolve(true);
      if (Date.now() >= until) return resolve(false);
      setTimeout(check, 25);
    };
    check();
  });
}
