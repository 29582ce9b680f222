import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../shared/schemas/audit';
import { ADMIN, type TestApp } from '../support/app';
import { copyFolder, runCliProcess } from '../support/cli-process';
import { copyAtCrashPoint, crashTestScope } from '../support/crash-test';
import { KEYSLOTS_FILE, readRawSlots } from '../support/vault-files';

const NURSE = { name: '陳美玲', first: 'Nurse-Pass-2026', second: 'Nurse-Newer-2026' };
const ADMIN_NEW = 'Recovered-Admin-2026';

const { newDir, app } = crashTestScope('cv-crash-');

/** keyslots.json as a crash or an open left it: staff ids of the slots, and any change still flagged. */
function slotState(dir: string) {
  const raw = JSON.parse(fs.readFileSync(path.join(dir, KEYSLOTS_FILE), 'utf8')) as { slots: { kind: string; staffId?: string; pending?: string; retiredBy?: string }[] };
  return {
    staffIds: raw.slots.filter((s) => s.kind === 'staff').map((s) => s.staffId!).sort(),
    flagged: raw.slots.filter((s) => s.pending || s.retiredBy).length,
  };
}

/** What the audit chain says about key slots reconciled at an open. */
function reconciled(events: readonly AuditEvent[]) {
  return events.filter((e) => e.action === 'vault.keyslots_reconciled').flatMap((e) => e.details.slots as { slotId: string; staffId: string; outcome: string; reason: string }[]);
}

describe('kill -9 during `consentvault staff add` (the real CLI, killed at each step)', () => {
  const ADMIN_PW = 'Admin-Pass-2026';
  const ENV = { CONSENTVAULT_PASSWORD: ADMIN_PW };
  let template: string;
  beforeAll(() => {
    template = path.join(newDir(), 'vault');
    const init = runCliProcess(['init', '--vault', template, '--clinic', '晶緻醫美診所', '--admin-name', '王小明'], { CONSENTVAULT_NEW_PASSWORD: ADMIN_PW });
    expect(init.status, init.stderr).toBe(0);
  }, 60_000);

  const addNurse = (dir: string, env: Record<string, string> = {}) =>
    runCliProcess(['staff', 'add', '--vault', dir, '--name', NURSE.name, '--role', 'nurse'], { ...ENV, CONSENTVAULT_NEW_PASSWORD: NURSE.first, ...env });
  // Any command a nurse may use: it signs in as her and signs out again.
  const signInAsNurse = (dir: string) => runCliProcess(['patients', 'list', '--vault', dir, '--as', NURSE.name], { CONSENTVAULT_PASSWORD: NURSE.first });
  /** The password opened the nurse's slot: the CLI goes on to ask for the first-sign-in change an admin-set password needs. */
  const nurseKeyAccepted = (r: ReturnType<typeof signInAsNurse>) => r.status === 0 || /must first replace the password/.test(r.stderr);
  const staffList = (dir: string) => {
    const r = runCliProcess(['staff', 'list', '--vault', dir, '--json'], ENV);
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as { id: string; name: string; active: boolean }[];
  };

  it.each([
    ['staff.add:before-keyslots', false],
    ['staff.add:after-keyslots', false],
    ['staff.add:after-commit', true],
  ] as const)(
    'killed at %s: the vault opens, the staff list is exactly who can sign in, the name can be added (or exists fully), the chain verifies',
    async (point, committed) => {
      const dir = copyFolder(template, path.join(newDir(), 'vault'));
      const killed = addNurse(dir, { CONSENTVAULT_CRASH_AT: point });
      expect(killed.signal).toBe('SIGKILL');
      expect(killed.stdout).not.toContain('Added');

      // The next open (here: the administrator listing staff) settles the interrupted change.
      const list = staffList(dir);
      const after = slotState(dir);
      expect(after.flagged).toBe(0);
      expect(after.staffIds).toEqual(list.filter((s) => s.active).map((s) => s.id).sort());
      const nurse = list.find((s) => s.name === NURSE.name);
      expect(Boolean(nurse), 'the nurse exists exactly when the add committed').toBe(committed);

      const signIn = signInAsNurse(dir);
      if (committed) {
        // Exists fully: listed, active, signs in; adding the name again is a plain conflict.
        expect(nurse!.active).toBe(true);
        expect(nurseKeyAccepted(signIn), signIn.stderr).toBe(true);
        const again = addNurse(dir);
        expect(again.status).toBe(2);
        expect(again.stderr).toMatch(/already/);
      } else {
        // Does not exist at all: the name is unknown (not "deactivated"), and it can be added now.
        expect(signIn.status).toBe(3);
        expect(signIn.stderr).toMatch(/Name or password is incorrect/);
        expect(signIn.stderr).not.toMatch(/deactivated/);
        const again = addNurse(dir);
        expect(again.status, again.stderr).toBe(0);
        expect(nurseKeyAccepted(signInAsNurse(dir))).toBe(true);
        expect(staffList(dir).filter((s) => s.name === NURSE.name)).toHaveLength(1);
      }
      const verify = runCliProcess(['audit', 'verify', '--vault', dir], ENV);
      expect(verify.status, verify.stdout + verify.stderr).toBe(0);

      // The repair itself is on the chain, naming the slot and the staff id it was for.
      const t = app({ vaultDir: dir, configured: true });
      expect((await t.signIn('王小明', ADMIN_PW)).ok).toBe(true);
      const fixes = reconciled(await t.ok('audit.recent', { limit: 200 }));
      if (point === 'staff.add:before-keyslots') expect(fixes).toEqual([]);
      else if (committed) expect(fixes).toEqual([expect.objectContaining({ staffId: nurse!.id, outcome: 'kept', reason: 'change_committed' })]);
      else expect(fixes).toEqual([expect.objectContaining({ outcome: 'removed', reason: 'change_not_committed' })]);
      if (fixes[0]) expect(fixes[0].slotId).toMatch(/^[0-9a-f-]{36}$/);
    },
    120_000,
  );
});

