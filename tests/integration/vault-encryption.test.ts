import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { nameKey } from '../../electron/store/keyslots';
import { Vault } from '../../electron/store/vault';
import { ADMIN, CLINIC_NAME, makeTestApp, ManualClock, type TestApp } from '../support/app';
import { CONSULTANT, NURSE, PHYSICIAN } from '../support/staff';
import { DB_FILE, errorOf, fileHashes, KEYSLOTS_FILE, leakedTexts, readRawSlots, SQLITE_HEADER, type RawSlot } from '../support/vault-files';

const apps: TestApp[] = [];
function newApp(opts: Parameters<typeof makeTestApp>[0] = {}): TestApp {
  const t = makeTestApp(opts);
  apps.push(t);
  return t;
}
afterEach(() => {
  for (const t of apps.splice(0)) t.dispose();
});

const SECRET_TEXTS = [CLINIC_NAME, ADMIN.name, NURSE.name, PHYSICIAN.name, CONSULTANT.name, PHYSICIAN.licenceNo, PHYSICIAN.specialty];

function readIfExists(file: string): Buffer | null {
  return fs.existsSync(file) ? fs.readFileSync(file) : null;
}

function slotsByOwner(dir: string): Map<string, RawSlot> {
  return new Map(readRawSlots(dir).slots.map((s) => [s.kind === 'staff' ? `staff:${s.staffId}` : 'recovery', s]));
}

describe('vault files at rest', () => {
  it('vault.db and its WAL carry no SQLite header and no UTF-8 or UTF-16LE copy of any staff or clinic name', async () => {
    const t = newApp();
    await t.setup();
    expect((await t.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
    for (const s of [NURSE, PHYSICIAN, CONSULTANT]) await t.ok('staff.add', s);
    // The names really are in the vault: the check below is about how they are stored, not whether.
    expect(t.app.vault!.staff.list(true).map((s) => s.name).sort()).toEqual([ADMIN.name, NURSE.name, PHYSICIAN.name, CONSULTANT.name].sort());

    const dbFile = path.join(t.vaultDir, DB_FILE);
    const walFile = `${dbFile}-wal`;
    // While open: the freshly written pages sit in the WAL, which must be encrypted as well.
    const wal = readIfExists(walFile);
    expect(wal, 'the WAL holds the new pages while the vault is open').not.toBeNull();
    expect(wal!.length).toBeGreaterThan(0);
    expect(leakedTexts(wal!, SECRET_TEXTS)).toEqual([]);
    const dbOpen = fs.readFileSync(dbFile);
    expect(dbOpen.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)).toBe(false);
    expect(leakedTexts(dbOpen, SECRET_TEXTS)).toEqual([]);

    await t.signOut();
    // After closing: everything is checkpointed into vault.db (and any WAL/SHM left behind is checked too).
    const db = fs.readFileSync(dbFile);
    expect(db.length).toBeGreaterThanOrEqual(4096);
    expect(db.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)).toBe(false);
    expect(leakedTexts(db, SECRET_TEXTS)).toEqual([]);
    for (const side of [walFile, `${dbFile}-shm`]) {
      const bytes = readIfExists(side);
      if (bytes) expect(leakedTexts(bytes, SECRET_TEXTS), side).toEqual([]);
    }
    // And SQLite without the key cannot read it at all.
    const plain = new Sqlite(dbFile, { readonly: true, fileMustExist: true });
    try {
      expect(() => plain.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database|encrypted/i);
    } finally {
      plain.close();
    }
  });

  it('a wrong password answers invalid_credentials and leaves keyslots.json and vault.db byte-identical', async () => {
    const t = newApp();
    await t.setup();
    const before = fileHashes(t.vaultDir, [KEYSLOTS_FILE, DB_FILE]);
    expect(before[KEYSLOTS_FILE]).not.toBeNull();
    expect(before[DB_FILE]).not.toBeNull();

    const err = errorOf(await t.signIn(ADMIN.name, 'Wrong-Password-2026'));
    expect(err.code).toBe('invalid_credentials');
    expect(err.messageKey).toBe('errors.invalid_credentials');
    // An unknown name looks exactly the same from outside.
    const unknown = errorOf(await t.signIn('不存在的人', ADMIN.password));
    expect(unknown).toEqual(err);

    expect(t.app.session).toBeNull();
    expect(t.app.vault).toBeNull();
    expect(fileHashes(t.vaultDir, [KEYSLOTS_FILE, DB_FILE])).toEqual(before);
  });
});

describe('recovery code', () => {
  it('session.recover with the set-up recovery code resets the admin password: the new one signs in, the old one fails', async () => {
    const t = newApp();
    const code = await t.setup();
    const newPassword = 'Recovered-Pass-2026';

    const wrongCode = errorOf(
      await t.call('session.recover', { recoveryCode: 'ABCDE-FGHJK-MNPQR-STUVW-XYZ23-45678-9ABCD-EFGHJ', adminLoginId: ADMIN.name, newPassword }),
    );
    expect(wrongCode.code).toBe('invalid_credentials');
    expect(wrongCode.messageKey).toBe('errors.recoveryCodeWrong');

    // Typed in lower case with spaces around it, as people do from a printout.
    expect(await t.ok('session.recover', { recoveryCode: `  ${code.toLowerCase()} `, adminLoginId: ADMIN.name, newPassword })).toEqual({ ok: true });
    expect(t.app.session).toBeNull();

    expect(errorOf(await t.signIn(ADMIN.name, ADMIN.password)).code).toBe('invalid_credentials');
    const info = await t.signIn(ADMIN.name, newPassword);
    expect(info.ok).toBe(true);
    const recent = t.app.vault!.audit.recent(20);
    const recovered = recent.find((e) => e.action === 'session.recovered');
    expect(recovered).toMatchObject({ subjectType: 'staff', actorId: null, details: { method: 'recovery_code' } });
    // The wrong recovery code is in the chain too.
    expect(recent.some((e) => e.action === 'session.recovery_failed')).toBe(true);
    expect(t.app.vault!.audit.verifyChain().ok).toBe(true);
  });
});

