import { Worker } from 'node:worker_threads';
import type { QuickAnswer, QuickInput, QuickKind, QuickRequest, QuickResult } from './kinds';
import { workerEntry } from './worker-entry';

interface Waiting {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export interface QuickWorkerOptions {
  maxHeapMb: number;
  /** A worker nobody asked for this long is stopped (the next request starts another). */
  idleMs: number;
  /** One request's limit: past it the worker is stopped and everything it was asked fails. */
  timeLimitMs: number;
}

/**
 * One warm worker thread for quick work: started on the first request and kept while requests come, so the
 * code and the CJK font are loaded once rather than per render. It answers in the order asked. While nothing is
 * waiting it does not keep the process alive.
 */
export class QuickWorker {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;

  private readonly opts: QuickWorkerOptions;

  constructor(opts: QuickWorkerOptions) {
    this.opts = opts;
  }

  run<K extends QuickKind>(kind: K, input: QuickInput<K>, timeLimitMs = this.opts.timeLimitMs): Promise<QuickResult<K>> {
    let worker: Worker;
    try {
      worker = this.worker ?? this.spawn();
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const id = this.nextId++;
    return new Promise<QuickResult<K>>((resolve, reject) => {
      const timer = setTimeout(() => this.fail(worker, new Error(`${kind} took longer than ${timeLimitMs} ms`)), timeLimitMs);
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
      worker.ref();
      const request: QuickRequest = { id, kind, input };
      worker.postMessage(request);
    });
  }

  /** Stops the worker; anything still waiting fails (a call falls back to rendering itself). */
  close(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (this.worker) this.fail(this.worker, new Error('quick worker closed'));
  }

  private spawn(): Worker {
    const entry = workerEntry();
    const worker = new Worker(entry.file, {
      workerData: { quick: true },
      execArgv: entry.execArgv,
      resourceLimits: { maxOldGenerationSizeMb: this.opts.maxHeapMb },
      stdout: false,
      stderr: false,
    });
    worker.unref();
    worker.on('message', (a: QuickAnswer) => {
      const waiting = this.waiting.get(a.id);
      if (!waiting) return;
      this.waiting.delete(a.id);
      clearTimeout(waiting.timer);
      if (a.ok) waiting.resolve(a.result);
      else waiting.reject(new Error(a.message));
      this.idleWhenDone(worker);
    });
    worker.on('error', (e) => this.fail(worker, e));
    worker.on('exit', () => this.fail(worker, new Error('quick worker stopped')));
    this.worker = worker;
    return worker;
  }

  private idleWhenDone(worker: Worker): void {
    if (this.waiting.size > 0 || this.worker !== worker) return;
    worker.unref();
    this.idleTimer = setTimeout(() => this.close(), this.opts.idleMs);
    this.idleTimer.unref();
  }

  private fail(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    void worker.terminate();
    for (const waiting of this.waiting.values()) {
      clearTimeout(waiting.timer);
      waiting.reject(error);
    }
    this.waiting.clear();
  }
}

let shared: QuickWorker | null = null;

/** The process's one warm worker: it holds no state between requests, so every runner (and every vault) shares it. */
export function sharedQuickWorker(): QuickWorker {
  shared ??= new QuickWorker({ maxHeapMb: 512, idleMs: 5 * 60_000, timeLimitMs: 60_000 });
  return shared;
}
