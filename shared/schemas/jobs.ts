import { z } from 'zod';
import { Id } from './common';
import { BackupJobResult } from './backup';
import { PackVerificationView } from './evidence';

/**
 * Heavy work (verifying a pack now; backups, exports and PDF rendering next) runs in the job runner's worker
 * threads, off the request path: the call that starts it returns a job id, the screen asks for its status.
 */
export const JobState = z.enum(['queued', 'running', 'done', 'failed', 'cancelled']);
export type JobState = z.infer<typeof JobState>;

const Count = z.number().int().min(0);

const JobCommon = {
  jobId: Id,
  state: JobState,
  /** What the job is doing now, in its own words (a locale key under jobs.phases). */
  phase: z.string().max(40),
  /** Real work done and total (bytes for a pack), not a timer. */
  done: Count,
  total: Count,
  errorKey: z.string().max(120).nullable(),
};

export const JobStatus = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('evidence.verify'), ...JobCommon, result: PackVerificationView.nullable() }).strict(),
  z.object({ kind: z.literal('backup.create'), ...JobCommon, result: BackupJobResult.nullable() }).strict(),
]);
export type JobStatus = z.infer<typeof JobStatus>;
export type JobKindName = JobStatus['kind'];

export const JobRef = z.object({ jobId: Id }).strict();
export type JobRef = z.infer<typeof JobRef>;
