/**
 * Unattended start of the clinic server (issue 14): an administrator makes a key file (`unattended-key create`, or
 * Settings › Seats), `consentvault serve --key-file` starts with it and nobody at the server, and a revoked,
 * replaced, foreign, damaged or badly placed key file is refused with nothing written. The CLI-process tests run
 * `bin/consentvault.mjs` (the built CLI after `npm run build:cli`, else the sources through tsx).
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../shared/schemas/audit';
import { ClinicClient, pairWithServer } from '../../electron/server/client';
import { DomainError } from '../../electron/domain/errors';
import { openUnattended } from '../../electron/services/seats/unattended-key';
import { ADMIN, waitForJob, type TestApp } from '../support/app';
import { runCliProcess, startServeProcess, type ServeProcess } from '../support/cli-process';
import { signInAt } from '../support/clinic-server';
import { copyAtCrashPoint, crashTestScope } from '../support/crash-test';
import { NURSE, SECOND_ADMIN } from '../support/staff';
import { KEYSLOTS_FILE, sha256File } from '../support/vault-files';

const { newDir, app } = crashTestScope('cv-unattended-');

/** A vault with the administrator signed in at the desk. */
async function signedInVault(): Promise<TestApp> {
  const t = app();
  await t.setup();
  if (!t.app.session) await t.ok('session.signIn', { loginId: ADMIN.name, password: ADMIN.password });
  return t;
}

/** A place for a key file outside every vault (its folder exists, the file does not). */
const keyPath = (): string => path.join(newDir(), 'unattended.key');

/** What starting the server with this key file would do, in-process: 'opened', or the refusal's locale key. */
async function startWith(vaultDir: string, keyFile: string): Promise<string> {
  const next = app({ vaultDir, configured: true });
  try {
    await openUnattended(next.app, keyFile);
    return 'opened';
  } catch (e) {
    if (e instanceof DomainError) return e.messageKey;
    throw e;
  } finally {
    next.app.keepVaultOpen = false;
    next.app.closeVault();
  }
}

/** Every file in the vault folder with its SHA-256: "nothing written" is this, unchanged. */
function folderState(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out[path.relative(dir, full)] = sha256File(full);
    }
  };
  walk(dir);
  return out;
}

function unattendedSlots(dir: string): { id: string; createdBy: string; pending?: string; retiredBy?: string }[] {
  const raw = JSON.parse(fs.readFileSync(path.join(dir, KEYSLOTS_FILE), 'utf8')) as { slots: { kind: string; id: string; createdBy: string }[] };
  return raw.slots.filter((s) => s.kind === 'unattended');
}

const actionsOf = (events: readonly AuditEvent[], action: string) => events.filter((e) => e.action === action);

