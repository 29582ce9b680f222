import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../shared/schemas/audit';
import { temporaryFiles } from '../../electron/evidence/export';
import { ADMIN, makeTestApp, tempDir, type TestApp } from '../support/app';
import { runCliProcess } from '../support/cli-process';

const PATIENT = { chartNo: 'C-000777', nameZh: '王大明', sex: 'male', birthDate: '1991-03-14', nationalId: 'A123456789', phone: '0912-345-678' } as const;

const cleanup: string[] = [];
const apps: TestApp[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const t of apps.splice(0)) t.dispose();
  for (const c of children.splice(0)) c.kill('SIGKILL');
});
afterAll(() => {
  for (const d of cleanup.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function newDir(): string {
  const d = tempDir('cv-crash-export-');
  cleanup.push(d);
  return d;
}

/** A vault with one patient, signed in as the administrator. */
async function vaultWithPatient(): Promise<{ t: TestApp; patientId: string }> {
  const t = makeTestApp();
  apps.push(t);
  await t.setup();
  expect((await t.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
  const patient = await t.ok('patients.create', PATIENT);
  return { t, patientId: patient.id };
}

/**
 * What an export killed half-way leaves: its row still 'started', its temporary files recorded, and a partial
 * pack with the patient's records beside the destination. Written the way startExport and writePack write them.
 */
function leaveKilledExport(t: TestApp, patientId: string, destination: string): { packId: string; partial: string } {
  const v = t.app.vault!;
  const packId = randomUUID();
  const files = temporaryFiles(destination, packId);
  v.transaction(() => {
    v.evidence.insertExport({
      id: packId,
      packNo: v.evidence.nextPackNo(),
      patientId,
      kind: 'lawyer',
      scope: '{"type":"patient"}',
      batesPrefix: 'CV',
      fileName: path.basename(destination),
      startedAt: new Date().toISOString(),
      startedBy: t.app.session!.staff.id,
    });
    v.evidence.recordTempFiles(packId, files);
  });
  fs.writeFileSync(files.pack, `PK partial pack: ${PATIENT.nameZh} ${PATIENT.nationalId}\n`);
  return { packId, partial: files.pack };
}

async function reopen(t: TestApp): Promise<void> {
  await t.signOut();
  expect((await t.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
}

const events = async (t: TestApp, action: string): Promise<AuditEvent[]> => (await t.ok('audit.recent', { limit: 500 })).filter((e) => e.action === action);
const partials = (dir: string) => fs.readdirSync(dir).filter((n) => n.endsWith('.partial'));

describe('an export killed half-way is cleaned up at the next open', () => {
  it('removes the partial pack, marks the export abandoned and audits it, once', async () => {
    const { t, patientId } = await vaultWithPatient();
    const out = newDir();
    const { packId, partial } = leaveKilledExport(t, patientId, path.join(out, 'pack.zip'));
    await reopen(t);

    expect(fs.existsSync(partial)).toBe(false);
    expect(partials(out)).toEqual([]);
    expect(t.app.vault!.evidence.getExport(packId)).toMatchObject({ status: 'abandoned', finishedAt: expect.any(String) });
    const [abandoned, ...more] = await events(t, 'evidence.export_abandoned');
    expect(more).toEqual([]);
    expect(abandoned).toMatchObject({
      actorId: null,
      subjectType: 'evidence_pack',
      subjectId: packId,
      details: { patientId, packNo: 1, tempFilesRecorded: true, partialPackMayRemain: false, packFilePresent: false },
    });
    expect(abandoned!.details.tempFiles).toEqual([
      { file: 'pack', outcome: 'removed' },
      { file: 'pdf', outcome: 'not_found' },
    ]);
    expect((await t.ok('home.today', {})).exportLeftovers).toEqual([]);
    expect((await t.ok('audit.verify', {})).ok).toBe(true);
    // Nothing is left to recover: the next open writes nothing, and the finished row stays frozen.
    await reopen(t);
    expect(await events(t, 'evidence.export_abandoned')).toHaveLength(1);
    expect(() => t.app.vault!.db.prepare("UPDATE evidence_exports SET status = 'started' WHERE id = ?").run(packId)).toThrow(/finished export/);
    expect(() => t.app.vault!.db.prepare('DELETE FROM evidence_export_abandonments').run()).toThrow(/never deleted/);
  });

  it('a partial pack on a drive that is gone stays on the administrator’s Home until the drive is back, then is removed', async () => {
    const { t, patientId } = await vaultWithPatient();
    const usb = path.join(newDir(), 'usb');
    fs.mkdirSync(usb);
    const { packId, partial } = leaveKilledExport(t, patientId, path.join(usb, 'pack.zip'));
    const away = `${usb}-unplugged`;
    fs.renameSync(usb, away);
    await reopen(t);

    expect(t.app.vault!.evidence.getExport(packId)?.status).toBe('abandoned');
    const [abandoned] = await events(t, 'evidence.export_abandoned');
    expect(abandoned!.details).toMatchObject({ partialPackMayRemain: true, packFilePresent: false, tempFiles: [{ file: 'pack', outcome: 'unreachable' }, { file: 'pdf', outcome: 'unreachable' }] });
    const home = await t.ok('home.today', {});
    expect(home.exportLeftovers.map((l) => [l.exportId, l.packNo, l.path])).toEqual([
      [packId, 1, partial],
      [packId, 1, temporaryFiles(path.join(usb, 'pack.zip'), packId).pdf],
    ]);
    // Only the administrator is told (a nurse's Home has no such list).
    await t.ok('staff.add', { name: '陳美玲', role: 'nurse', password: 'Nurse-Pass-2026', temporaryPassword: false });
    await t.signOut();
    expect((await t.signIn('陳美玲', 'Nurse-Pass-2026')).ok).toBe(true);
    expect((await t.ok('home.today', {})).exportLeftovers).toEqual([]);

    // The drive is back: the next open removes the partial pack and the notice goes.
    fs.renameSync(away, usb);
    expect(fs.existsSync(partial)).toBe(true);
    await reopen(t);
    expect(fs.existsSync(partial)).toBe(false);
    expect((await t.ok('home.today', {})).exportLeftovers).toEqual([]);
    const removed = await events(t, 'evidence.export_leftover_removed');
    expect(removed.map((e) => [e.subjectId, e.details.file, e.details.outcome]).sort()).toEqual([
      [packId, 'pack', 'removed'],
      [packId, 'pdf', 'not_found'],
    ]);
    expect((await t.ok('audit.verify', {})).ok).toBe(true);
  });

  it('an export whose session ended under it (signed out mid-export) is abandoned at the next sign-in, with nothing left on disk', async () => {
    const { t, patientId } = await vaultWithPatient();
    const out = newDir();
    const started = await t.ok('evidence.startExport', { patientId, scope: { type: 'patient' }, kind: 'lawyer', locale: 'zh-TW', destination: path.join(out, 'pack.zip') });
    await t.signOut();
    // The job notices the closed vault at its next step and removes its own files.
    for (let i = 0; i < 200 && partials(out).length > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect((await t.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
    // Signing out cancels the job, which cannot record its outcome on a vault that is no longer open.
    expect(t.app.vault!.evidence.getExport(started.packId)?.status).toBe('abandoned');
    const [abandoned] = await events(t, 'evidence.export_abandoned');
    expect(abandoned?.subjectId).toBe(started.packId);
    expect(abandoned!.details.partialPackMayRemain).toBe(false);
    expect(partials(out)).toEqual([]);
    expect(fs.existsSync(path.join(out, 'pack.zip'))).toBe(false);
  });

  it('an export another live process is still writing is left alone, and recovered once that process is gone', async () => {
    const { t, patientId } = await vaultWithPatient();
    const out = newDir();
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    children.push(child);
    const v = t.app.vault!;
    const packId = randomUUID();
    const partial = temporaryFiles(path.join(out, 'pack.zip'), packId).pack;
    v.transaction(() => {
      v.evidence.insertExport({ id: packId, packNo: 1, patientId, kind: 'lawyer', scope: '{"type":"patient"}', batesPrefix: 'CV', fileName: 'pack.zip', startedAt: new Date().toISOString(), startedBy: t.app.session!.staff.id });
      // As the other process (the CLI beside the app, say) recorded it.
      v.db
        .prepare("INSERT INTO evidence_export_temp_files (export_id, path, file_kind, owner_host, owner_pid, folder_device) VALUES (?, ?, 'pack', ?, ?, NULL)")
        .run(packId, partial, os.hostname(), child.pid);
    });
    fs.writeFileSync(partial, 'still being written');
    await reopen(t);
    expect(t.app.vault!.evidence.getExport(packId)?.status).toBe('started');
    expect(fs.existsSync(partial)).toBe(true);

    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    await reopen(t);
    expect(t.app.vault!.evidence.getExport(packId)?.status).toBe('abandoned');
    expect(fs.existsSync(partial)).toBe(false);
  });
});

describe('kill -9 during `consentvault export` (the real CLI)', () => {
  it.each(['export:after-records', 'export:after-pdf'])(
    'killed at %s: the partial pack is on disk and the export started; the next open removes it, marks it abandoned, and a new export works',
    async (point) => {
      const { t } = await vaultWithPatient();
      await t.signOut();
      const out = newDir();
      const dest = path.join(out, 'pack.zip');
      const env = { CONSENTVAULT_PASSWORD: ADMIN.password };
      const killed = runCliProcess(['export', '--vault', t.vaultDir, '--patient', PATIENT.chartNo, '--out', dest], { ...env, CONSENTVAULT_CRASH_AT: point });
      expect(killed.signal, killed.stderr).toBe('SIGKILL');
      expect(fs.existsSync(dest)).toBe(false);
      const left = partials(out);
      expect(left.length).toBeGreaterThanOrEqual(point === 'export:after-pdf' ? 2 : 1);

      // Any next open cleans up: here the CLI verifying the chain.
      const verify = runCliProcess(['audit', 'verify', '--vault', t.vaultDir], env);
      expect(verify.status, verify.stderr).toBe(0);
      expect(partials(out)).toEqual([]);

      expect((await t.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
      const [abandoned] = await events(t, 'evidence.export_abandoned');
      expect(abandoned).toBeDefined();
      expect(t.app.vault!.evidence.getExport(abandoned!.subjectId!)?.status).toBe('abandoned');
      expect((abandoned!.details.tempFiles as { outcome: string }[]).filter((f) => f.outcome === 'removed')).toHaveLength(left.length);
      await t.signOut();

      const again = runCliProcess(['export', '--vault', t.vaultDir, '--patient', PATIENT.chartNo, '--out', dest], env);
      expect(again.status, again.stderr).toBe(0);
      expect(again.stdout).toMatch(/Evidence pack 0002 written/);
      expect(partials(out)).toEqual([]);
    },
    120_000,
  );
});
