import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Out } from '../../shared/api';
import type { BackupManifest } from '../../shared/schemas/backup';
import { openReadOnly } from '../../electron/store/backups/copy';
import { ADMIN, makeTestApp, tempDir, waitForJob, type TestApp } from '../support/app';
import { backupSettingsVersion } from '../support/edit-versions';
import { evidenceFixture, type EvidenceFixture } from '../support/evidence-fixture';
import { exportPack } from '../support/evidence-export';
import { readPack } from '../support/pack-files';

type BackupStatus = Extract<Out<'jobs.status'>, { kind: 'backup.create' }>;

async function backUp(t: TestApp, destination?: string): Promise<BackupStatus> {
  const { jobId } = await t.ok('backups.start', destination ? { destination } : {});
  const status = await waitForJob(t, jobId, 120_000);
  if (status.kind !== 'backup.create') throw new Error('not a backup job');
  return status;
}

function manifestOf(dir: string): BackupManifest {
  return JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
}

/** Row counts of every ordinary table (FTS shadow tables included: they are rows too). */
function tableCounts(db: Sqlite.Database, except: readonly string[]): Record<string, number> {
  const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  return Object.fromEntries(names.filter((n) => !except.includes(n)).map((n) => [n, (db.prepare(`SELECT count(*) AS n FROM "${n}"`).get() as { n: number }).n]));
}

/** A fresh app core with no vault configured, as on a new computer's set-up screen. */
function newComputer(): TestApp {
  const t = makeTestApp();
  return t;
}

/** Copies a backup folder under the same name into a scratch place, to damage the copy and not the original. */
function copyBackup(from: string, scratch: string): string {
  const to = path.join(fs.mkdtempSync(path.join(scratch, 'b-')), path.basename(from));
  fs.cpSync(from, to, { recursive: true });
  return to;
}