/**
 * In-process "crash images": at a crash point the vault folder is copied as a kill there would leave it (the
 * database file and its WAL, keyslots.json); the operation then finishes in the original, and the copy is opened
 * as the next start would open it.
 */
async function crashImage(t: TestApp, point: string, action: () => Promise<unknown>): Promise<string> {
  return copyAtCrashPoint(t, point, action, path.join(newDir(), 'image'));
}

interface Scenario {
  operation: string;
  /** Brings the vault to the state before the change; returns the nurse's staff id. */
  prepare(t: TestApp): Promise<string>;
  change(t: TestApp, nurseId: string, recoveryCode: string): Promise<unknown>;
  /** Who can sign in with what, when the change committed / did not. */
  expect: Record<'committed' | 'undone', { nurseActive: boolean | null; nurseSignsInWith: string | null; nurseRefused: string[]; adminPassword: string; adminRefused?: string }>;
}

async function addNurse(t: TestApp): Promise<string> {
  return (await t.ok('staff.add', { name: NURSE.name, role: 'nurse', password: NURSE.first })).id;
}

const SCENARIOS: Scenario[] = [
  {
    operation: 'staff.add',
    prepare: async () => '',
    change: (t) => addNurse(t),
    expect: {
      committed: { nurseActive: true, nurseSignsInWith: NURSE.first, nurseRefused: [], adminPassword: ADMIN.password },
      undone: { nurseActive: null, nurseSignsInWith: null, nurseRefused: [NURSE.first], adminPassword: ADMIN.password },
    },
  },
  {
    operation: 'staff.reset_password',
    prepare: addNurse,
    change: (t, id) => t.ok('staff.resetPassword', { staffId: id, newPassword: NURSE.second }),
    expect: {
      committed: { nurseActive: true, nurseSignsInWith: NURSE.second, nurseRefused: [NURSE.first], adminPassword: ADMIN.password },
      undone: { nurseActive: true, nurseSignsInWith: NURSE.first, nurseRefused: [NURSE.second], adminPassword: ADMIN.password },
    },
  },
  {
    operation: 'staff.deactivate',
    prepare: addNurse,
    change: (t, id) => t.ok('staff.deactivate', { staffId: id }),
    expect: {
      committed: { nurseActive: false, nurseSignsInWith: null, nurseRefused: [NURSE.first], adminPassword: ADMIN.password },
      undone: { nurseActive: true, nurseSignsInWith: NURSE.first, nurseRefused: [], adminPassword: ADMIN.password },
    },
  },
  {
    operation: 'staff.reactivate',
    prepare: async (t) => {
      const id = await addNurse(t);
      await t.ok('staff.deactivate', { staffId: id });
      return id;
    },
    change: (t, id) => t.ok('staff.reactivate', { staffId: id, newPassword: NURSE.second }),
    expect: {
      committed: { nurseActive: true, nurseSignsInWith: NURSE.second, nurseRefused: [NURSE.first], adminPassword: ADMIN.password },
      undone: { nurseActive: false, nurseSignsInWith: null, nurseRefused: [NURSE.second, NURSE.first], adminPassword: ADMIN.password },
    },
  },
  {
    operation: 'account.change_password',
    prepare: async (t) => {
      const id = await addNurse(t);
      await t.signOut();
      expect((await t.signIn(NURSE.name, NURSE.first)).ok).toBe(true);
      return id;
    },
    change: (t) => t.ok('account.changePassword', { currentPassword: NURSE.first, newPassword: NURSE.second }),
    expect: {
      committed: { nurseActive: true, nurseSignsInWith: NURSE.second, nurseRefused: [NURSE.first], adminPassword: ADMIN.password },
      undone: { nurseActive: true, nurseSignsInWith: NURSE.first, nurseRefused: [NURSE.second], adminPassword: ADMIN.password },
    },
  },
  {
    operation: 'session.recover',
    prepare: async (t) => {
      const id = await addNurse(t);
      await t.signOut();
      return id;
    },
    change: (t, _id, recoveryCode) => t.ok('session.recover', { recoveryCode, adminLoginId: ADMIN.name, newPassword: ADMIN_NEW }),
    expect: {
      committed: { nurseActive: true, nurseSignsInWith: NURSE.first, nurseRefused: [], adminPassword: ADMIN_NEW, adminRefused: ADMIN.password },
      undone: { nurseActive: true, nurseSignsInWith: NURSE.first, nurseRefused: [], adminPassword: ADMIN.password, adminRefused: ADMIN_NEW },
    },
  },
];

