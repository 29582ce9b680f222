import { ExportCancelled } from '../evidence/export';
import { ExportTaskFailed, runExportTask } from '../evidence/export-task';
import { verifyPack, VerificationCancelled } from '../evidence/verify';
import { BackupCancelled, BackupFailed, runBackupTask } from '../store/backups/copy';
import { TaskCancelled, TaskFailure, type JobInput, type JobKind, type JobResult, type TaskContext } from './kinds';

/** The work behind each job kind, run inside a worker thread. */
export const TASKS: { [K in JobKind]: (input: JobInput<K>, ctx: TaskContext) => Promise<JobResult<K>> } = {
  async 'evidence.verify'(input, ctx) {
    const source = 'path' in input.source ? { path: input.source.path } : { buffer: Buffer.from(input.source.bytes.buffer, input.source.bytes.byteOffset, input.source.bytes.byteLength), name: input.source.name };
    try {
      return await verifyPack(source, {
        expected: input.expected,
        cancelled: () => ctx.cancelled(),
        progress: (done, total) => ctx.progress('reading', done, total),
      });
    } catch (e) {
      if (e instanceof VerificationCancelled) throw new TaskCancelled();
      throw e;
    }
  },
  async 'evidence.export'(input, ctx) {
    try {
      return await runExportTask(input, { cancelled: () => ctx.cancelled(), progress: (phase, done, total) => ctx.progress(phase, done, total) });
    } catch (e) {
      if (e instanceof ExportCancelled) throw new TaskCancelled();
      if (e instanceof ExportTaskFailed) throw new TaskFailure(e.errorKey);
      throw e;
    }
  },
  // The worker's own synchronous work: the main thread's event loop is never held by the copy.
  async 'backup.create'(input, ctx) {
    try {
      return runBackupTask(input, ctx);
    } catch (e) {
      if (e instanceof BackupCancelled) throw new TaskCancelled();
      // The plain-words reason (folder missing, disk full, not writable) reaches the screen as the job's error key.
      if (e instanceof BackupFailed) throw new TaskFailure(`backups.failures.${e.failure}`);
      throw e;
    }
  },
};
