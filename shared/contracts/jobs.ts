import { JobRef, JobStatus } from '../schemas/jobs';
import { ALL_STAFF, type Channel } from './channel';

/** The jobs channels: what each takes, returns and who may call it. */
export const jobsChannels = {
  /** A job the caller started (its owner only): state, progress and, once done, the result. */
  'jobs.status': { input: JobRef, output: JobStatus, access: ALL_STAFF },
  'jobs.cancel': { input: JobRef, output: JobStatus, access: ALL_STAFF },
} as const satisfies Record<string, Channel>;
