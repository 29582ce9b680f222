import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { api, CHANNEL_NAMES, isChannelName, type ChannelName, type In } from '../../shared/api';
import { DomainError } from '../../electron/domain/errors';
import { makeContext } from '../../electron/services/context';
import { deactivateStaff } from '../../electron/services/staff/staff';
import { ADMIN, makeTestApp, ManualClock, type TestApp } from '../support/app';
import { ADMIN_ONLY_CHANNELS, channelsWithSamples, sampleInput, SESSION_CHANNELS, TABLET_CHANNELS, VALID_INPUTS, validInput } from '../support/channels';
import { NON_ADMIN_STAFF, NURSE, SECOND_ADMIN } from '../support/staff';
import { errorOf, KEYSLOTS_FILE, readRawSlots, sha256File } from '../support/vault-files';

const apps: TestApp[] = [];
function newApp(opts: Parameters<typeof makeTestApp>[0] = {}): TestApp {
  const t = makeTestApp(opts);
  apps.push(t);
  return t;
}
afterEach(() => {
  for (const t of apps.splice(0)) t.dispose();
});

async function signedInAdmin(clock = new ManualClock()): Promise<TestApp> {
  const t = newApp({ clock });
  await t.setup();
  expect((await t.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
  return t;
}

/** Untyped call, for inputs built from the contract at run time. */
function callAny(t: TestApp, channel: ChannelName, input: unknown) {
  return t.router.call(channel, input);
}

describe('staff rules', () => {
  it('a physician needs a licence number and a specialty: field issues on licenceNo and specialty', async () => {
    const t = await signedInAdmin();
    const base = { name: '李醫師', role: 'physician', password: 'Doctor-Pass-2026' } as const;
    const both = errorOf(await t.call('staff.add', base));
    expect(both.code).toBe('invalid_input');
    expect(both.issues).toEqual(
      expect.arrayContaining([
        { path: ['licenceNo'], messageKey: 'validation.physicianLicenceRequired' },
        { path: ['specialty'], messageKey: 'validation.physicianSpecialtyRequired' },
      ]),
    );
    const noSpecialty = errorOf(await t.call('staff.add', { ...base, licenceNo: '醫字第000777號' }));
    expect(noSpecialty.issues).toEqual([{ path: ['specialty'], messageKey: 'validation.physicianSpecialtyRequired' }]);
    const blankLicence = errorOf(await t.call('staff.add', { ...base, licenceNo: '   ', specialty: '皮膚科' }));
    expect(blankLicence.issues?.map((i) => i.path)).toContainEqual(['licenceNo']);
    expect(t.app.vault!.staff.list(true)).toHaveLength(1);

    // With both it works, and other roles never keep a licence even if one is sent.
    const doc = await t.ok('staff.add', { ...base, licenceNo: '醫字第000777號', specialty: '皮膚科' });
    expect(doc).toMatchObject({ role: 'physician', licenceNo: '醫字第000777號', specialty: '皮膚科', active: true });
    const nurse = await t.ok('staff.add', { ...NURSE, licenceNo: 'N-1', specialty: 'x' });
    expect(nurse).toMatchObject({ role: 'nurse', licenceNo: null, specialty: null });
    // The table refuses a physician without them too (the rule lives in the database, not only in the schema).
    expect(() =>
      t.app.vault!.staff.insert({
        id: '6b8f7a1e-0000-4000-8000-000000000001',
        name: '無照醫師',
        loginId: '無照醫師',
        loginKey: '無照醫師',
        role: 'physician',
        licenceNo: null,
        specialty: null,
        passwordChangeRequired: false,
        createdAt: '2026-11-23T01:00:00.000Z',
      }),
    ).toThrow(/CHECK constraint/);
  });

  it('a login id taken (case- and width-insensitive, e.g. Amy vs ＡＭＹ; by default the name) is a conflict on the field that gave it, and nothing is written', async () => {
    const t = await signedInAdmin();
    await t.ok('staff.add', { name: 'Amy', role: 'consultant', password: 'Consult-Pass-2026' });
    const slotsBefore = sha256File(path.join(t.vaultDir, KEYSLOTS_FILE));
    const headBefore = t.app.vault!.audit.head();
    for (const name of ['ＡＭＹ', 'amy', ' AMY ', 'Ａｍｙ']) {
      const err = errorOf(await t.call('staff.add', { name, role: 'nurse', password: 'Nurse-Pass-2026' }));
      expect(err, name).toEqual({ code: 'conflict', messageKey: 'staffAccounts.errors.loginIdTaken', issues: [{ path: ['name'], messageKey: 'staffAccounts.errors.loginIdTaken' }] });
      const asLogin = errorOf(await t.call('staff.add', { name: '另一位', loginId: name, role: 'nurse', password: 'Nurse-Pass-2026' }));
      expect(asLogin.issues, name).toEqual([{ path: ['loginId'], messageKey: 'staffAccounts.errors.loginIdTaken' }]);
    }
    // The founding admin's CJK name also counts.
    expect(errorOf(await t.call('staff.add', { name: ADMIN.name, role: 'nurse', password: 'Nurse-Pass-2026' })).code).toBe('conflict');
    expect(t.app.vault!.staff.list(true).map((s) => s.name).sort()).toEqual(['Amy', ADMIN.name].sort());
    expect(sha256File(path.join(t.vaultDir, KEYSLOTS_FILE))).toBe(slotsBefore);
    expect(t.app.vault!.audit.head()).toEqual(headBefore);
  });

  it('an administrator cannot deactivate themselves', async () => {
    const t = await signedInAdmin();
    const me = t.app.session!.staff;
    expect(errorOf(await t.call('staff.deactivate', { staffId: me.id }))).toEqual({ code: 'rule_violation', messageKey: 'errors.cannotDeactivateSelf' });
    expect(t.app.vault!.staff.get(me.id)!.active).toBe(true);
    expect(readRawSlots(t.vaultDir).slots.some((s) => s.staffId === me.id)).toBe(true);
  });

  it('the last active administrator cannot be deactivated (another admin can be, while two remain)', async () => {
    const t = await signedInAdmin();
    const me = t.app.session!.staff;
    const second = await t.ok('staff.add', SECOND_ADMIN);
    // With two active admins, one may deactivate the other.
    expect((await t.ok('staff.deactivate', { staffId: second.id })).active).toBe(false);
    await t.ok('staff.reactivate', { staffId: second.id, newPassword: 'Second-Back-2026' });

    // Through the API the signed-in admin is always one of the active admins, so the rule is defence in depth:
    // simulate the signed-in admin having been deactivated elsewhere (e.g. by the CLI on the same folder).
    t.app.vault!.staff.setActive(me.id, false, '2026-11-23T02:00:00.000Z');
    expect(t.app.vault!.staff.activeAdminCount()).toBe(1);
    const vault = t.app.vault!;
    let refused: unknown = null;
    try {
      vault.transaction(() => deactivateStaff(makeContext(t.app), { staffId: second.id }));
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).messageKey).toBe('errors.lastAdmin');
    // Through the router the deactivated admin does not get that far: their next call signs them out.
    expect(errorOf(await t.call('staff.deactivate', { staffId: second.id }))).toEqual({ code: 'unauthenticated', messageKey: 'errors.unauthenticated' });
    expect(t.app.session).toBeNull();
    expect(vault.staff.get(second.id)!.active).toBe(true);
    expect(readRawSlots(t.vaultDir).slots.some((s) => s.staffId === second.id)).toBe(true);
  });

  it('a deactivated member cannot sign in (their key slot is gone); reactivation with a new password restores sign-in', async () => {
    const t = await signedInAdmin();
    const nurse = await t.ok('staff.add', NURSE);
    expect(readRawSlots(t.vaultDir).slots.filter((s) => s.staffId === nurse.id)).toHaveLength(1);
    const deactivated = await t.ok('staff.deactivate', { staffId: nurse.id });
    expect(deactivated).toMatchObject({ active: false });
    expect(deactivated.deactivatedAt).not.toBeNull();
    expect(readRawSlots(t.vaultDir).slots.filter((s) => s.staffId === nurse.id)).toEqual([]);
    // Inactive members are listed only on request.
    expect((await t.ok('staff.list', {})).map((s) => s.id)).not.toContain(nurse.id);
    expect((await t.ok('staff.list', { includeInactive: true })).map((s) => s.id)).toContain(nurse.id);
    // Resetting the password of an inactive member is refused (reactivation is the way back).
    expect(errorOf(await t.call('staff.resetPassword', { staffId: nurse.id, newPassword: 'Nurse-Reset-2026' })).messageKey).toBe('errors.staffInactive');
    await t.signOut();

    expect(errorOf(await t.signIn(NURSE.name, NURSE.password))).toEqual({ code: 'invalid_credentials', messageKey: 'errors.invalid_credentials' });

    expect((await t.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
    const back = await t.ok('staff.reactivate', { staffId: nurse.id, newPassword: 'Nurse-Back-2026' });
    expect(back).toMatchObject({ active: true, deactivatedAt: null });
    expect(readRawSlots(t.vaultDir).slots.filter((s) => s.staffId === nurse.id)).toHaveLength(1);
    await t.signOut();

    expect(errorOf(await t.signIn(NURSE.name, NURSE.password)).code).toBe('invalid_credentials');
    const info = await t.signIn(NURSE.name, 'Nurse-Back-2026');
    expect(info.ok && info.value.staff).toMatchObject({ id: nurse.id, role: 'nurse' });
  });
});

describe('access control', () => {
  const STAFF_ADMIN_CHANNELS: ChannelName[] = [
    'staff.list',
    'staff.add',
    'staff.deactivate',
    'staff.reactivate',
    'staff.resetPassword',
    'staff.update',
    'staff.history',
    'settings.update',
    'audit.verify',
    'audit.recent',
    'audit.findTypedText',
    'audit.search',
    'audit.event',
    'audit.actions',
    'audit.exportCsv',
  ];

  it('the contract gives staff.* (but the physician picker), settings.update and audit.* to administrators only', () => {
    // staff.physicians is the consultation's operating-physician picker: every role may read it.
    const expected = CHANNEL_NAMES.filter((c) => (c.startsWith('staff.') && c !== 'staff.physicians') || c.startsWith('audit.') || c === 'settings.update');
    expect([...expected].sort()).toEqual([...STAFF_ADMIN_CHANNELS].sort());
    for (const c of STAFF_ADMIN_CHANNELS) expect(ADMIN_ONLY_CHANNELS, c).toContain(c);
  });

  it('consultant, nurse and physician get forbidden for staff.*, settings.update and audit.*, and nothing changes', async () => {
    const t = await signedInAdmin();
    const target = await t.ok('staff.add', { name: '受測對象', role: 'nurse', password: 'Target-Pass-2026' });
    for (const s of NON_ADMIN_STAFF) await t.ok('staff.add', s as In<'staff.add'>);
    await t.signOut();

    for (const s of NON_ADMIN_STAFF) {
      expect((await t.signIn(s.name, s.password)).ok, s.name).toBe(true);
      const settingsBefore = t.app.vault!.clinicSettings();
      const staffBefore = t.app.vault!.staff.list(true);
      for (const channel of STAFF_ADMIN_CHANNELS) {
        const input = { ...validInput(channel), ...('staffId' in validInput(channel) ? { staffId: target.id } : {}) };
        const err = errorOf(await callAny(t, channel, input));
        expect(err, `${s.role} ${channel}`).toEqual({ code: 'forbidden', messageKey: 'errors.forbidden' });
      }
      expect(t.app.vault!.clinicSettings()).toEqual(settingsBefore);
      expect(t.app.vault!.staff.list(true)).toEqual(staffBefore);
      // What every role may do still works.
      expect((await t.ok('settings.get', {})).clinicName).toBe(settingsBefore.clinicName);
      expect((await t.ok('session.heartbeat', {})).staff.role).toBe(s.role);
      await t.signOut();
    }
  });

  it('every session channel answers unauthenticated without a session, before and after set-up', async () => {
    const channels = channelsWithSamples(SESSION_CHANNELS);
    expect(channels.length).toBeGreaterThan(10);
    const t = newApp();
    for (const channel of channels) {
      expect(errorOf(await callAny(t, channel, validInput(channel))), channel).toEqual({ code: 'unauthenticated', messageKey: 'errors.unauthenticated' });
    }
    await t.setup();
    for (const channel of channels) {
      expect(errorOf(await callAny(t, channel, validInput(channel))), channel).toEqual({ code: 'unauthenticated', messageKey: 'errors.unauthenticated' });
    }
    // Signing in and out again leaves no session behind.
    expect((await t.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
    await t.ok('session.signOut', {});
    expect(errorOf(await t.call('staff.list', {})).code).toBe('unauthenticated');
    expect((await t.ok('app.status', {})).session).toBeNull();
  });

  it("a signing tablet's channels answer forbidden to any seat that is not a paired tablet, signed in or not", async () => {
    const t = newApp();
    await t.setup();
    for (const channel of channelsWithSamples(TABLET_CHANNELS)) {
      expect(errorOf(await callAny(t, channel, validInput(channel))), channel).toEqual({ code: 'forbidden', messageKey: 'errors.forbidden' });
    }
    expect((await t.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
    for (const channel of channelsWithSamples(TABLET_CHANNELS)) {
      expect(errorOf(await callAny(t, channel, validInput(channel))), channel).toEqual({ code: 'forbidden', messageKey: 'errors.forbidden' });
    }
  });
});

describe('idle lock in the main process', () => {
  it('after idleLockMinutes without calls the next call answers locked; a wrong unlock password is refused and audited, the right one unlocks', async () => {
    const clock = new ManualClock();
    const t = await signedInAdmin(clock);
    const me = t.app.session!.staff;
    const minutes = t.app.vault!.clinicSettings().idleLockMinutes;
    expect(minutes).toBe(10);

    // Just under the limit: still open, and the call counts as activity.
    clock.advance(minutes * 60_000 - 1);
    expect((await t.call('staff.list', {})).ok).toBe(true);
    clock.advance(minutes * 60_000 - 1);
    expect((await t.call('staff.list', {})).ok).toBe(true);

    clock.advance(minutes * 60_000);
    expect(errorOf(await t.call('staff.list', {}))).toEqual({ code: 'locked', messageKey: 'errors.locked' });
    expect(t.app.session!.locked).toBe(true);
    expect(t.app.vault!.audit.recent(1)[0]).toMatchObject({
      action: 'session.locked',
      actorId: me.id,
      details: { reason: 'idle', idleMinutes: minutes },
    });
    // Only the whileLocked channels answer now.
    expect(errorOf(await t.call('settings.get', {})).code).toBe('locked');
    expect((await t.ok('session.heartbeat', {})).locked).toBe(true);

    const headBefore = t.app.vault!.audit.head()!.seq;
    const wrong = errorOf(await t.call('session.unlock', { password: 'Not-The-Password-1' }));
    expect(wrong).toEqual({ code: 'invalid_credentials', messageKey: 'errors.invalid_credentials' });
    expect(t.app.session!.locked).toBe(true);
    const failedEvents = t.app.vault!.audit.recent(5).filter((e) => e.seq > headBefore);
    expect(failedEvents.map((e) => e.action)).toEqual(['session.unlock_failed']);
    expect(failedEvents[0]).toMatchObject({ actorId: me.id, subjectType: 'staff', subjectId: me.id });

    const unlocked = await t.ok('session.unlock', { password: ADMIN.password });
    expect(unlocked.locked).toBe(false);
    expect(t.app.vault!.audit.recent(1)[0]).toMatchObject({ action: 'session.unlocked', actorId: me.id });
    expect((await t.call('staff.list', {})).ok).toBe(true);
    expect(t.app.vault!.audit.verifyChain().ok).toBe(true);
  });

  it('a locked session can still sign out', async () => {
    const clock = new ManualClock();
    const t = await signedInAdmin(clock);
    await t.ok('session.lock', { reason: 'manual' });
    expect(errorOf(await t.call('audit.recent', { limit: 5 })).code).toBe('locked');
    expect(await t.ok('session.signOut', {})).toEqual({ ok: true });
    expect(t.app.session).toBeNull();
    expect(t.app.vault).toBeNull();
  });

  it('settings.update accepts idle minutes 1–120 only, and the main process enforces the new value at once', async () => {
    const clock = new ManualClock();
    const t = await signedInAdmin(clock);
    for (const bad of [0, -5, 121, 1000, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      const err = errorOf(await t.call('settings.update', { expectedVersion: 1, idleLockMinutes: bad }));
      expect(err.code, String(bad)).toBe('invalid_input');
      expect(err.issues?.[0]?.path, String(bad)).toEqual(['idleLockMinutes']);
    }
    expect(errorOf(await callAny(t, 'settings.update', { expectedVersion: 1, idleLockMinutes: '10' })).code).toBe('invalid_input');
    expect(t.app.vault!.clinicSettings().idleLockMinutes).toBe(10);

    expect((await t.ok('settings.update', { expectedVersion: 1, idleLockMinutes: 120 })).idleLockMinutes).toBe(120);
    expect((await t.ok('settings.update', { expectedVersion: 2, idleLockMinutes: 1 })).idleLockMinutes).toBe(1);
    expect(t.app.vault!.clinicSettings().idleLockMinutes).toBe(1);
    expect((await t.ok('session.heartbeat', {})).idleLockMinutes).toBe(1);

    clock.advance(60_000);
    expect(errorOf(await t.call('settings.get', {})).code).toBe('locked');
  });
});

describe('contract sanity', () => {
  it('every sample input in tests/support/channels.ts still parses (the contract has not drifted from the tests)', () => {
    for (const [c, input] of Object.entries(VALID_INPUTS)) {
      if (!isChannelName(c)) continue; // a channel that was removed from the contract
      const r = (api[c].input as z.ZodType).safeParse(input);
      expect(r.success ? [] : r.error.issues, c).toEqual([]);
    }
    // The core channels these tests are about always have one.
    for (const c of CHANNEL_NAMES.filter((n) => /^(app|setup|session|account|staff|settings|audit)\./.test(n))) expect(sampleInput(c), c).not.toBeNull();
    const missing = CHANNEL_NAMES.filter((c) => sampleInput(c) === null);
    if (missing.length > 0) console.warn(`tests/support/channels.ts has no sample input for: ${missing.join(', ')} (skipped by the unauthenticated check)`);
  });
});