describe('every key-slot change is all-or-nothing across a crash (crash images at each step)', () => {
  const cases = SCENARIOS.flatMap((s) => [
    [`${s.operation}:after-keyslots`, s, 'undone'] as const,
    [`${s.operation}:after-commit`, s, 'committed'] as const,
  ]);

  it.each(cases)('killed at %s: the next open makes the slots match the staff records, audited', async (point, scenario, outcome) => {
    const t = app();
    const recoveryCode = await t.setup();
    expect((await t.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
    const nurseId = await scenario.prepare(t);
    const image = await crashImage(t, point, () => scenario.change(t, nurseId, recoveryCode));
    await t.signOut();
    // A crash between the two writes leaves the change flagged in the file: old and new slot side by side.
    if (point.endsWith(':after-keyslots')) expect(slotState(image).flagged).toBeGreaterThan(0);
    const want = scenario.expect[outcome];

    const next = app({ vaultDir: image, configured: true });
    // The losing password first: it may still unwrap the key (its slot is in the file), but is refused once the
    // open has settled the change.
    for (const pw of want.nurseRefused) expect((await next.signIn(NURSE.name, pw)).ok, `nurse with ${pw}`).toBe(false);
    if (want.adminRefused) expect((await next.signIn(ADMIN.name, want.adminRefused)).ok).toBe(false);
    if (want.nurseSignsInWith) {
      expect((await next.signIn(NURSE.name, want.nurseSignsInWith)).ok).toBe(true);
      await next.signOut();
    }
    expect((await next.signIn(ADMIN.name, want.adminPassword)).ok).toBe(true);
    const staff = await next.ok('staff.list', { includeInactive: true });
    const nurse = staff.find((s) => s.name === NURSE.name);
    expect(nurse?.active ?? null).toBe(want.nurseActive);
    const slots = slotState(image);
    expect(slots.flagged).toBe(0);
    expect(slots.staffIds).toEqual(staff.filter((s) => s.active).map((s) => s.id).sort());
    expect((await next.ok('audit.verify', {})).ok).toBe(true);
    const fixes = reconciled(await next.ok('audit.recent', { limit: 500 }));
    expect(fixes.length).toBeGreaterThan(0);
    for (const f of fixes) expect(f.reason).toBe(outcome === 'committed' ? (f.outcome === 'kept' ? 'change_committed' : 'replaced_by_committed_change') : 'change_not_committed');
  });

  it('outside a crash the change leaves no trace: one slot per active person, nothing flagged, nothing reconciled', async () => {
    const t = app();
    await t.setup();
    expect((await t.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
    const id = await addNurse(t);
    await t.ok('staff.resetPassword', { staffId: id, newPassword: NURSE.second });
    expect(slotState(t.vaultDir)).toEqual({ staffIds: (await t.ok('staff.list', {})).map((s) => s.id).sort(), flagged: 0 });
    await t.signOut();
    expect((await t.signIn(NURSE.name, NURSE.second)).ok).toBe(true);
    await t.signOut();
    expect((await t.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
    expect(reconciled(await t.ok('audit.recent', { limit: 100 }))).toEqual([]);
  });

  it('a temporary key file left by a killed write (a copy of old key slots) is removed at the next open; a live writer’s is not', async () => {
    const t = app();
    await t.setup();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const dead = path.join(t.vaultDir, `.${KEYSLOTS_FILE}.${gone.stdout}.1700000000000.tmp`);
    const live = path.join(t.vaultDir, `.${KEYSLOTS_FILE}.${process.pid}.1700000000000.tmp`);
    for (const f of [dead, live]) fs.copyFileSync(path.join(t.vaultDir, KEYSLOTS_FILE), f);
    expect((await t.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
    expect(fs.existsSync(dead)).toBe(false);
    expect(fs.existsSync(live)).toBe(true);
  });

  it('a slot for a person who does not exist (left by a killed `staff add` before this fix) is removed at the next open, audited, and the name can be added', async () => {
    const t = app();
    await t.setup();
    expect((await t.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
    const image = await crashImage(t, 'staff.add:after-keyslots', () => addNurse(t));
    await t.signOut();
    // The old code wrote the slot unflagged: strip the flag to get exactly what it left behind.
    const raw = readRawSlots(image) as unknown as { slots: Record<string, unknown>[] };
    for (const s of raw.slots) delete s.pending;
    fs.writeFileSync(path.join(image, KEYSLOTS_FILE), JSON.stringify(raw, null, 2));
    const orphan = raw.slots.find((s) => s.nameKey === NURSE.name)!;

    const next = app({ vaultDir: image, configured: true });
    const refused = await next.signIn(NURSE.name, NURSE.first);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.messageKey).toBe('errors.invalid_credentials');
    expect((await next.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
    expect(reconciled(await next.ok('audit.recent', { limit: 100 }))).toEqual([
      { slotId: orphan.id, staffId: orphan.staffId, outcome: 'removed', reason: 'no_staff_record' },
    ]);
    expect(slotState(image).staffIds).toHaveLength(1);
    await addNurse(next);
    await next.signOut();
    expect((await next.signIn(NURSE.name, NURSE.first)).ok).toBe(true);
  });
});
