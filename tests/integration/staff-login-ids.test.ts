import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { SCHEMA_VERSION } from '../../electron/store/migrations';
import { GUARD_FILE } from '../../electron/store/session/signin-guard';
import { ADMIN, makeTestApp, ManualClock, tempDir, type TestApp } from '../support/app';
import { errorOf, KEYSLOTS_FILE, sha256File } from '../support/vault-files';
import { staffVersion } from '../support/edit-versions';

const apps: TestApp[] = [];
function newApp(opts: Parameters<typeof makeTestApp>[0] = {}): TestApp {
  const t = makeTestApp(opts);
  apps.push(t);
  return t;
}
afterEach(() => {
  for (const t of apps.splice(0)) t.dispose();
  vi.restoreAllMocks();
});

async function signedInAdmin(clock = new ManualClock()): Promise<TestApp> {
  const t = newApp({ clock });
  await t.setup();
  expect((await t.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
  return t;
}

/** A vault written by the code before login ids (see tests/fixtures/vault-before-login-ids/README.md). */
const LEGACY = path.join(__dirname, '../fixtures/vault-before-login-ids');
const LEGACY_RECOVERY_CODE = 'XBXJE-92GC7-B84QB-BZZMR-USS27-7AV9Q-X5XYA-2PXTW';
function legacyVault(): string {
  const dir = path.join(tempDir('cv-legacy-'), 'vault');
  fs.cpSync(LEGACY, dir, { recursive: true });
  fs.rmSync(path.join(dir, 'README.md'));
  return dir;
}

const TWIN_A = { name: '陳怡君', loginId: 'yijun.chen', role: 'nurse', password: 'Nurse-Twin-A-2026' } as const;
const TWIN_B = { name: '陳怡君', loginId: 'yijun.chen.b', role: 'consultant', password: 'Consult-Twin-B-2026' } as const;

describe('a vault made before login ids', () => {
  it('opens with every person signing in as before (name = login id), migrates the staff table and leaves keyslots.json as it was', async () => {
    const vaultDir = legacyVault();
    const slotsBefore = sha256File(path.join(vaultDir, KEYSLOTS_FILE));
    const t = newApp({ vaultDir, configured: true });
    // Case and width do not matter, exactly as with the old name-based sign-in.
    const amy = await t.ok('session.signIn', { loginId: 'ａｍｙ chen', password: 'Amy-Chen-Pass-2026' });
    expect(amy.staff).toMatchObject({ name: 'Amy Chen', loginId: 'Amy Chen', role: 'nurse' });
    expect(amy.passwordChangeRequired).toBe(false);
    expect(t.app.vault!.schemaVersion()).toBe(SCHEMA_VERSION);
    expect(sha256File(path.join(vaultDir, KEYSLOTS_FILE))).toBe(slotsBefore);
    // Amy's one earlier failure counted under her staff id; her success cleared it.
    expect(JSON.parse(fs.readFileSync(path.join(vaultDir, GUARD_FILE), 'utf8')).accounts).toEqual({});
    await t.signOut();

    await t.ok('session.signIn', { loginId: '王志明', password: 'Doctor-Pass-2026' });
    await t.signOut();
    const admin = await t.ok('session.signIn', { loginId: ADMIN.name, password: ADMIN.password });
    expect(admin.staff.loginId).toBe(ADMIN.name);
    const staff = await t.ok('staff.list', { includeInactive: true });
    expect(staff.map((s) => [s.loginId, s.name, s.passwordChangeRequired]).sort()).toEqual(
      [
        ['Amy Chen', 'Amy Chen', false],
        ['王志明', '王志明', false],
        [ADMIN.name, ADMIN.name, false],
      ].sort(),
    );
    // The chain the old code wrote still verifies, checkpoint included.
    expect((await t.ok('audit.verify', {})).ok).toBe(true);

    // A second 'Amy Chen' can now join, with a login id of her own; the old one keeps hers.
    await t.ok('staff.add', { name: 'Amy Chen', loginId: 'amy.chen2', role: 'consultant', password: 'Second-Amy-2026' });
    await t.signOut();
    expect((await t.ok('session.signIn', { loginId: 'Amy Chen', password: 'Amy-Chen-Pass-2026' })).staff.role).toBe('nurse');
  });

  it('recovers the administrator by login id with the recovery code', async () => {
    const t = newApp({ vaultDir: legacyVault(), configured: true });
    expect(await t.ok('session.recover', { recoveryCode: LEGACY_RECOVERY_CODE, adminLoginId: ADMIN.name, newPassword: 'Recovered-Pass-2026' })).toEqual({ ok: true });
    const info = await t.ok('session.signIn', { loginId: ADMIN.name, password: 'Recovered-Pass-2026' });
    expect(info.passwordChangeRequired).toBe(false);
  });

  it('the CLI signs in with --as taking the login id', async () => {
    const vaultDir = legacyVault();
    let stdout = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    process.env.CONSENTVAULT_PASSWORD = 'Clinic-Admin-2026';
    try {
      expect(await runCli(['staff', 'list', '--vault', vaultDir, '--as', ADMIN.name])).toBe(0);
      expect(stdout.split('\n')[0]).toBe('LOGIN\tNAME\tROLE\tLICENCE\tSPECIALTY\tSTATUS');
      expect(stdout).toContain('Amy Chen\tAmy Chen\tnurse');
      // A name that is nobody's login id is refused like a wrong password.
      expect(await runCli(['staff', 'list', '--vault', vaultDir, '--as', 'nobody'])).toBe(3);
    } finally {
      delete process.env.CONSENTVAULT_PASSWORD;
    }
  });
});

describe('two staff with the same name', () => {
  it('both sign in by their own login id, are listed apart and shown by name; their lockouts are separate', async () => {
    const clock = new ManualClock();
    const t = await signedInAdmin(clock);
    const a = await t.ok('staff.add', { ...TWIN_A, temporaryPassword: false });
    const b = await t.ok('staff.add', { ...TWIN_B, temporaryPassword: false });
    expect(a.name).toBe(b.name);
    expect([a.loginId, b.loginId]).toEqual([TWIN_A.loginId, TWIN_B.loginId]);
    await t.signOut();

    const signedA = await t.ok('session.signIn', { loginId: 'YIJUN.CHEN', password: TWIN_A.password });
    expect(signedA.staff).toMatchObject({ id: a.id, name: '陳怡君', role: 'nurse' });
    await t.signOut();
    // B's password does not open A's account, and the shared name is nobody's login id.
    expect(errorOf(await t.signIn(TWIN_A.loginId, TWIN_B.password)).code).toBe('invalid_credentials');
    expect(errorOf(await t.signIn('陳怡君', TWIN_A.password)).code).toBe('invalid_credentials');

    // Failures count per staff id: locking A out leaves B free.
    for (let i = 0; i < 5; i++) await t.signIn(TWIN_A.loginId, 'Wrong-Pass-2026');
    expect(errorOf(await t.signIn(TWIN_A.loginId, TWIN_A.password)).code).toBe('locked');
    const signedB = await t.ok('session.signIn', { loginId: TWIN_B.loginId, password: TWIN_B.password });
    expect(signedB.staff).toMatchObject({ id: b.id, name: '陳怡君', role: 'consultant' });
    const guard = JSON.parse(fs.readFileSync(path.join(t.vaultDir, GUARD_FILE), 'utf8')) as { accounts: Record<string, unknown> };
    expect(Object.keys(guard.accounts)).toEqual(expect.arrayContaining([`staff:${a.id}`, 'unknown']));
    expect(Object.keys(guard.accounts)).not.toContain(`staff:${b.id}`);
  });

  it('a login id is unique whatever the name, and a refused one writes nothing', async () => {
    const t = await signedInAdmin();
    await t.ok('staff.add', { ...TWIN_A, temporaryPassword: false });
    const slotsBefore = sha256File(path.join(t.vaultDir, KEYSLOTS_FILE));
    const head = t.app.vault!.audit.head();
    const err = errorOf(await t.call('staff.add', { name: '林美華', loginId: 'Yijun.Chen', role: 'nurse', password: 'Other-Nurse-2026' }));
    expect(err).toEqual({ code: 'conflict', messageKey: 'staffAccounts.errors.loginIdTaken', issues: [{ path: ['loginId'], messageKey: 'staffAccounts.errors.loginIdTaken' }] });
    expect(sha256File(path.join(t.vaultDir, KEYSLOTS_FILE))).toBe(slotsBefore);
    expect(t.app.vault!.audit.head()).toEqual(head);
    // A password may not contain the login id either.
    const named = errorOf(await t.call('staff.add', { name: '林美華', loginId: 'meihua', role: 'nurse', password: 'Meihua-Pass-2026' }));
    expect(named.issues).toEqual([{ path: ['password'], messageKey: 'validation.passwordContainsName' }]);
  });
});

describe('a password an administrator set', () => {
  it('must be changed at first sign-in: until then nothing but the change, the lock and sign-out answers', async () => {
    const t = await signedInAdmin();
    const nurse = await t.ok('staff.add', TWIN_A);
    expect(nurse.passwordChangeRequired).toBe(true);
    const added = (await t.ok('audit.recent', { limit: 5 })).find((e) => e.action === 'staff.added');
    expect(added?.details).toMatchObject({ loginId: TWIN_A.loginId, passwordChangeRequired: true });
    await t.signOut();

    const first = await t.ok('session.signIn', { loginId: TWIN_A.loginId, password: TWIN_A.password });
    expect(first.passwordChangeRequired).toBe(true);
    expect(errorOf(await t.call('patients.search', { query: '', limit: 10 }))).toEqual({ code: 'forbidden', messageKey: 'staffAccounts.errors.passwordChangeRequired' });
    expect(errorOf(await t.call('settings.get', {})).code).toBe('forbidden');
    expect((await t.ok('session.heartbeat', {})).passwordChangeRequired).toBe(true);
    // The same password again is not a change.
    expect(errorOf(await t.call('account.changePassword', { currentPassword: TWIN_A.password, newPassword: TWIN_A.password })).code).toBe('rule_violation');
    await t.ok('account.changePassword', { currentPassword: TWIN_A.password, newPassword: 'My-Own-Secret-2026' });
    expect((await t.ok('session.heartbeat', {})).passwordChangeRequired).toBe(false);
    expect(Array.isArray(await t.ok('patients.search', { query: '', limit: 10 }))).toBe(true);
    const changed = t.app.vault!.db.prepare("SELECT details FROM audit_events WHERE action = 'account.password_changed'").get() as { details: string };
    expect(JSON.parse(changed.details)).toEqual({ replacedTemporary: true });
    await t.signOut();

    expect(errorOf(await t.signIn(TWIN_A.loginId, TWIN_A.password)).code).toBe('invalid_credentials');
    expect((await t.ok('session.signIn', { loginId: TWIN_A.loginId, password: 'My-Own-Secret-2026' })).passwordChangeRequired).toBe(false);
  });

  it('is temporary again after a reset or a reactivation by an administrator, but not after one resets their own', async () => {
    const t = await signedInAdmin();
    const nurse = await t.ok('staff.add', { ...TWIN_A, temporaryPassword: false });
    expect(nurse.passwordChangeRequired).toBe(false);
    await t.ok('staff.resetPassword', { staffId: nurse.id, newPassword: 'Reset-By-Admin-2026' });
    expect(t.app.vault!.staff.get(nurse.id)!.passwordChangeRequired).toBe(true);
    await t.ok('staff.deactivate', { staffId: nurse.id });
    await t.ok('staff.reactivate', { staffId: nurse.id, newPassword: 'Back-By-Admin-2026' });
    expect(t.app.vault!.staff.get(nurse.id)!.passwordChangeRequired).toBe(true);
    const me = t.app.session!.staff.id;
    await t.ok('staff.resetPassword', { staffId: me, newPassword: 'Admin-Own-Reset-2026' });
    expect(t.app.vault!.staff.get(me)!.passwordChangeRequired).toBe(false);
    await t.signOut();
    expect((await t.ok('session.signIn', { loginId: TWIN_A.loginId, password: 'Back-By-Admin-2026' })).passwordChangeRequired).toBe(true);
  });
});

describe('role, licence number and specialty', () => {
  const DOCTOR = { name: '王志明', loginId: 'dr.wang', role: 'physician', licenceNo: '醫字第012345號', specialty: '整形外科', password: 'Doctor-Pass-2026', temporaryPassword: false } as const;

  it('are edited by an administrator, the previous values kept as history, and the physician picker shows the new ones', async () => {
    const clock = new ManualClock();
    const t = await signedInAdmin(clock);
    const doc = await t.ok('staff.add', DOCTOR);
    expect(await t.ok('staff.history', { staffId: doc.id })).toEqual([]);

    clock.advance(60_000);
    const fixed = await t.ok('staff.update', { staffId: doc.id, expectedVersion: doc.version, role: 'physician', licenceNo: '醫字第054321號', specialty: '皮膚科' });
    expect(fixed).toMatchObject({ licenceNo: '醫字第054321號', specialty: '皮膚科' });
    expect((await t.ok('staff.physicians', {})).find((p) => p.id === doc.id)).toMatchObject({ licenceNo: '醫字第054321號', specialty: '皮膚科' });

    clock.advance(60_000);
    // Not a physician any more: licence and specialty go with the role.
    const moved = await t.ok('staff.update', { staffId: doc.id, expectedVersion: fixed.version, role: 'consultant', licenceNo: '醫字第054321號', specialty: '皮膚科' });
    expect(moved).toMatchObject({ role: 'consultant', licenceNo: null, specialty: null });

    const history = await t.ok('staff.history', { staffId: doc.id });
    expect(history.map((r) => [r.before, r.after])).toEqual([
      [{ role: 'physician', licenceNo: '醫字第054321號', specialty: '皮膚科' }, { role: 'consultant', licenceNo: null, specialty: null }],
      [{ role: 'physician', licenceNo: '醫字第012345號', specialty: '整形外科' }, { role: 'physician', licenceNo: '醫字第054321號', specialty: '皮膚科' }],
    ]);
    expect(history.every((r) => r.byName === ADMIN.name && r.byStaffId === t.app.session!.staff.id)).toBe(true);
    expect(history[0]!.at > history[1]!.at).toBe(true);
    const event = (await t.ok('audit.recent', { limit: 3 })).find((e) => e.action === 'staff.updated');
    expect(event?.details).toMatchObject({ before: { role: 'physician' }, after: { role: 'consultant', licenceNo: null } });

    // Saving the same values again is no change and no history.
    expect(await t.ok('staff.update', { staffId: doc.id, expectedVersion: moved.version, role: 'consultant', licenceNo: null, specialty: null })).toMatchObject({ version: moved.version });
    expect(await t.ok('staff.history', { staffId: doc.id })).toHaveLength(2);
    // The history cannot be rewritten, even from inside the vault.
    expect(() => t.app.vault!.db.prepare("UPDATE staff_revisions SET role_after = 'admin'").run()).toThrow(/not changed/);
    expect(() => t.app.vault!.db.prepare('DELETE FROM staff_revisions').run()).toThrow(/never deleted/);
  });

  it("refuses a physician without a licence and one's own role change, changing nothing; another administrator may be demoted", async () => {
    const t = await signedInAdmin();
    const doc = await t.ok('staff.add', DOCTOR);
    const noLicence = errorOf(await t.call('staff.update', { staffId: doc.id, expectedVersion: doc.version, role: 'physician', licenceNo: null, specialty: '皮膚科' }));
    expect(noLicence).toMatchObject({ code: 'invalid_input', issues: [{ path: ['licenceNo'], messageKey: 'validation.physicianLicenceRequired' }] });
    const me = t.app.session!.staff.id;
    expect(errorOf(await t.call('staff.update', { staffId: me, expectedVersion: await staffVersion(t, me), role: 'nurse', licenceNo: null, specialty: null }))).toMatchObject({
      code: 'rule_violation',
      issues: [{ path: ['role'], messageKey: 'staffAccounts.errors.ownRole' }],
    });
    const second = await t.ok('staff.add', { name: '黃建國', role: 'admin', password: 'Second-Admin-2026', temporaryPassword: false });
    await t.ok('staff.deactivate', { staffId: second.id });
    await t.ok('staff.reactivate', { staffId: second.id, newPassword: 'Second-Back-2026' });
    // With two administrators one may be demoted, by the other.
    await t.ok('staff.update', { staffId: second.id, expectedVersion: await staffVersion(t, second.id), role: 'nurse', licenceNo: null, specialty: null });
    expect(errorOf(await t.call('staff.update', { staffId: '6b8f7a1e-0000-4000-8000-000000000009', expectedVersion: 1, role: 'nurse', licenceNo: null, specialty: null })).code).toBe('not_found');
    expect(await t.ok('staff.history', { staffId: doc.id })).toEqual([]);
    expect(t.app.vault!.staff.get(doc.id)!.licenceNo).toBe(DOCTOR.licenceNo);
  });

  it('are administrator channels: a nurse is refused', async () => {
    const t = await signedInAdmin();
    const nurse = await t.ok('staff.add', { ...TWIN_A, temporaryPassword: false });
    await t.signOut();
    await t.ok('session.signIn', { loginId: TWIN_A.loginId, password: TWIN_A.password });
    expect(errorOf(await t.call('staff.update', { staffId: nurse.id, expectedVersion: nurse.version, role: 'admin', licenceNo: null, specialty: null })).code).toBe('forbidden');
    expect(errorOf(await t.call('staff.history', { staffId: nurse.id })).code).toBe('forbidden');
  });
});
