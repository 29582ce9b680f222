import { parentPort, workerData } from 'node:worker_threads';
import { TaskCancelled, TaskFailure, type JobKind, type TaskContext, type WorkerMessage, type WorkerStart } from './kinds';
import { TASKS } from './tasks';

/** One job per worker thread: run the task, report progress at most every 100 ms, then its outcome. */
const start = workerData as WorkerStart;
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
