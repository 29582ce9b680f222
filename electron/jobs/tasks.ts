import { verifyPack, VerificationCancelled } from '../evidence/verify';
import { TaskCancelled, type JobInput, type JobKind, type JobResult, type TaskContext } from './kinds';

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
};
