import type { Out, Parsed } from '../../../shared/api';
import type { JobStatus } from '../../../shared/schemas/jobs';
import type { Job } from '../../jobs/runner';
import { fail } from '../../domain/errors';
import { backupJobView } from '../backups/runs';
import type { ServiceContext } from '../context';

type ListedJob = Job<'evidence.verify'> | Job<'backup.create'>;

/**
 * Only the person who started a job sees or stops it; to anyone else it does not exist. An export is followed
 * through its own channels (evidence.progress, evidence.cancel), which record its outcome.
 */
function requireOwnJob(ctx: ServiceContext, jobId: string): ListedJob {
  const job = ctx.app.jobs.get(jobId);
  if (!job || job.ownerId !== ctx.session().staff.id || job.kind === 'evidence.export') fail('not_found', 'jobs.errors.notFound');
  return job as ListedJob;
}

/** The contract's view of a job: per kind, the result as the screen needs it. */
function jobView(job: ListedJob): JobStatus {
  const common = { jobId: job.id, state: job.state, phase: job.phase, done: job.done, total: job.total, errorKey: job.errorKey };
  switch (job.kind) {
    case 'evidence.verify': {
      const r = job.result;
      return { kind: 'evidence.verify', ...common, result: r ? { ...r, signedByThisVault: r.signer.confirmation === 'this_clinic' ? r.signer.matches : null } : null };
    }
    case 'backup.create':
      return backupJobView(job, common);
  }
}

export function jobStatus(ctx: ServiceContext, input: Parsed<'jobs.status'>): Out<'jobs.status'> {
  return jobView(requireOwnJob(ctx, input.jobId));
}

export function cancelJob(ctx: ServiceContext, input: Parsed<'jobs.cancel'>): Out<'jobs.cancel'> {
  const job = requireOwnJob(ctx, input.jobId);
  ctx.app.jobs.cancel(job.id);
  return jobView(job);
}