describe('password change', () => {
  it('account.changePassword rewraps only that person’s slot; every other staff member still signs in with their own password', async () => {
    const t = newApp();
    await t.setup();
    expect((await t.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
    const nurse = await t.ok('staff.add', NURSE);
    await t.ok('staff.add', PHYSICIAN);
    await t.signOut();

    const before = slotsByOwner(t.vaultDir);
    expect(before.size).toBe(4); // admin, recovery, nurse, physician
    const newPassword = 'Nurse-Changed-2026';
    expect((await t.signIn(NURSE.name, NURSE.password)).ok).toBe(true);
    expect(await t.ok('account.changePassword', { currentPassword: NURSE.password, newPassword })).toEqual({ ok: true });
    await t.signOut();

    const after = slotsByOwner(t.vaultDir);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [owner, slot] of before) {
      if (owner === `staff:${nurse.id}`) {
        const fresh = after.get(owner)!;
        expect(fresh.id).not.toBe(slot.id);
        expect(fresh.kdf.salt).not.toBe(slot.kdf.salt);
        expect(fresh.wrap.ciphertext).not.toBe(slot.wrap.ciphertext);
        expect(fresh.nameKey).toBe(slot.nameKey);
      } else {
        expect(after.get(owner), owner).toEqual(slot);
      }
    }

    expect(errorOf(await t.signIn(NURSE.name, NURSE.password)).code).toBe('invalid_credentials');
    expect((await t.signIn(NURSE.name, newPassword)).ok).toBe(true);
    await t.signOut();
    expect((await t.signIn(PHYSICIAN.name, PHYSICIAN.password)).ok).toBe(true);
    await t.signOut();
    expect((await t.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
  });

  it('the founding administrator’s slot stays first in keyslots.json after they change their password (CLI default account)', async () => {
    const t = newApp();
    await t.setup();
    expect((await t.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
    await t.ok('staff.add', NURSE);
    expect(Vault.firstStaffLoginKey(t.vaultDir)).toBe(nameKey(ADMIN.name));
    await t.ok('account.changePassword', { currentPassword: ADMIN.password, newPassword: 'Admin-Changed-2026' });
    await t.signOut();
    expect(Vault.firstStaffLoginKey(t.vaultDir)).toBe(nameKey(ADMIN.name));
  });
});

describe('sign-in lockout', () => {
  it('locks after 5 wrong passwords, survives a new AppCore, refuses even the right password, then lets it in once the lock expires', async () => {
    const clock = new ManualClock();
    const t = newApp({ clock });
    await t.setup();
    for (let i = 1; i <= 4; i++) {
      const err = errorOf(await t.signIn(ADMIN.name, `Wrong-Password-${i}`));
      expect(err.code, `attempt ${i}`).toBe('invalid_credentials');
    }
    const fifth = errorOf(await t.signIn(ADMIN.name, 'Wrong-Password-5'));
    expect(fifth.code).toBe('locked');
    expect(fifth.messageKey).toBe('errors.lockedOut');
    expect(Number(fifth.params?.seconds)).toBeGreaterThan(0);
    expect(fifth.params?.seconds).toBe(30);

    const sixth = errorOf(await t.signIn(ADMIN.name, 'Wrong-Password-6'));
    expect(sixth.code).toBe('locked');
    expect(errorOf(await t.signIn(ADMIN.name, ADMIN.password)).code).toBe('locked');

    // A restarted app (new AppCore and router over the same folder) still refuses, even the right password.
    clock.advance(10_000);
    const restarted = newApp({ clock, vaultDir: t.vaultDir, configured: true });
    const stillLocked = errorOf(await restarted.signIn(ADMIN.name, ADMIN.password));
    expect(stillLocked.code).toBe('locked');
    expect(stillLocked.params?.seconds).toBe(20);
    expect(restarted.app.vault).toBeNull();

    clock.advance(20_001);
    const info = await restarted.signIn(ADMIN.name, ADMIN.password);
    expect(info.ok).toBe(true);

    // The failures, counted before the vault could be opened, are now in the audit chain, before the sign-in.
    const events = await restarted.ok('audit.recent', { limit: 50 });
    const chronological = [...events].reverse();
    const failed = chronological.filter((e) => e.action === 'session.signin_failed');
    const lockedOut = chronological.filter((e) => e.action === 'session.locked_out');
    expect(failed).toHaveLength(5);
    expect(lockedOut).toHaveLength(1);
    for (const e of [...failed, ...lockedOut]) {
      // A known name's failures are the staff member's (by id): the typed name is not what is kept.
      expect(e).toMatchObject({ actorId: null, subjectType: 'staff', subjectId: restarted.app.session!.staff.id });
    }
    expect(failed.map((e) => e.details.failures)).toEqual([1, 2, 3, 4, 5]);
    expect(lockedOut[0]!.details.lockedUntil).toBe(new Date(Date.parse('2026-11-23T01:00:00.000Z') + 30_000).toISOString());
    const signedIn = chronological.findLastIndex((e) => e.action === 'session.signed_in');
    expect(chronological.findIndex((e) => e.action === 'session.locked_out')).toBeLessThan(signedIn);
    expect((await restarted.ok('audit.verify', {})).ok).toBe(true);
  });
});
