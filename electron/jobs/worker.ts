import { parentPort, workerData } from 'node:worker_threads';
import { servePackReads, type PackRead } from '../evidence/read-ahead';
import { CONSENT_RENDERS } from '../pdf/consent-renders';
import { TaskCancelled, TaskFailure, type JobKind, type QuickAnswer, type QuickRequest, type TaskContext, type WorkerData, type WorkerMessage, type WorkerStart } from './kinds';
import { TASKS } from './tasks';

const data = workerData as WorkerData;
if ('quick' in data) serveQuick();
else if ('packReads' in data) servePackReads(data.packReads, postRead);
// Started ahead with its code loaded: the job is the first message.
else if ('spare' in data) parentPort!.once('message', (start: WorkerStart) => runJob(start));
else runJob(data);

/** Hands a file read ahead to the exporter, moving its memory when it can and copying it when it cannot. */
function postRead(m: PackRead, transfer: ArrayBuffer[]): void {
  try {
    parentPort!.postMessage(m, transfer);
  } catch {
    parentPort!.postMessage(m);
  }
}

/** One job per worker thread: run the task, report progress at most every 100 ms, then its outcome. */
function runJob(start: WorkerStart): void {
  const flag = new Int32Array(start.cancelFlag);
  const post = (m: WorkerMessage) => parentPort!.postMessage(m);
  let lastProgress = 0;
  const ctx: TaskContext = {
    progress(phase, done, total) {
      const now = Date.now();
      if (now - lastProgress < 100 && done < total) return;
      lastProgress = now;
      post({ type: 'progress', phase, done, total });
    },
    cancelled: () => Atomics.load(flag, 0) === 1,
  };
  const task = TASKS[start.kind as JobKind] as (input: unknown, ctx: TaskContext) => Promise<unknown>;
  task(start.input, ctx).then(
    (result) => post({ type: 'done', result }),
    (e: unknown) => {
      if (e instanceof TaskCancelled) post({ type: 'cancelled' });
      else post({ type: 'failed', errorKey: e instanceof TaskFailure ? e.errorKey : 'jobs.errors.failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    },
  );
}

/** The warm worker: one request at a time, in the order asked (the font and the code stay loaded between them). */
function serveQuick(): void {
  let chain: Promise<void> = Promise.resolve();
  parentPort!.on('message', (r: QuickRequest) => {
    chain = chain.then(async () => {
      let answer: QuickAnswer;
      try {
        const render = CONSENT_RENDERS[r.kind] as (input: unknown) => Promise<unknown>;
        answer = { id: r.id, ok: true, result: await render(r.input) };
      } catch (e) {
        answer = { id: r.id, ok: false, message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
      }
      parentPort!.postMessage(answer);
    });
  });
}
