import type { ExportResult, PackVerification } from '../../shared/schemas/evidence';
import type { ExportTaskInput } from '../evidence/export-task';
import type { PackReadsStart } from '../evidence/read-ahead';
import type { ConsentRenders } from '../pdf/consent-renders';
import type { ExpectedSigner } from '../evidence/verify';
import type { BackupTaskInput, BackupTaskResult } from '../store/backups/copy';

/**
 * What each kind of job takes and gives. The runner (main thread) and the worker agree on this one table; a new
 * kind (backup, export, PDF rendering) is a row here and a task in tasks.ts.
 */
export interface JobKinds {
  'evidence.verify': {
    input: { source: { path: string } | { bytes: Uint8Array; name: string }; expected: ExpectedSigner | null };
    result: PackVerification;
  };
  /** An evidence pack (issue 14): PDF rendering and zipping off the thread that answers the seats. */
  'evidence.export': {
    input: ExportTaskInput;
    result: ExportResult;
  };
  /** A backup (issue 11): VACUUM INTO on the worker's own read-only connection, then the copy is checked. */
  'backup.create': {
    input: BackupTaskInput;
    result: BackupTaskResult;
  };
}
export type JobKind = keyof JobKinds;
export type JobInput<K extends JobKind> = JobKinds[K]['input'];
export type JobResult<K extends JobKind> = JobKinds[K]['result'];

/**
 * Quick work: a render of well under a second that a call needs before it can commit (a consent document). Too
 * short for a job id and progress, too long to hold the serialised path: the runner's one warm worker does it.
 */
export type QuickKinds = ConsentRenders;
export type QuickKind = keyof QuickKinds;
export type QuickInput<K extends QuickKind> = QuickKinds[K]['input'];
export type QuickResult<K extends QuickKind> = QuickKinds[K]['result'];

/** The runner asks its warm worker (started with `{ quick: true }`); the worker answers each by id. */
export interface QuickRequest {
  id: number;
  kind: QuickKind;
  input: unknown;
}
export type QuickAnswer = { id: number; ok: true; result: unknown } | { id: number; ok: false; message: string };

/** What a task sees inside its worker: progress to report, and whether it should stop. */
export interface TaskContext {
  progress(phase: string, done: number, total: number): void;
  cancelled(): boolean;
}

/** A task that failed in a way the person should be told (a locale key), rather than an internal error. */
export class TaskFailure extends Error {
  readonly errorKey: string;
  constructor(errorKey: string) {
    super(errorKey);
    this.errorKey = errorKey;
  }
}

export class TaskCancelled extends Error {}

/** Messages from a worker to the runner. */
export type WorkerMessage =
  | { type: 'progress'; phase: string; done: number; total: number }
  | { type: 'done'; result: unknown }
  | { type: 'failed'; errorKey: string; message: string }
  | { type: 'cancelled' };

/**
 * What a worker is started with: one job; (spare) a job worker started ahead, whose one job arrives as its first
 * message; (quick) a worker that answers requests until stopped; or (packReads) an export's second thread,
 * which reads the pack's photos from the vault ahead of the export (read-ahead.ts).
 */
export type WorkerData = WorkerStart | { spare: true } | { quick: true } | { packReads: PackReadsStart };

export interface WorkerStart {
  kind: JobKind;
  input: unknown;
  /** Int32 flag set to 1 by the runner to ask the task to stop (read between chunks, even in a busy loop). */
  cancelFlag: SharedArrayBuffer;
}
