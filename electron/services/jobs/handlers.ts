import type { jobsChannels } from '../../../shared/contracts/jobs';
import type { HandlersFor } from '../handler';
import * as jobs from './jobs';

/** The jobs channels' handlers; spread into the one handler map, which checks it is complete. */
export const jobsHandlers: HandlersFor<typeof jobsChannels> = {
  'jobs.status': jobs.jobStatus,
  'jobs.cancel': jobs.cancelJob,
};
