import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { JobState } from '../../shared/schemas/jobs';
import type { JobInput, JobKind, JobResult, QuickInput, QuickKind, QuickResult, WorkerData, WorkerMessage, WorkerStart } from './kinds';
import { sharedQuickWorker } from './quick-worker';
import { workerEntry } from './worker-entry';

/**
 * One job runner for all heavy work (pack verification, backups, evidence exports; consent renders as quick work,
 * see quick()): each job runs in a worker thread of its own, so interactive calls never wait behind it, with a job id, progress, cancel,
 * a memory ceiling for the worker's heap and a hard time limit as a last resort behind the task's own budget.
 * Jobs that need the vault get their own connection inside the worker (WAL lets readers run beside the writer).
 */
export interface Job<K extends JobKind = JobKind> {
  id: string;
  kind: K;
  /** Who started it: only they (or the transport acting for them) may read or cancel it. */
  ownerId: string;
  state: JobState;
  phase: string;
  done: number;
  total: number;
  result: JobResult<K> | null;
  errorKey: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  /** Settles once the job has ended and its onEnd hook has run. */
  finished: Promise<void>;
  /** The worker thread it runs in, once started. */
  threadId: number | null;
}

export interface JobOptions<K extends JobKind> {
  ownerId: string;
  /** Hard limit for the worker's life; the task's own time budget should end it well before. */
  timeLimitMs: number;
  /** Buffers moved into the worker instead of copied (an uploaded pack). */
  transfer?: ArrayBuffer[];
  /** Runs once when the job ends (records its outcome); errors are logged, never thrown. */
  onEnd?: (job: Job<K>) => void | Promise<void>;
}

export interface RunnerOptions {
  /** Jobs running at once; more wait in the queue. Two cores: one heavy job at a time by default. */
  maxRunning?: number;
  /** The worker's V8 heap ceiling (Buffers are bounded by the tasks themselves). */
  maxHeapMb?: number;
  keepFinished?: number;
  logError?: (e: unknown) => void;
  /**
   * Keep one worker started ahead while a vault is open (prepareSpare), so a job starts without loading the
   * code first (about 0.3 s of a worker's start): the desktop app and the clinic server, which stay up.
   */
  spareWorker?: boolean;
}

interface Entry {
  job: Job;
  start: () => void;
  cancel: () => void;
}

export class JobRunner {
  private readonly entries = new Map<string, Entry>();
  private readonly queue: Entry[] = [];
  private running = 0;
  private readonly maxRunning: number;
  private readonly maxHeapMb: number;
  private readonly keepFinished: number;
  private readonly logError: (e: unknown) => void;
  private readonly spareWorker: boolean;
  private spareWanted = false;
  private spare: Worker | null = null;

  constructor(opts: RunnerOptions = {}) {
    this.maxRunning = opts.maxRunning ?? 1;
    this.maxHeapMb = opts.maxHeapMb ?? 512;
    this.keepFinished = opts.keepFinished ?? 50;
    this.logError = opts.logError ?? ((e) => console.error('[jobs]', e));
    this.spareWorker = opts.spareWorker ?? false;
  }

  /** A vault is open: have a worker ready for the next job, where this runner keeps one. */
  prepareSpare(): void {
    if (!this.spareWorker) return;
    this.spareWanted = true;
    this.refillSpare();
  }

  /** The vault closed: no worker waits any more. */
  dropSpare(): void {
    this.spareWanted = false;
    const spare = this.spare;
    this.spare = null;
    if (spare) void spare.terminate();
  }

  /** The waiting worker's thread, if one is started. */
  get spareThreadId(): number | null {
    return this.spare?.threadId ?? null;
  }

  /** Started while nothing runs, so loading its code never competes with a job for the two cores. */
  private refillSpare(): void {
    if (!this.spareWanted || this.spare || this.running > 0) return;
    let spare: Worker;
    try {
      spare = this.newWorker({ spare: true }, []);
    } catch (e) {
      this.logError(e);
      return;
    }
    // Waiting, it never keeps the process alive; a spare that dies is forgotten (the next job starts its own).
    spare.unref();
    spare.on('error', (e) => this.logError(e));
    spare.on('exit', () => {
      if (this.spare === spare) this.spare = null;
    });
    this.spare = spare;
  }