describe('making and revoking the unattended-start key (in the app core)', () => {
  it('writes a 0600 key file outside the vault, records who made it (the path only as a keyed hash), and the file opens the vault', async () => {
    const t = await signedInVault();
    const keyFile = keyPath();
    expect((await t.ok('seats.unattendedKeyStatus', {})).active).toBe(false);
    const made = await t.ok('seats.createUnattendedKey', { keyFile, acknowledged: true });
    expect(made).toMatchObject({ keyFile: fs.realpathSync(keyFile), replacedKeyId: null });
    if (process.platform !== 'win32') expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    const file = JSON.parse(fs.readFileSync(keyFile, 'utf8')) as Record<string, unknown>;
    expect(file).toMatchObject({ format: 'consentvault-unattended-key', version: 1, keyId: made.keyId });
    // The secret is only in the key file: keyslots.json holds the wrapped master key and no secret.
    expect(fs.readFileSync(path.join(t.vaultDir, KEYSLOTS_FILE), 'utf8')).not.toContain(String(file.secret));
    expect(unattendedSlots(t.vaultDir)).toEqual([expect.objectContaining({ id: made.keyId, createdBy: t.app.session!.staff.id })]);
    expect(await t.ok('seats.unattendedKeyStatus', {})).toEqual({ active: true, keyId: made.keyId, createdAt: made.createdAt, createdByName: ADMIN.name, creatorActive: true });

    const [created] = actionsOf(await t.ok('audit.recent', { limit: 20 }), 'unattended_key.created');
    expect(created).toMatchObject({ actorName: ADMIN.name, subjectType: 'vault', details: { keyId: made.keyId, replacedKeyId: null } });
    expect(created!.details.keyFileHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(created)).not.toContain(path.basename(path.dirname(keyFile)));
    await t.signOut();

    expect(await startWith(t.vaultDir, keyFile)).toBe('opened');
  });

  it('refuses a key file inside the vault folder (also through a link), in the backup folder, or over an existing file: nothing written', async () => {
    const t = await signedInVault();
    const backupDir = newDir();
    const { version, ...settings } = (await t.ok('backups.overview', {})).settings;
    await t.ok('backups.updateSettings', { ...settings, destination: backupDir, intervalHours: 0, expectedVersion: version });
    const linkToVault = path.join(newDir(), 'vault-link');
    fs.symlinkSync(t.vaultDir, linkToVault);
    const existing = keyPath();
    fs.writeFileSync(existing, 'my notes\n');
    const before = folderState(t.vaultDir);
    const eventsBefore = (await t.ok('audit.recent', { limit: 500 })).length;
    const refusal = async (keyFile: string) => {
      const r = await t.call('seats.createUnattendedKey', { keyFile, acknowledged: true });
      return r.ok ? 'written' : r.error.messageKey;
    };
    expect(await refusal(path.join(t.vaultDir, 'unattended.key'))).toBe('unattended.errors.insideVault');
    expect(await refusal(path.join(t.vaultDir, 'server-tls', 'unattended.key'))).toMatch(/unattended\.errors\.(insideVault|folderMissing)/);
    expect(await refusal(path.join(linkToVault, 'unattended.key'))).toBe('unattended.errors.insideVault');
    expect(await refusal(path.join(backupDir, 'unattended.key'))).toBe('unattended.errors.insideBackups');
    expect(await refusal(existing)).toBe('unattended.errors.fileExists');
    expect(await refusal(path.join(newDir(), 'no-such-folder', 'unattended.key'))).toBe('unattended.errors.folderMissing');
    // The warning must be acknowledged: the contract refuses the call without it.
    const unacknowledged = await t.call('seats.createUnattendedKey', { keyFile: keyPath(), acknowledged: false as true });
    expect(unacknowledged.ok ? null : unacknowledged.error).toMatchObject({ code: 'invalid_input', issues: [expect.objectContaining({ path: ['acknowledged'] })] });

    expect(fs.readFileSync(existing, 'utf8')).toBe('my notes\n');
    expect(fs.readdirSync(t.vaultDir).filter((f) => f.includes('unattended'))).toEqual([]);
    expect(fs.readdirSync(backupDir)).toEqual([]);
    // The vault folder is as it was (the database may have moved its WAL; keyslots.json is byte-identical).
    expect(folderState(t.vaultDir)[KEYSLOTS_FILE]).toBe(before[KEYSLOTS_FILE]);
    expect(unattendedSlots(t.vaultDir)).toEqual([]);
    expect((await t.ok('audit.recent', { limit: 500 })).filter((e) => e.action.startsWith('unattended_key.'))).toEqual([]);
    expect((await t.ok('audit.recent', { limit: 500 })).length).toBe(eventsBefore);
  });

  it('is made only on the computer that keeps the vault: a paired seat is refused and the refusal audited', async () => {
    const t = await signedInVault();
    await t.ok('staff.add', SECOND_ADMIN);
    const caller = { seat: { deviceId: 'a1b2c3', name: 'Front desk PC', kind: 'desktop' as const }, sessionId: null };
    expect((await t.router.call('session.signIn', { loginId: SECOND_ADMIN.name, password: SECOND_ADMIN.password }, caller)).ok).toBe(true);
    const keyFile = keyPath();
    const r = await t.router.call('seats.createUnattendedKey', { keyFile, acknowledged: true }, caller);
    expect(r.ok ? null : r.error).toMatchObject({ code: 'forbidden', messageKey: 'unattended.errors.serverScreenOnly' });
    expect((await t.router.call('seats.revokeUnattendedKey', {}, caller)).ok).toBe(false);
    expect(fs.existsSync(keyFile)).toBe(false);
    const refused = actionsOf(await t.ok('audit.recent', { limit: 20 }), 'access.forbidden');
    expect(refused.map((e) => e.details)).toEqual(expect.arrayContaining([{ channel: 'seats.createUnattendedKey', reason: 'server_screen_only' }]));
    expect(refused[0]!.seat).toEqual({ deviceId: 'a1b2c3', name: 'Front desk PC' });
  });

  it('only one key at a time: a new one replaces the old, whose file is then refused; revoking refuses the new one too', async () => {
    const t = await signedInVault();
    const first = keyPath();
    const second = keyPath();
    const a = await t.ok('seats.createUnattendedKey', { keyFile: first, acknowledged: true });
    const b = await t.ok('seats.createUnattendedKey', { keyFile: second, acknowledged: true });
    expect(b.replacedKeyId).toBe(a.keyId);
    expect(unattendedSlots(t.vaultDir).map((s) => s.id)).toEqual([b.keyId]);
    await t.signOut();
    expect(await startWith(t.vaultDir, first)).toBe('unattended.errors.keyRevoked');
    expect(await startWith(t.vaultDir, second)).toBe('opened');

    expect((await t.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
    expect(await t.ok('seats.revokeUnattendedKey', {})).toMatchObject({ active: false });
    const events = await t.ok('audit.recent', { limit: 50 });
    expect(actionsOf(events, 'unattended_key.created').map((e) => e.details.keyId)).toEqual(expect.arrayContaining([a.keyId, b.keyId]));
    expect(actionsOf(events, 'unattended_key.revoked')).toEqual([expect.objectContaining({ actorName: ADMIN.name, details: expect.objectContaining({ keyId: b.keyId }) })]);
    // Revoking nothing is not an event.
    await t.ok('seats.revokeUnattendedKey', {});
    expect(actionsOf(await t.ok('audit.recent', { limit: 50 }), 'unattended_key.revoked')).toHaveLength(1);
    expect(unattendedSlots(t.vaultDir)).toEqual([]);
    await t.signOut();
    expect(await startWith(t.vaultDir, second)).toBe('unattended.errors.keyRevoked');
  });

  it('a start with the key is recorded as the administrator who made it (via the key), and checks the chain like a sign-in', async () => {
    const t = await signedInVault();
    const keyFile = keyPath();
    const made = await t.ok('seats.createUnattendedKey', { keyFile, acknowledged: true });
    const adminId = t.app.session!.staff.id;
    await t.signOut();
    const next = app({ vaultDir: t.vaultDir, configured: true });
    const start = await openUnattended(next.app, keyFile);
    expect(start).toEqual({ keyId: made.keyId, actor: { actorId: adminId, actorName: ADMIN.name, actorRole: 'admin' } });
    expect(next.app.vault).not.toBeNull();
    expect(next.app.sessions.all()).toEqual([]);
    next.app.keepVaultOpen = false;
    next.app.closeVault();
    expect((await next.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
    const events = await next.ok('audit.recent', { limit: 20 });
    expect(actionsOf(events, 'server.started_unattended')).toEqual([
      expect.objectContaining({ actorId: adminId, actorRole: 'admin', subjectType: 'vault', details: { via: 'unattended_key', keyId: made.keyId } }),
    ]);
    expect(actionsOf(events, 'audit.checkpoint_mismatch')).toEqual([]);
    expect((await next.ok('audit.verify', {})).ok).toBe(true);
    await next.signOut();
  });

  it('an unattended start does what every opening does: sign-ins failed while the vault was closed join the chain, scheduled backups run, a job worker waits loaded', async () => {
    const t = await signedInVault();
    const keyFile = keyPath();
    await t.ok('seats.createUnattendedKey', { keyFile, acknowledged: true });
    await t.signOut();
    const next = app({ vaultDir: t.vaultDir, configured: true, spareJobWorker: true });
    expect((await next.signIn(NURSE.name, 'not-the-password')).ok).toBe(false);
    await openUnattended(next.app, keyFile);
    expect(next.app.backupSchedule).not.toBeNull();
    expect(next.app.jobs.spareThreadId).toEqual(expect.any(Number));
    next.app.keepVaultOpen = false;
    next.app.closeVault();
    expect(next.app.backupSchedule).toBeNull();
    expect(next.app.jobs.spareThreadId).toBeNull();
    expect((await next.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
    const events = await next.ok('audit.recent', { limit: 20 });
    const failed = actionsOf(events, 'session.signin_failed');
    expect(failed).toHaveLength(1);
    // Replayed before the start's own event, in the same transaction.
    expect(failed[0]!.seq).toBeLessThan(actionsOf(events, 'server.started_unattended')[0]!.seq);
    expect((await next.ok('audit.verify', {})).ok).toBe(true);
    await next.signOut();
  }, 60_000);

  it('the administrator a start is recorded as cannot be edited in keyslots.json: the slot then opens nothing', async () => {
    const t = await signedInVault();
    const other = await t.ok('staff.add', SECOND_ADMIN);
    const keyFile = keyPath();
    await t.ok('seats.createUnattendedKey', { keyFile, acknowledged: true });
    await t.signOut();
    const file = path.join(t.vaultDir, KEYSLOTS_FILE);
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { slots: { kind: string; createdBy?: string }[] };
    for (const s of raw.slots) if (s.kind === 'unattended') s.createdBy = other.id;
    fs.writeFileSync(file, JSON.stringify(raw, null, 2));
    expect(await startWith(t.vaultDir, keyFile)).toBe('unattended.errors.wrongKey');
  });

  it('stops working when the administrator who made it is deactivated: removed at the next opening, audited', async () => {
    const t = await signedInVault();
    const second = await t.ok('staff.add', SECOND_ADMIN);
    await t.signOut();
    expect((await t.signIn(SECOND_ADMIN.name, SECOND_ADMIN.password)).ok).toBe(true);
    const keyFile = keyPath();
    const made = await t.ok('seats.createUnattendedKey', { keyFile, acknowledged: true });
    await t.signOut();
    expect((await t.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
    await t.ok('staff.deactivate', { staffId: second.id });
    expect(await t.ok('seats.unattendedKeyStatus', {})).toMatchObject({ active: true, creatorActive: false });
    await t.signOut();

    expect(await startWith(t.vaultDir, keyFile)).toBe('unattended.errors.keyRevoked');
    expect(unattendedSlots(t.vaultDir)).toEqual([]);
    expect((await t.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
    const fixes = actionsOf(await t.ok('audit.recent', { limit: 50 }), 'vault.keyslots_reconciled').flatMap((e) => e.details.slots as unknown[]);
    expect(fixes).toEqual([{ slotId: made.keyId, staffId: second.id, kind: 'unattended', outcome: 'removed', reason: 'staff_inactive' }]);
    expect((await t.ok('audit.verify', {})).ok).toBe(true);
  });

  it('a vault restored from a backup does not start with the old server’s key file', async () => {
    const t = await signedInVault();
    const keyFile = keyPath();
    await t.ok('seats.createUnattendedKey', { keyFile, acknowledged: true });
    const { jobId } = await t.ok('backups.start', { destination: newDir() });
    const backup = await waitForJob(t, jobId, 120_000);
    expect(backup.state).toBe('done');
    const backupPath = backup.kind === 'backup.create' ? backup.result!.path : '';
    await t.signOut();
    const other = app();
    const target = path.join(other.root, 'restored');
    await other.ok('setup.restoreBackup', { backupDir: backupPath, vaultDir: target, credential: { kind: 'password', loginId: ADMIN.name, password: ADMIN.password } });
    expect(unattendedSlots(target)).toEqual([]);
    expect(await startWith(target, keyFile)).toBe('unattended.errors.keyRevoked');
    // The original keeps its key.
    expect(await startWith(t.vaultDir, keyFile)).toBe('opened');
  }, 120_000);
});

/**
 * In-process crash images at each step of making and revoking the key (as vault-crash-keyslots.test.ts does for
 * staff slots): the folder is copied as a kill at that point would leave it, and the copy is opened next.
 */
describe('a crash while the key is made or revoked leaves it all or nothing', () => {
  async function crashImage(t: TestApp, point: string, action: () => Promise<unknown>): Promise<string> {
    return copyAtCrashPoint(t, point, action, path.join(newDir(), 'image'));
  }

  it.each([
    ['unattended_key.create:after-keyslots', false],
    ['unattended_key.create:after-key-file', false],
    ['unattended_key.create:after-commit', true],
  ] as const)('killed at %s while replacing a key: the next open keeps exactly one key, the old or the new, audited', async (point, committed) => {
    const t = await signedInVault();
    const oldFile = keyPath();
    const newFile = keyPath();
    const old = await t.ok('seats.createUnattendedKey', { keyFile: oldFile, acknowledged: true });
    const image = await crashImage(t, point, () => t.ok('seats.createUnattendedKey', { keyFile: newFile, acknowledged: true }));
    await t.signOut();
    // Between the two writes the file lists both keys, flagged.
    if (!committed) expect(unattendedSlots(image).length).toBe(2);
    expect(await startWith(image, newFile)).toBe(committed ? 'opened' : 'unattended.errors.keyRevoked');
    expect(await startWith(image, oldFile)).toBe(committed ? 'unattended.errors.keyRevoked' : 'opened');
    const slots = unattendedSlots(image);
    expect(slots).toHaveLength(1);
    expect(slots[0]!.id === old.keyId).toBe(!committed);
    expect(slots[0]!.pending ?? slots[0]!.retiredBy).toBeUndefined();
    const next = app({ vaultDir: image, configured: true });
    expect((await next.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
    const events = await next.ok('audit.recent', { limit: 100 });
    const fixes = actionsOf(events, 'vault.keyslots_reconciled').flatMap((e) => e.details.slots as { kind?: string; reason: string }[]);
    expect(fixes.length).toBeGreaterThan(0);
    for (const f of fixes) {
      expect(f.kind).toBe('unattended');
      expect(f.reason).toMatch(committed ? /^(change_committed|replaced_by_committed_change)$/ : /^change_not_committed$/);
    }
    expect(actionsOf(events, 'unattended_key.created')).toHaveLength(committed ? 2 : 1);
    expect((await next.ok('audit.verify', {})).ok).toBe(true);
  });

  it.each([
    ['unattended_key.revoke:after-keyslots', false],
    ['unattended_key.revoke:after-commit', true],
  ] as const)('killed at %s: the key works exactly when the revocation did not commit', async (point, committed) => {
    const t = await signedInVault();
    const keyFile = keyPath();
    await t.ok('seats.createUnattendedKey', { keyFile, acknowledged: true });
    const image = await crashImage(t, point, () => t.ok('seats.revokeUnattendedKey', {}));
    await t.signOut();
    expect(await startWith(image, keyFile)).toBe(committed ? 'unattended.errors.keyRevoked' : 'opened');
    expect(unattendedSlots(image)).toHaveLength(committed ? 0 : 1);
    const next = app({ vaultDir: image, configured: true });
    expect((await next.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
    expect(actionsOf(await next.ok('audit.recent', { limit: 100 }), 'unattended_key.revoked')).toHaveLength(committed ? 1 : 0);
    expect((await next.ok('audit.verify', {})).ok).toBe(true);
  });
});

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

type Served = ServeProcess;

/** `consentvault serve --key-file` as a process of its own: no CONSENTVAULT_PASSWORD and no terminal to ask on. */
async function serveUnattended(vaultDir: string, keyFile: string): Promise<Served> {
  return startServeProcess(['--vault', vaultDir, '--listen', '127.0.0.1:0', '--key-file', keyFile], {}, (child) => children.push(child));
}

/** A closed vault with the administrator and a nurse, and a pairing code for the first seat made beforehand. */
async function closedVaultWithCode(): Promise<{ vaultDir: string; code: string }> {
  const t = await signedInVault();
  await t.ok('staff.add', NURSE);
  const { code } = await t.ok('seats.createPairingCode', { deviceName: 'Nurses station', kind: 'desktop' });
  await t.signOut();
  return { vaultDir: t.vaultDir, code };
}

const ENV = { CONSENTVAULT_PASSWORD: ADMIN.password };

describe('consentvault unattended-key and serve --key-file (real processes)', () => {
  it('create prints the warning; serve starts with the key file only and serves a paired seat; every step is audited; after revoke the file is refused (exit 3), nothing written', async () => {
    const { vaultDir, code } = await closedVaultWithCode();
    const keyFile = keyPath();
    const created = runCliProcess(['unattended-key', 'create', '--vault', vaultDir, '--out', keyFile], ENV);
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toContain('Anyone who has this key file and the vault folder');
    expect(created.stdout).toContain('never in backups');
    expect(created.stdout).toMatch(/Revoke it as soon as the server is retired/);
    expect(created.stdout).toContain(`--key-file ${fs.realpathSync(keyFile)}`);
    if (process.platform !== 'win32') expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    const zh = runCliProcess(['unattended-key', 'status', '--vault', vaultDir], { ...ENV, CONSENTVAULT_LANG: 'zh-TW' });
    expect(zh.status, zh.stderr).toBe(0);
    expect(zh.stdout).toContain('無人值守啟動：已開啟');

    const s = await serveUnattended(vaultDir, keyFile);
    expect(s.output()).toContain(`The vault was opened with the unattended-start key (recorded as ${ADMIN.name})`);
    const seat = new ClinicClient(await pairWithServer(s.origin, code));
    await signInAt(seat, NURSE);
    expect((await seat.call('patients.create', { chartNo: 'U0001', nameZh: '陳怡君', sex: 'female', birthDate: '1988-02-14', phone: '0912-111-222' })).ok).toBe(true);
    s.child.kill('SIGTERM');
    expect(await s.exited).toEqual({ code: 0, signal: null });

    const revoked = runCliProcess(['unattended-key', 'revoke', '--vault', vaultDir], ENV);
    expect(revoked.status, revoked.stderr).toBe(0);
    expect(revoked.stdout).toMatch(/was revoked/);
    const before = folderState(vaultDir);
    const refused = runCliProcess(['serve', '--vault', vaultDir, '--listen', '127.0.0.1:0', '--key-file', keyFile]);
    expect(refused.status).toBe(3);
    expect(refused.stderr).toMatch(/revoked or replaced/);
    expect(folderState(vaultDir)).toEqual(before);

    // The trail: made, the start (as the key's administrator, via the key), the server's start and stop, revoked.
    const t = app({ vaultDir, configured: true });
    expect((await t.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
    const events = await t.ok('audit.recent', { limit: 200 });
    const adminId = events.find((e) => e.action === 'unattended_key.created')!.actorId;
    const keyId = (JSON.parse(fs.readFileSync(keyFile, 'utf8')) as { keyId: string }).keyId;
    for (const action of ['unattended_key.created', 'server.started_unattended', 'unattended_key.revoked']) {
      expect(actionsOf(events, action), action).toEqual([expect.objectContaining({ actorId: adminId, actorName: ADMIN.name, details: expect.objectContaining({ keyId }) })]);
    }
    expect(actionsOf(events, 'server.started_unattended')[0]!.details).toEqual({ via: 'unattended_key', keyId });
    for (const action of ['server.started', 'server.stopped']) {
      expect(actionsOf(events, action), action).toEqual([expect.objectContaining({ actorId: adminId, details: expect.objectContaining({ headless: true, via: 'unattended_key', keyId }) })]);
    }
    // Nobody signed in to start it: while the server ran, the only sign-in was the nurse's at her seat.
    const from = actionsOf(events, 'server.started_unattended')[0]!.seq;
    const to = actionsOf(events, 'server.stopped')[0]!.seq;
    expect(events.filter((e) => e.seq >= from && e.seq <= to && e.action === 'session.signed_in').map((e) => e.actorName)).toEqual([NURSE.name]);
    expect((await t.ok('audit.verify', {})).ok).toBe(true);
    await t.signOut();
  }, 180_000);

  it('kill -9 of `unattended-key create` after the key file was written, before the commit: that file is refused, the next key works', async () => {
    const { vaultDir } = await closedVaultWithCode();
    const lost = keyPath();
    const killed = runCliProcess(['unattended-key', 'create', '--vault', vaultDir, '--out', lost], { ...ENV, CONSENTVAULT_CRASH_AT: 'unattended_key.create:after-key-file' });
    expect(killed.signal).toBe('SIGKILL');
    expect(fs.existsSync(lost)).toBe(true);
    const refused = runCliProcess(['serve', '--vault', vaultDir, '--listen', '127.0.0.1:0', '--key-file', lost]);
    expect(refused.status, refused.stderr).toBe(3);
    expect(refused.stderr).toMatch(/revoked or replaced/);
    expect(unattendedSlots(vaultDir)).toEqual([]);
    const status = runCliProcess(['unattended-key', 'status', '--vault', vaultDir], ENV);
    expect(status.stdout).toContain('Unattended start: off.');
    const next = keyPath();
    expect(runCliProcess(['unattended-key', 'create', '--vault', vaultDir, '--out', next], ENV).status).toBe(0);
    const s = await serveUnattended(vaultDir, next);
    s.child.kill('SIGTERM');
    expect(await s.exited).toEqual({ code: 0, signal: null });
    expect(runCliProcess(['audit', 'verify', '--vault', vaultDir], ENV).status).toBe(0);
  }, 180_000);

  it('refuses a key file inside the vault, a foreign, damaged, unreadable-by-others or missing key file, and --as beside --key-file, each with its exit code and nothing written', async () => {
    const { vaultDir } = await closedVaultWithCode();
    const insideVault = path.join(vaultDir, 'unattended.key');
    const before = folderState(vaultDir);
    const inside = runCliProcess(['unattended-key', 'create', '--vault', vaultDir, '--out', insideVault], ENV);
    expect(inside.status).toBe(2);
    expect(inside.stderr).toMatch(/must not be inside the vault folder/);
    expect(fs.existsSync(insideVault)).toBe(false);
    expect(folderState(vaultDir)[KEYSLOTS_FILE]).toBe(before[KEYSLOTS_FILE]);

    // A real key of this vault, to damage copies of; and one of another vault.
    const good = keyPath();
    expect(runCliProcess(['unattended-key', 'create', '--vault', vaultDir, '--out', good], ENV).status).toBe(0);
    const other = await signedInVault();
    const foreign = keyPath();
    await other.ok('seats.createUnattendedKey', { keyFile: foreign, acknowledged: true });
    await other.signOut();
    const damaged = keyPath();
    const body = JSON.parse(fs.readFileSync(good, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(damaged, JSON.stringify({ ...body, secret: randomBytes(32).toString('base64') }), { mode: 0o600 });
    const garbage = keyPath();
    fs.writeFileSync(garbage, 'not a key\n', { mode: 0o600 });
    const open = keyPath();
    fs.copyFileSync(good, open);
    fs.chmodSync(open, 0o644);
    const copiedIntoVault = path.join(vaultDir, 'copied.key');

    const settled = folderState(vaultDir);
    fs.copyFileSync(good, copiedIntoVault);
    fs.chmodSync(copiedIntoVault, 0o600);
    const serve = (...args: string[]) => runCliProcess(['serve', '--vault', vaultDir, '--listen', '127.0.0.1:0', ...args]);
    const cases: [string[], number, RegExp][] = [
      [['--key-file', foreign], 3, /belongs to another vault/],
      [['--key-file', damaged], 3, /does not open the vault/],
      [['--key-file', garbage], 2, /not a ConsentVault unattended-start key file/],
      [['--key-file', path.join(newDir(), 'missing.key')], 2, /key file was not found/],
      [['--key-file', copiedIntoVault], 2, /must not be inside the vault folder/],
      [['--key-file', good, '--as', ADMIN.name], 2, /leave out --as and --pair/],
    ];
    if (process.platform !== 'win32') cases.push([['--key-file', open], 2, /mode 0644.*chmod 600/]);
    for (const [args, status, message] of cases) {
      const r = serve(...args);
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(status);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).not.toContain('Address:');
    }
    fs.rmSync(copiedIntoVault);
    expect(folderState(vaultDir)).toEqual(settled);
  }, 180_000);
});
