import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, verifyInApp, type TestApp } from '../support/app';
import { waitForEnd } from '../support/evidence-export';
import { evidenceFixture, type EvidenceFixture } from '../support/evidence-fixture';
import { findJob } from '../../electron/evidence/jobs';


/**
 * Issue 14: the evidence export is written in the job runner's worker thread, so the event loop that answers the
 * other seats never renders PDFs or zips. These tests prove the path, not its speed (that is `npm run bench`).
 */
describe('evidence export in the job runner', () => {
  let f: EvidenceFixture;
  let t: TestApp;
  let out: string;

  beforeAll(async () => {
    f = await evidenceFixture();
    t = f.t;
    out = path.join(t.root, 'out-worker');
    fs.mkdirSync(out);
  }, 180_000);
  afterAll(() => t.dispose());

  it('is written by a worker job of the exporter, and other calls are answered while it runs', async () => {
    const dest = path.join(out, 'worker.zip');
    const { jobId } = await t.ok('evidence.startExport', { patientId: f.patientId, scope: { type: 'patient' }, kind: 'lawyer', destination: dest });
    const staffId = t.app.session!.staff.id;
    // The runner holds one export job, owned by the person who started it.
    const exportJobs = t.app.jobs.list().filter((j) => j.kind === 'evidence.export' && j.state !== 'done');
    expect(exportJobs).toHaveLength(1);
    expect(exportJobs[0]).toMatchObject({ ownerId: staffId });
    // While it runs, interactive calls answer (they do not wait for the pack).
    const running = await t.ok('evidence.progress', { jobId });
    const patient = await t.ok('patients.get', { patientId: f.patientId });
    expect(patient.patient.id).toBe(f.patientId);
    expect(['running', 'done']).toContain(running.state);
    const end = await waitForEnd(t, jobId);
    expect(end).toMatchObject({ state: 'done', phase: 'done', errorKey: null });
    expect(end.done).toBe(end.total);
    expect(end.total).toBeGreaterThan(0);
    expect((await verifyInApp(t, { path: dest })).ok).toBe(true);
    // The outcome is recorded by the main thread once the worker is done.
    const actions = t.app.vault!.audit.recent(6).map((e) => e.action);
    expect(actions).toContain('evidence.exported');
  });

  it('the export job is not one of the general jobs: jobs.status and jobs.cancel do not know it', async () => {
    const dest = path.join(out, 'hidden.zip');
    const { jobId } = await t.ok('evidence.startExport', { patientId: f.patientId, scope: { type: 'patient' }, kind: 'patient', destination: dest });
    const runnerId = t.app.jobs.list().find((j) => j.kind === 'evidence.export' && j.finishedAt === null)!.id;
    const status = await t.call('jobs.status', { jobId: runnerId });
    expect(status.ok).toBe(false);
    expect(status.ok ? null : status.error.messageKey).toBe('jobs.errors.notFound');
    expect((await t.call('jobs.cancel', { jobId: runnerId })).ok).toBe(false);
    expect((await waitForEnd(t, jobId)).state).toBe('done');
  });

  it('a stored file whose bytes no longer match the vault record fails the export in the worker, and leaves no file', async () => {
    const vault = t.app.vault!;
    const photo = vault.db.prepare("SELECT sha256, bytes FROM attachments WHERE mime LIKE 'image/%' LIMIT 1").get() as { sha256: string; bytes: Buffer };
    const damaged = Buffer.from(photo.bytes);
    damaged[damaged.length - 1] = damaged[damaged.length - 1]! ^ 0xff;
    // Damage as a failing disk would leave it: past the trigger that keeps stored files immutable.
    vault.db.exec('DROP TRIGGER attachments_immutable');
    vault.db.prepare('UPDATE attachments SET bytes = ? WHERE sha256 = ?').run(damaged, photo.sha256);
    try {
      const dest = path.join(out, 'damaged.zip');
      const { jobId } = await t.ok('evidence.startExport', { patientId: f.patientId, scope: { type: 'patient' }, kind: 'lawyer', destination: dest });
      expect(await waitForEnd(t, jobId)).toMatchObject({ state: 'failed', errorKey: 'evidence.errors.damagedFile' });
      expect(fs.existsSync(dest)).toBe(false);
      expect(fs.readdirSync(out).filter((n) => n.endsWith('.partial'))).toEqual([]);
      expect(vault.audit.recent(5).map((e) => e.action)).toContain('evidence.export_failed');
    } finally {
      vault.db.prepare('UPDATE attachments SET bytes = ? WHERE sha256 = ?').run(photo.bytes, photo.sha256);
    }
  });

  it('signing out stops the worker: the export ends as failed because the session ended, no partial file stays, and the vault opens', async () => {
    const dest = path.join(out, 'signed-out.zip');
    const { jobId } = await t.ok('evidence.startExport', { patientId: f.patientId, scope: { type: 'patient' }, kind: 'lawyer', destination: dest });
    const exportJob = findJob(t.app, jobId)!;
    await t.ok('session.signOut', {});
    await exportJob.finished;
    // Signing out ends the job at once; only a pack already complete by then could have been published.
    expect(['failed', 'done']).toContain(exportJob.state);
    if (exportJob.state === 'failed') {
      expect(exportJob.errorKey).toBe('evidence.errors.sessionEnded');
      expect(fs.existsSync(dest)).toBe(false);
    }
    expect(fs.readdirSync(out).filter((n) => n.endsWith('.partial'))).toEqual([]);
    expect((await t.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
    expect((await t.ok('audit.verify', {})).ok).toBe(true);
  });
});