const canMount = (() => {
  if (process.getuid?.() !== 0) return false;
  const probe = tempDir('cv-mount-probe-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
})();

describe('backups: a verified copy, and a restore into a new folder', () => {
  let f: EvidenceFixture;
  let t: TestApp;
  let scratch: string;
  let backupsDir: string;
  let first: BackupStatus;
  const others: TestApp[] = [];

  beforeAll(async () => {
    f = await evidenceFixture();
    t = f.t;
    scratch = tempDir('cv-backup-');
    backupsDir = path.join(scratch, 'usb');
    fs.mkdirSync(backupsDir);
    await t.ok('backups.updateSettings', { expectedVersion: await backupSettingsVersion(t), destination: backupsDir, intervalHours: 0, keepDaily: 7, keepWeekly: 4, keepMonthly: 12 });
    first = await backUp(t);
  }, 180_000);

  afterAll(() => {
    for (const o of others) o.dispose();
    t.dispose();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('writes one folder with the encrypted copy, the key slots and a signed manifest, and records it', async () => {
    expect(first.state).toBe('done');
    const r = first.result!;
    expect(r.status).toBe('verified');
    expect(fs.readdirSync(backupsDir)).toEqual([r.name]);
    expect(fs.readdirSync(r.path).sort()).toEqual(['keyslots.json', 'manifest.json', 'vault.db']);
    // Encrypted with the vault key: no SQLite header, and it does not open without the key.
    const head = fs.readFileSync(path.join(r.path, 'vault.db')).subarray(0, 16).toString('latin1');
    expect(head).not.toContain('SQLite format 3');
    const m = manifestOf(r.path);
    expect(m).toMatchObject({ format: 'consentvault-backup', version: 1, name: r.name, vaultId: t.app.vault!.id, schemaVersion: t.app.vault!.schemaVersion() });
    expect(m.checkpoint.statement).toMatchObject({ reason: 'backup', headSeq: r.headSeq, headHash: r.headHash, chainId: t.app.vault!.id });
    expect(m.files.map((x) => x.path)).toEqual(['vault.db', 'keyslots.json']);
    // The source's chain holds the copy's head: the copy is the vault as it was at that event.
    expect(t.app.vault!.audit.hashAt(r.headSeq!)).toBe(r.headHash);

    const overview = await t.ok('backups.overview', {});
    expect(overview.lastVerified).toMatchObject({ id: r.backupId, status: 'verified', trigger: 'manual', headSeq: r.headSeq, path: r.path });
    const events = (await t.ok('audit.recent', { limit: 20 })).filter((e) => e.action === 'backup.created');
    expect(events[0]).toMatchObject({ subjectType: 'backup', subjectId: r.backupId, details: { name: r.name, headSeq: r.headSeq, trigger: 'manual' } });
    // Recorded when the job ends, from the seat that asked for it.
    expect(events[0]!.seat).toEqual({ deviceId: t.app.deskCaller.seat.deviceId, name: t.app.deskCaller.seat.name });
    // The destination path someone typed is kept only as a keyed hash.
    expect(JSON.stringify(events[0]!.details)).not.toContain(backupsDir);
  });

  it('shows the last verified backup on the administrator’s Home', async () => {
    const home = await t.ok('home.today', {});
    expect(home.backup).toMatchObject({ configured: true, lastVerifiedPath: first.result!.path, stale: false, lastFailure: null });
  });

  it('keeps the app usable: writes continue while a backup runs, and the copy is one consistent moment', async () => {
    const before = t.app.vault!.audit.head()!;
    const { jobId } = await t.ok('backups.start', {});
    let written = 0;
    let status: Out<'jobs.status'>;
    do {
      await t.ok('patients.create', { chartNo: `W${String(written).padStart(4, '0')}`, nameZh: '林小華', sex: 'female', birthDate: '1990-01-01', phone: `0912-${String(written).padStart(6, '0')}`.slice(0, 12) });
      written++;
      // Calls arrive from IPC or HTTP, each in a task of its own: the worker's messages are handled in between.
      await new Promise((r) => setTimeout(r, 1));
      status = await t.ok('jobs.status', { jobId });
    } while (status.state === 'queued' || status.state === 'running');
    expect(written).toBeGreaterThan(0);
    if (status.kind !== 'backup.create') throw new Error('kind');
    const r = status.result!;
    expect(r.status).toBe('verified');
    expect(r.headSeq!).toBeGreaterThanOrEqual(before.seq);
    expect(t.app.vault!.audit.hashAt(r.headSeq!)).toBe(r.headHash);
    // The copy holds exactly the patients committed at its head, no torn half of a write.
    const key = Buffer.from(t.app.vault!.workerSource().key);
    const copy = openReadOnly(path.join(r.path, 'vault.db'), key);
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const created = (copy.prepare("SELECT count(*) AS n FROM audit_events WHERE action = 'patient.created'").get() as { n: number }).n;
      const patients = (copy.prepare('SELECT count(*) AS n FROM patients').get() as { n: number }).n;
      expect(patients).toBe(created);
    } finally {
      copy.close();
      key.fill(0);
    }
  }, 120_000);

  it('restores into a new folder with identical rows, chain head and consent bytes, and records the restore', async () => {
    const r = first.result!;
    const other = newComputer();
    others.push(other);
    const target = path.join(other.root, 'restored');
    const restored = await other.ok('setup.restoreBackup', { backupDir: r.path, vaultDir: target, credential: { kind: 'password', loginId: ADMIN.name, password: ADMIN.password } });
    expect(restored).toMatchObject({ vaultPath: target, backupName: r.name, headSeq: r.headSeq! + 1 });
    expect((await other.ok('app.status', {})).setupRequired).toBe(false);
    const session = await other.ok('session.signIn', { loginId: ADMIN.name, password: ADMIN.password });
    // Its own checkpoint at restore: no false "cut" alarm.
    expect(session.chainAlert).toBeNull();
    const verify = await other.ok('audit.verify', {});
    expect(verify.ok).toBe(true);

    const src = openReadOnly(path.join(r.path, 'vault.db'), Buffer.from(t.app.vault!.workerSource().key));
    try {
      const dst = other.app.vault!.db;
      const skip = ['audit_events', 'vault_restores', 'backups', 'backup_removals'];
      expect(tableCounts(dst, skip)).toEqual(tableCounts(src, skip));
      // The chain is the backup's up to its head, then the restore.
      for (const seq of [1, r.headSeq!]) expect(other.app.vault!.audit.hashAt(seq)).toBe(t.app.vault!.audit.hashAt(seq));
      const docs = (db: Sqlite.Database) => db.prepare('SELECT sha256, hex(bytes) AS b FROM consent_documents ORDER BY sha256').all();
      expect(docs(dst)).toEqual(docs(src));
      expect(docs(dst).length).toBeGreaterThan(0);
    } finally {
      src.close();
    }
    const event = other.app.vault!.audit.recent(10).find((e) => e.action === 'vault.restored')!;
    expect(event).toMatchObject({
      seq: r.headSeq! + 1,
      actorName: ADMIN.name,
      subjectId: t.app.vault!.id,
      details: { backupId: r.backupId, backupName: r.name, method: 'password', supersedes: { headSeq: r.headSeq, headHash: r.headHash } },
    });
    // Identity: the same vault id and signing key as the original.
    expect(other.app.vault!.id).toBe(t.app.vault!.id);
    expect(other.app.vault!.settings.signingKey()!.fingerprint).toBe(t.app.vault!.settings.signingKey()!.fingerprint);
    const overview = await other.ok('backups.overview', {});
    expect(overview.restores).toEqual([expect.objectContaining({ backupId: r.backupId, backupName: r.name, checkpointSeq: r.headSeq, checkpointHash: r.headHash })]);

    // Its evidence packs say so: two copies of one vault in use at once are visible.
    const packPath = path.join(other.root, 'pack.zip');
    const { status } = await exportPack(other, { patientId: f.patientId, scope: { type: 'patient' }, kind: 'lawyer', destination: packPath });
    expect(status.state).toBe('done');
    const bagInfo = (await readPack(packPath)).files.get('bag-info.txt')!.toString();
    expect(bagInfo).toContain(`Restored-From: ${r.name} taken ${manifestOf(r.path).takenAt} at checkpoint ${r.headSeq} ${r.headHash}`);
    await other.signOut();
  }, 120_000);

  it('opens with the recovery code too, and never over an existing vault', async () => {
    const r = first.result!;
    const other = newComputer();
    others.push(other);
    const refused = await other.call('setup.restoreBackup', { backupDir: r.path, vaultDir: t.vaultDir, credential: { kind: 'password', loginId: ADMIN.name, password: ADMIN.password } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', messageKey: 'backups.errors.restoreTargetIsVault' } });
    const foreign = path.join(other.root, 'not-empty');
    fs.mkdirSync(foreign);
    fs.writeFileSync(path.join(foreign, 'notes.txt'), 'mine');
    expect(await other.call('setup.restoreBackup', { backupDir: r.path, vaultDir: foreign, credential: { kind: 'password', loginId: ADMIN.name, password: ADMIN.password } })).toMatchObject({
      ok: false,
      error: { messageKey: 'errors.vaultNotEmpty' },
    });
    expect(fs.readdirSync(foreign)).toEqual(['notes.txt']);

  }, 60_000);

  it('opens with the recovery code from set-up instead of a password', async () => {
    const small = makeTestApp();
    others.push(small);
    const code = await small.setup();
    const dest = path.join(small.root, 'usb');
    fs.mkdirSync(dest);
    await small.ok('session.signIn', { loginId: ADMIN.name, password: ADMIN.password });
    const made = await backUp(small, dest);
    await small.signOut();
    const other = newComputer();
    others.push(other);
    const target = path.join(other.root, 'by-code');
    expect(await other.call('setup.restoreBackup', { backupDir: made.result!.path, vaultDir: target, credential: { kind: 'recovery_code', recoveryCode: 'ABCDE-FGHJK-MNPQR-STUVW-XYZ23-45678-9ABCD-EFGHJ' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_credentials', messageKey: 'errors.recoveryCodeWrong' },
    });
    const restored = await other.ok('setup.restoreBackup', { backupDir: made.result!.path, vaultDir: target, credential: { kind: 'recovery_code', recoveryCode: code } });
    expect(restored.vaultPath).toBe(target);
    await other.ok('session.signIn', { loginId: ADMIN.name, password: ADMIN.password });
    const event = other.app.vault!.audit.recent(10).find((e) => e.action === 'vault.restored')!;
    expect(event).toMatchObject({ actorId: null, details: { method: 'recovery_code' } });
    await other.signOut();
  }, 60_000);

  it('refuses a wrong password and a damaged, truncated, edited or too-new backup, naming the file, and writes nothing', async () => {
    const r = first.result!;
    const other = newComputer();
    others.push(other);
    const target = path.join(other.root, 'never');
    const attempt = (backupDir: string, credential: { kind: 'password'; loginId: string; password: string } = { kind: 'password', loginId: ADMIN.name, password: ADMIN.password }) =>
      other.call('setup.restoreBackup', { backupDir, vaultDir: target, credential });

    expect(await attempt(r.path, { kind: 'password', loginId: ADMIN.name, password: 'Wrong-Password-1' })).toMatchObject({ ok: false, error: { code: 'invalid_credentials' } });

    const flipped = copyBackup(r.path, scratch);
    const db = path.join(flipped, 'vault.db');
    const bytes = fs.readFileSync(db);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    fs.writeFileSync(db, bytes);
    expect(await attempt(flipped)).toMatchObject({ ok: false, error: { code: 'conflict', messageKey: 'backups.errors.fileDamaged', params: { file: 'vault.db' } } });

    const truncated = copyBackup(r.path, scratch);
    fs.truncateSync(path.join(truncated, 'vault.db'), 8192);
    expect(await attempt(truncated)).toMatchObject({ ok: false, error: { messageKey: 'backups.errors.fileDamaged', params: { file: 'vault.db' } } });

    const slots = copyBackup(r.path, scratch);
    fs.appendFileSync(path.join(slots, 'keyslots.json'), ' ');
    expect(await attempt(slots)).toMatchObject({ ok: false, error: { messageKey: 'backups.errors.fileDamaged', params: { file: 'keyslots.json' } } });

    const missing = copyBackup(r.path, scratch);
    fs.rmSync(path.join(missing, 'keyslots.json'));
    expect(await attempt(missing)).toMatchObject({ ok: false, error: { messageKey: 'backups.errors.fileMissing', params: { file: 'keyslots.json' } } });

    // Hashes still match, but the manifest was edited: its signature, checked with the key inside the copy, fails.
    const edited = copyBackup(r.path, scratch);
    const m = manifestOf(edited);
    fs.writeFileSync(path.join(edited, 'manifest.json'), JSON.stringify({ ...m, takenAt: '2020-01-01T00:00:00.000Z' }));
    expect(await attempt(edited)).toMatchObject({ ok: false, error: { messageKey: 'backups.errors.fileDamaged', params: { file: 'manifest.json' } } });

    const newer = copyBackup(r.path, scratch);
    fs.writeFileSync(path.join(newer, 'manifest.json'), JSON.stringify({ ...m, schemaVersion: 99_999 }));
    expect(await attempt(newer)).toMatchObject({ ok: false, error: { messageKey: 'backups.errors.backupTooNew', params: { found: 99_999 } } });

    // A folder under another name than its manifest's is not a finished backup.
    const renamed = path.join(path.dirname(copyBackup(r.path, scratch)), 'my-copy');
    fs.renameSync(path.join(path.dirname(renamed), r.name), renamed);
    expect(await attempt(renamed)).toMatchObject({ ok: false, error: { messageKey: 'backups.errors.backupIncomplete' } });

    expect(fs.existsSync(target)).toBe(false);
    expect((await other.ok('app.status', {})).setupRequired).toBe(true);
  }, 120_000);

  it('keeps a copy that fails verification aside as failed, shows why, and a restore refuses it', async () => {
    // Someone with the key rewrote an event in the source: the copy's chain does not verify.
    const db = t.app.vault!.db;
    const seq = 3;
    const original = db.prepare('SELECT details FROM audit_events WHERE seq = ?').get(seq) as { details: string };
    const trigger = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'audit_events_no_update'").get() as { sql: string }).sql;
    db.exec('DROP TRIGGER audit_events_no_update');
    db.prepare('UPDATE audit_events SET details = ? WHERE seq = ?').run('{"rewritten":true}', seq);
    try {
      const status = await backUp(t);
      const r = status.result!;
      expect(r).toMatchObject({ status: 'failed', failure: 'verification_failed' });
      expect(r.detail).toContain(`#${seq}`);
      expect(path.basename(r.path)).toBe(`${r.name}.failed`);
      expect(fs.readdirSync(r.path)).toContain('FAILED.txt');
      expect(fs.readdirSync(r.path)).not.toContain('manifest.json');
      const home = await t.ok('home.today', {});
      expect(home.backup?.lastFailure).toMatchObject({ failure: 'verification_failed', path: r.path });
      const other = newComputer();
      others.push(other);
      expect(await other.call('setup.restoreBackup', { backupDir: r.path, vaultDir: path.join(other.root, 'x'), credential: { kind: 'password', loginId: ADMIN.name, password: ADMIN.password } })).toMatchObject({
        ok: false,
        error: { messageKey: 'backups.errors.backupFailedVerification' },
      });
    } finally {
      db.prepare('UPDATE audit_events SET details = ? WHERE seq = ?').run(original.details, seq);
      db.exec(trigger);
    }
  }, 120_000);

  it('says in plain words when the folder is missing, and leaves nothing behind', async () => {
    const gone = path.join(scratch, 'unplugged');
    const status = await backUp(t, gone);
    expect(status).toMatchObject({ state: 'failed', errorKey: 'backups.failures.folder_missing', result: { status: 'failed', failure: 'folder_missing' } });
    expect(fs.existsSync(gone)).toBe(false);
    const home = await t.ok('home.today', {});
    expect(home.backup?.lastFailure).toMatchObject({ failure: 'folder_missing' });
    const failed = (await t.ok('audit.recent', { limit: 5 })).find((e) => e.action === 'backup.failed');
    expect(failed?.details).toMatchObject({ failure: 'folder_missing' });
  }, 60_000);

  it('refuses a destination inside the vault folder', async () => {
    expect(await t.call('backups.start', { destination: path.join(t.vaultDir, 'sub') })).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['destination'], messageKey: 'backups.errors.insideVault' }] } });
    expect(await t.call('backups.updateSettings', { expectedVersion: await backupSettingsVersion(t), destination: path.join(scratch, 'nope'), intervalHours: 4, keepDaily: 7, keepWeekly: 4, keepMonthly: 12 })).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['destination'], messageKey: 'backups.failures.folder_missing' }] },
    });
  });

  it.skipIf(!canMount)('says when the folder is read-only or the disk fills mid-copy, and leaves no complete-looking file', async () => {
    const ro = path.join(scratch, 'ro');
    const tiny = path.join(scratch, 'tiny');
    fs.mkdirSync(ro);
    fs.mkdirSync(tiny);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', ro]);
    // Smaller than the vault: the copy runs out of space part-way.
    const copyBytes = first.result!.bytes!;
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${Math.max(4096, Math.floor(copyBytes / 2 / 4096) * 4096)}`, 'tmpfs', tiny]);
    try {
      const readOnly = await backUp(t, ro);
      expect(readOnly).toMatchObject({ state: 'failed', errorKey: 'backups.failures.not_writable' });
      const full = await backUp(t, tiny);
      expect(full).toMatchObject({ state: 'failed', errorKey: 'backups.failures.disk_full', result: { failure: 'disk_full' } });
      expect(fs.readdirSync(tiny)).toEqual([]);
      const home = await t.ok('home.today', {});
      expect(home.backup?.lastFailure).toMatchObject({ failure: 'disk_full' });
      expect((await t.ok('audit.verify', {})).ok).toBe(true);
    } finally {
      execFileSync('umount', [ro]);
      execFileSync('umount', [tiny]);
    }
  }, 60_000);
});

describe('backups: schedule, sign-out and rotation', () => {
  it('makes a backup at sign-out when the last good one is over a day old, before the key is dropped', async () => {
    const t = makeTestApp();
    try {
      await t.setup();
      const dest = path.join(t.root, 'usb');
      fs.mkdirSync(dest);
      await t.ok('session.signIn', { loginId: ADMIN.name, password: ADMIN.password });
      await t.ok('backups.updateSettings', { expectedVersion: await backupSettingsVersion(t), destination: dest, intervalHours: 0, keepDaily: 7, keepWeekly: 4, keepMonthly: 12 });
      await t.ok('session.signOut', {});
      expect(t.app.vault).toBeNull();
      const made = fs.readdirSync(dest);
      expect(made).toHaveLength(1);
      expect(fs.readdirSync(path.join(dest, made[0]!)).sort()).toEqual(['keyslots.json', 'manifest.json', 'vault.db']);
      await t.ok('session.signIn', { loginId: ADMIN.name, password: ADMIN.password });
      const overview = await t.ok('backups.overview', {});
      expect(overview.lastVerified).toMatchObject({ trigger: 'sign_out', name: made[0] });
      const actions = t.app.vault!.audit.recent(10).map((e) => e.action);
      expect(actions.indexOf('backup.created')).toBeGreaterThan(actions.indexOf('session.signed_out'));
      // A day has not passed: the next sign-out does not make another.
      await t.ok('session.signOut', {});
      expect(fs.readdirSync(dest)).toHaveLength(1);
    } finally {
      t.dispose();
    }
  }, 120_000);

  it('runs on the schedule while the vault is open (the app clock decides), and rotation keeps the newest', async () => {
    const { ManualClock } = await import('../support/app');
    const clock = new ManualClock('2026-11-02T01:00:00.000Z');
    const t = makeTestApp({ clock });
    try {
      await t.setup();
      const dest = path.join(t.root, 'nas');
      fs.mkdirSync(dest);
      await t.ok('session.signIn', { loginId: ADMIN.name, password: ADMIN.password });
      await t.ok('backups.updateSettings', { expectedVersion: await backupSettingsVersion(t), destination: dest, intervalHours: 24, keepDaily: 2, keepWeekly: 0, keepMonthly: 0 });
      const schedule = t.app.backupSchedule as unknown as { check(): { job: { id: string; finished: Promise<void> } } | null };
      const names: string[] = [];
      for (let day = 0; day < 4; day++) {
        const run = schedule.check();
        expect(run).not.toBeNull();
        // Settles once the outcome (and rotation) is in the vault.
        await run!.job.finished;
        const job = t.app.jobs.get(run!.job.id) as { result: { status: string; path: string } | null };
        expect(job.result).toMatchObject({ status: 'verified' });
        names.push(path.basename(job.result!.path));
        // Not due again within the interval.
        clock.advance(3_600_000);
        expect(schedule.check()).toBeNull();
        clock.advance(23 * 3_600_000);
      }
      expect(fs.readdirSync(dest).sort()).toEqual(names.slice(2).sort());
      // Three idle days later the session is locked; unlocking is a call like any other.
      await t.ok('session.unlock', { password: ADMIN.password });
      const overview = await t.ok('backups.overview', {});
      expect(overview.backups.map((b) => [b.name, b.status, b.trigger])).toEqual([
        [names[3], 'verified', 'schedule'],
        [names[2], 'verified', 'schedule'],
        [names[1], 'removed', 'schedule'],
        [names[0], 'removed', 'schedule'],
      ]);
      expect(t.app.vault!.audit.recent(50).filter((e) => e.action === 'backup.removed')).toHaveLength(2);
      await t.ok('session.signOut', {});
      expect(t.app.backupSchedule).toBeNull();
    } finally {
      t.dispose();
    }
  }, 180_000);
});