  private newWorker(workerData: WorkerData, transferList: ArrayBuffer[]): Worker {
    const entry = workerEntry();
    return new Worker(entry.file, {
      workerData,
      transferList,
      execArgv: entry.execArgv,
      resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb },
      stdout: false,
      stderr: false,
    });
  }

  /** The spare, handed its job, or a new worker started with it. */
  private workerFor(start: WorkerStart, transfer: ArrayBuffer[]): Worker {
    const spare = this.spare;
    if (!spare) return this.newWorker(start, transfer);
    this.spare = null;
    spare.removeAllListeners();
    spare.ref();
    spare.postMessage(start, transfer);
    return spare;
  }

  start<K extends JobKind>(kind: K, input: JobInput<K>, opts: JobOptions<K>): Job<K> {
    let resolveFinished!: () => void;
    const job: Job<K> = {
      id: randomUUID(),
      kind,
      ownerId: opts.ownerId,
      state: 'queued',
      phase: 'queued',
      done: 0,
      total: 0,
      result: null,
      errorKey: null,
      startedAt: new Date(),
      finishedAt: null,
      finished: new Promise<void>((r) => (resolveFinished = r)),
      threadId: null,
    };
    const cancelFlag = new SharedArrayBuffer(4);
    let worker: Worker | null = null;
    let ended = false;
    let hardStop: NodeJS.Timeout | null = null;

    const end = (state: Exclude<JobState, 'queued' | 'running'>, patch: Partial<Job<K>> = {}) => {
      if (ended) return;
      ended = true;
      if (hardStop) clearTimeout(hardStop);
      if (worker) {
        this.running--;
        void worker.terminate();
      }
      const queued = this.queue.findIndex((e) => e.job.id === job.id);
      if (queued >= 0) this.queue.splice(queued, 1);
      Object.assign(job, patch, { state, finishedAt: new Date() });
      void Promise.resolve()
        .then(() => opts.onEnd?.(job))
        .catch((e: unknown) => this.logError(e))
        .finally(() => {
          resolveFinished();
          this.pump();
          this.forgetOld();
          this.refillSpare();
        });
    };

    const startWorker = () => {
      const start: WorkerStart = { kind, input, cancelFlag };
      this.running++;
      job.state = 'running';
      job.phase = 'starting';
      try {
        // Inside the try: a missing worker file (no build, no tsx) fails this job instead of throwing out of start().
        worker = this.workerFor(start, opts.transfer ?? []);
        job.threadId = worker.threadId;
      } catch (e) {
        this.running--;
        worker = null;
        this.logError(e);
        return end('failed', { errorKey: 'jobs.errors.failed' });
      }
      hardStop = setTimeout(() => end('failed', { errorKey: 'jobs.errors.timeLimit' }), opts.timeLimitMs);
      hardStop.unref();
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'progress') Object.assign(job, { phase: m.phase, done: m.done, total: m.total });
        else if (m.type === 'done') end('done', { result: m.result as JobResult<K>, phase: 'done', done: job.total });
        else if (m.type === 'cancelled') end('cancelled', { phase: 'cancelled' });
        else {
          if (m.errorKey === 'jobs.errors.failed') this.logError(m.message);
          end('failed', { errorKey: m.errorKey });
        }
      });
      worker.on('error', (e: Error & { code?: string }) => {
        if (e.code !== 'ERR_WORKER_OUT_OF_MEMORY') this.logError(e);
        end('failed', { errorKey: e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'jobs.errors.outOfMemory' : 'jobs.errors.failed' });
      });
      worker.on('exit', () => end(Atomics.load(new Int32Array(cancelFlag), 0) === 1 ? 'cancelled' : 'failed', { errorKey: job.errorKey ?? 'jobs.errors.failed' }));
    };

    const cancel = () => {
      if (job.state === 'queued') return end('cancelled', { phase: 'cancelled' });
      if (job.state !== 'running') return;
      Atomics.store(new Int32Array(cancelFlag), 0, 1);
      // A task that does not answer the flag within two seconds is stopped from outside.
      setTimeout(() => end('cancelled', { phase: 'cancelled' }), 2000).unref();
    };

    const e: Entry = { job: job as Job, start: startWorker, cancel };
    this.entries.set(job.id, e);
    this.queue.push(e);
    this.pump();
    return job;
  }

  /**
   * Quick work (a document render a call is waiting for) in the warm worker, beside the jobs rather than behind
   * them in the queue: a consent must not wait for an evidence export to finish.
   */
  quick<K extends QuickKind>(kind: K, input: QuickInput<K>): Promise<QuickResult<K>> {
    return sharedQuickWorker().run(kind, input);
  }

  get(id: string): Job | null {
    return this.entries.get(id)?.job ?? null;
  }

  /** The jobs it knows, queued, running and recently finished (oldest first). */
  list(): Job[] {
    return [...this.entries.values()].map((e) => e.job);
  }

  cancel(id: string): void {
    this.entries.get(id)?.cancel();
  }

  /** The requester went away (signed out, disconnected): stop what they started. */
  cancelOwnedBy(ownerId: string): void {
    for (const e of this.entries.values()) if (e.job.ownerId === ownerId) e.cancel();
  }

  cancelAll(): void {
    for (const e of this.entries.values()) e.cancel();
  }

  /** Waits for every job to end (after cancelAll at shutdown). */
  async settle(): Promise<void> {
    await Promise.all([...this.entries.values()].map((e) => e.job.finished));
  }

  private pump(): void {
    while (this.running < this.maxRunning && this.queue.length > 0) this.queue.shift()!.start();
  }

  private forgetOld(): void {
    const finished = [...this.entries.values()].filter((e) => e.job.finishedAt !== null);
    for (const old of finished.slice(0, Math.max(0, finished.length - this.keepFinished))) this.entries.delete(old.job.id);
  }
}
