import { afterEach, describe, expect, it } from 'vitest';
import { JobRunner, type Job } from '../../electron/jobs/runner';
import { ADMIN, makeTestApp, waitForJob, type TestApp } from '../support/app';

/** A pack that is not a ZIP: its verification is quick, and a finished job either way. */
const notAPack = { source: { bytes: new Uint8Array(Buffer.from('not a pack')), name: 'not-a-pack.zip' }, expected: null };

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`still waiting for ${what}`);
}

function verifyJob(runner: JobRunner): Job<'evidence.verify'> {
  return runner.start('evidence.verify', { ...notAPack, source: { ...notAPack.source, bytes: new Uint8Array(notAPack.source.bytes) } }, { ownerId: 'staff-1', timeLimitMs: 60_000 });
}

const runners: JobRunner[] = [];
const apps: TestApp[] = [];
afterEach(() => {
  for (const r of runners.splice(0)) r.dropSpare();
  for (const t of apps.splice(0)) t.dispose();
});

/**
 * The desktop app and the clinic server keep one job worker started ahead while the vault is open: an export,
 * backup or verification then starts without first loading the code (about 0.3 s of a worker's start).
 */
describe('the spare job worker', () => {
  it('runs the next job in the worker started ahead, and starts the following spare once the job has ended', async () => {
    const runner = new JobRunner({ spareWorker: true });
    runners.push(runner);
    runner.prepareSpare();
    const spare = runner.spareThreadId;
    expect(spare).toEqual(expect.any(Number));
    const job = verifyJob(runner);
    // Taken: nothing waits while the job runs, so loading a new one never competes with it.
    expect(runner.spareThreadId).toBeNull();
    await job.finished;
    expect(job).toMatchObject({ state: 'done', threadId: spare });
    expect(job.result?.ok).toBe(false);
    const next = runner.spareThreadId;
    expect(next).toEqual(expect.any(Number));
    expect(next).not.toBe(spare);
    const second = verifyJob(runner);
    await second.finished;
    expect(second).toMatchObject({ state: 'done', threadId: next });
  }, 60_000);

  it('is not kept by a runner that was not asked for one, which starts a worker per job', async () => {
    const runner = new JobRunner();
    runners.push(runner);
    runner.prepareSpare();
    expect(runner.spareThreadId).toBeNull();
    const job = verifyJob(runner);
    await job.finished;
    expect(job.state).toBe('done');
    expect(job.threadId).toEqual(expect.any(Number));
    expect(runner.spareThreadId).toBeNull();
  }, 60_000);

  it('stops waiting when the vault closes: no spare is started again until the next opens', async () => {
    const runner = new JobRunner({ spareWorker: true });
    runners.push(runner);
    runner.prepareSpare();
    expect(runner.spareThreadId).toEqual(expect.any(Number));
    runner.dropSpare();
    expect(runner.spareThreadId).toBeNull();
    // A job after the close (the CLI's, say) starts its own worker and leaves none behind.
    const job = verifyJob(runner);
    await job.finished;
    expect(job.state).toBe('done');
    expect(runner.spareThreadId).toBeNull();
  }, 60_000);

  it('a spare that stops by itself is forgotten, and the next job starts a worker of its own', async () => {
    const runner = new JobRunner({ spareWorker: true, logError: () => undefined });
    runners.push(runner);
    runner.prepareSpare();
    const spare = runner.spareThreadId;
    // Its first message names no task: the thread fails and exits, as a spare that crashed would.
    (runner as unknown as { spare: { postMessage(m: unknown): void } }).spare.postMessage({ kind: 'no.such.kind', input: null, cancelFlag: new SharedArrayBuffer(4) });
    await until(() => runner.spareThreadId === null, 'the broken spare to be forgotten');
    const job = verifyJob(runner);
    await job.finished;
    expect(job.state).toBe('done');
    expect(job.threadId).not.toBe(spare);
  }, 60_000);

  it('in the app: waits from sign-in, runs the verification the desk starts, and goes at sign-out', async () => {
    const t = makeTestApp({ spareJobWorker: true });
    apps.push(t);
    await t.setup();
    expect(t.app.jobs.spareThreadId).toBeNull();
    expect((await t.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
    const spare = t.app.jobs.spareThreadId;
    expect(spare).toEqual(expect.any(Number));
    const { jobId } = await t.ok('evidence.startVerify', { source: { fileName: 'not-a-pack.zip', dataBase64: Buffer.from('not a pack').toString('base64') } });
    const status = await waitForJob(t, jobId);
    expect(status.state).toBe('done');
    expect(t.app.jobs.get(jobId)?.threadId).toBe(spare);
    await t.signOut();
    expect(t.app.jobs.spareThreadId).toBeNull();
  }, 60_000);
});
