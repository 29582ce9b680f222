import { afterEach, describe, expect, it } from 'vitest';
import { auditEventHash } from '../../electron/store/audit/repository';
import type { Vault } from '../../electron/store/vault';
import type { AuditEvent } from '../../shared/schemas/audit';
import { ADMIN, makeTestApp, ManualClock, type TestApp } from '../support/app';
import { CONSULTANT, NURSE } from '../support/staff';
import { errorOf } from '../support/vault-files';
import { saveSettings } from '../support/edit-versions';

const apps: TestApp[] = [];
function newApp(opts: Parameters<typeof makeTestApp>[0] = {}): TestApp {
  const t = makeTestApp(opts);
  apps.push(t);
  return t;
}
afterEach(() => {
  for (const t of apps.splice(0)) t.dispose();
});

function vaultOf(t: TestApp): Vault {
  if (!t.app.vault) throw new Error('vault is not open');
  return t.app.vault;
}

/** The events appended since `afterSeq`, oldest first. */
function eventsSince(t: TestApp, afterSeq: number): AuditEvent[] {
  const v = vaultOf(t);
  const head = v.audit.head()?.seq ?? 0;
  return v.audit
    .recent(Math.max(1, head - afterSeq))
    .filter((e) => e.seq > afterSeq)
    .reverse();
}

function headSeq(t: TestApp): number {
  return vaultOf(t).audit.head()?.seq ?? 0;
}

/** A signed-in admin on a fresh vault, with a few events in the chain. */
async function signedInAdmin(clock = new ManualClock()): Promise<TestApp> {
  const t = newApp({ clock });
  await t.setup();
  expect((await t.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
  return t;
}

describe('every write is an audit event', () => {
  it('staff add/deactivate/reactivate/reset, settings update, sign in/out and lock/unlock each append one event with the right action and actor; reads append nothing', async () => {
    const clock = new ManualClock();
    const t = newApp({ clock });
    await t.setup();
    const admin = (await t.ok('session.signIn', { loginId: ADMIN.name, password: ADMIN.password })).staff;
    const v = vaultOf(t);
    // Set-up wrote the first links (the vault and its first administrator); signing in the latest.
    const actions = v.audit.recent(50).reverse().map((e) => e.action);
    expect(actions[0]).toBe('vault.created');
    expect(actions).toContain('staff.added');
    expect(actions.at(-1)).toBe('session.signed_in');
    expect(v.audit.recent(1)[0]).toMatchObject({ actorId: admin.id, actorName: ADMIN.name, actorRole: 'admin', subjectId: admin.id });

    const asAdmin = { actorId: admin.id, actorName: ADMIN.name, actorRole: 'admin' };
    async function expectOneEvent(run: () => Promise<unknown>, expected: Partial<AuditEvent>): Promise<AuditEvent> {
      const before = headSeq(t);
      clock.advance(1000);
      await run();
      const added = eventsSince(t, before);
      expect(added.map((e) => e.action)).toEqual([expected.action]);
      expect(added[0]).toMatchObject({ ...asAdmin, ...expected, at: clock.now().toISOString() });
      return added[0]!;
    }

    const nurse = await t.ok('staff.add', NURSE);
    // (staff.add checked separately below, since its id is only known afterwards)
    const addEvent = v.audit.recent(1)[0]!;
    expect(addEvent).toMatchObject({ ...asAdmin, action: 'staff.added', subjectType: 'staff', subjectId: nurse.id, details: { name: NURSE.name, role: 'nurse' } });

    await expectOneEvent(() => t.ok('staff.deactivate', { staffId: nurse.id }), {
      action: 'staff.deactivated',
      subjectType: 'staff',
      subjectId: nurse.id,
    });
    await expectOneEvent(() => t.ok('staff.reactivate', { staffId: nurse.id, newPassword: 'Nurse-Back-2026' }), {
      action: 'staff.reactivated',
      subjectId: nurse.id,
    });
    await expectOneEvent(() => t.ok('staff.resetPassword', { staffId: nurse.id, newPassword: 'Nurse-Reset-2026' }), {
      action: 'staff.password_reset',
      subjectId: nurse.id,
    });
    const { version: settingsVersion } = await t.ok('settings.get', {});
    const settingsEvent = await expectOneEvent(() => t.ok('settings.update', { expectedVersion: settingsVersion, idleLockMinutes: 15 }), {
      action: 'settings.updated',
      subjectType: 'clinic_settings',
    });
    expect(settingsEvent.details).toEqual({ changed: { idleLockMinutes: { from: 10, to: 15 } } });
    const lockEvent = await expectOneEvent(() => t.ok('session.lock', {}), { action: 'session.locked', subjectId: admin.id });
    expect(lockEvent.details).toEqual({ reason: 'manual' });
    await expectOneEvent(() => t.ok('session.unlock', { password: ADMIN.password }), { action: 'session.unlocked', subjectId: admin.id });
    await expectOneEvent(() => t.ok('account.changePassword', { currentPassword: ADMIN.password, newPassword: 'Admin-Changed-2026' }), {
      action: 'account.password_changed',
      subjectId: admin.id,
    });

    // Reads leave the chain alone.
    const beforeReads = v.audit.head();
    await t.ok('staff.list', { includeInactive: true });
    await t.ok('settings.get', {});
    await t.ok('session.heartbeat', {});
    await t.ok('audit.recent', { limit: 5 });
    await t.ok('app.status', {});
    expect(v.audit.head()).toEqual(beforeReads);
    // A settings update that changes nothing is not a write either.
    await t.ok('settings.update', { expectedVersion: settingsVersion + 1, idleLockMinutes: 15 });
    expect(v.audit.head()).toEqual(beforeReads);

    const beforeSignOut = headSeq(t);
    clock.advance(1000);
    await t.ok('session.signOut', {});
    expect(t.app.vault).toBeNull();
    clock.advance(1000);
    const nurseInfo = await t.ok('session.signIn', { loginId: NURSE.name, password: 'Nurse-Reset-2026' });
    const after = eventsSince(t, beforeSignOut);
    expect(after.map((e) => e.action)).toEqual(['session.signed_out', 'session.signed_in']);
    expect(after[0]).toMatchObject({ ...asAdmin, subjectId: admin.id });
    expect(after[1]).toMatchObject({ actorId: nurseInfo.staff.id, actorName: NURSE.name, actorRole: 'nurse', subjectId: nurse.id });
    expect(vaultOf(t).audit.verifyChain()).toMatchObject({ ok: true, firstBreak: null, headSeq: headSeq(t), checked: headSeq(t) });
  });

  it('a forbidden call by a consultant is itself audited as access.forbidden with the channel name', async () => {
    const t = await signedInAdmin();
    const consultant = await t.ok('staff.add', CONSULTANT);
    await t.signOut();
    expect((await t.signIn(CONSULTANT.name, CONSULTANT.password)).ok).toBe(true);

    const before = headSeq(t);
    const err = errorOf(await t.call('staff.list', {}));
    expect(err).toEqual({ code: 'forbidden', messageKey: 'errors.forbidden' });
    const err2 = errorOf(await t.call('settings.update', { expectedVersion: 1, idleLockMinutes: 5 }));
    expect(err2.code).toBe('forbidden');
    const events = eventsSince(t, before);
    expect(events).toHaveLength(2);
    for (const [i, channel] of ['staff.list', 'settings.update'].entries()) {
      expect(events[i]).toMatchObject({
        action: 'access.forbidden',
        actorId: consultant.id,
        actorName: CONSULTANT.name,
        actorRole: 'consultant',
        details: { channel },
      });
    }
    // Nothing else happened: the settings are unchanged.
    expect(vaultOf(t).clinicSettings().idleLockMinutes).toBe(10);
    expect(vaultOf(t).audit.verifyChain().ok).toBe(true);
  });
});

describe('append-only in the database', () => {
  it('UPDATE and DELETE on audit_events are rejected by triggers, and the rows stay as they were', async () => {
    const t = await signedInAdmin();
    const db = vaultOf(t).db;
    const rowsBefore = db.prepare('SELECT * FROM audit_events ORDER BY seq').all();
    expect(rowsBefore.length).toBeGreaterThanOrEqual(3);

    expect(() => db.prepare("UPDATE audit_events SET details = '{}' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE audit_events SET action = 'nothing' ").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_events WHERE seq = 2').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/);
    // INSERT OR REPLACE would be a delete plus an insert: refused too.
    const first = rowsBefore[0] as Record<string, unknown>;
    expect(() => db.prepare('INSERT OR REPLACE INTO audit_events SELECT * FROM audit_events WHERE seq = 1').run()).toThrow();

    expect(db.prepare('SELECT * FROM audit_events ORDER BY seq').all()).toEqual(rowsBefore);
    expect(first.seq).toBe(1);
    expect(vaultOf(t).audit.verifyChain().ok).toBe(true);
  });

  it('an INSERT whose prev_hash is not the chain head, or whose seq skips, is rejected; the repository’s own append still works', async () => {
    const t = await signedInAdmin();
    const v = vaultOf(t);
    const head = v.audit.head()!;
    const insert = v.db.prepare(
      `INSERT INTO audit_events (seq, at, actor_id, actor_name, actor_role, action, subject_type, subject_id, details, prev_hash, hash)
       VALUES (?, '2026-11-23T01:00:00.000Z', NULL, NULL, NULL, 'forged', NULL, NULL, '{}', ?, ?)`,
    );
    expect(() => insert.run(head.seq + 1, 'f'.repeat(64), 'a'.repeat(64))).toThrow(/prev_hash must equal the chain head/);
    expect(() => insert.run(head.seq + 1, '0'.repeat(64), 'b'.repeat(64))).toThrow(/prev_hash must equal the chain head/);
    expect(() => insert.run(head.seq + 2, head.hash, 'c'.repeat(64))).toThrow(/sequence must follow the chain head/);
    expect(() => insert.run(head.seq, head.hash, 'd'.repeat(64))).toThrow();
    expect(v.audit.head()).toEqual(head);

    const appended = v.appendAudit({
      at: '2026-11-23T01:00:01.000Z',
      actorId: null,
      actorName: null,
      actorRole: null,
      action: 'audit.verified',
      subjectType: null,
      subjectId: null,
      details: {},
    });
    expect(appended).toMatchObject({ seq: head.seq + 1, prevHash: head.hash });
    expect(v.audit.verifyChain()).toMatchObject({ ok: true, headSeq: head.seq + 1, headHash: appended.hash });
  });
});

describe('tampering by someone who has the key', () => {
  async function tamperedVault() {
    const t = await signedInAdmin();
    // A few more links so there is a middle to tamper with.
    for (const minutes of [11, 12, 13, 14]) await saveSettings(t, { idleLockMinutes: minutes });
    const db = vaultOf(t).db;
    db.exec('DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;');
    expect(vaultOf(t).audit.verifyChain().ok).toBe(true);
    return { t, db };
  }

  it('editing one row’s details is reported by verifyChain and audit.verify as hash_mismatch at that row’s seq', async () => {
    const { t, db } = await tamperedVault();
    const victim = db.prepare("SELECT seq, details FROM audit_events WHERE action = 'settings.updated' ORDER BY seq LIMIT 1 OFFSET 1").get() as {
      seq: number;
      details: string;
    };
    const forged = victim.details.replace('"to":12', '"to":120');
    expect(forged).not.toBe(victim.details);
    db.prepare('UPDATE audit_events SET details = ? WHERE seq = ?').run(forged, victim.seq);

    const result = vaultOf(t).audit.verifyChain();
    expect(result).toEqual({ ok: false, checked: victim.seq - 1, headSeq: null, headHash: null, firstBreak: { seq: victim.seq, reason: 'hash_mismatch' } });
    const viaApi = await t.ok('audit.verify', {});
    expect(viaApi).toMatchObject(result);
    // The check is recorded too, with its outcome.
    expect(vaultOf(t).audit.recent(1)[0]).toMatchObject({ action: 'audit.verified', details: { ok: false, firstBreak: { seq: victim.seq, reason: 'hash_mismatch' } } });
  });

  it('changing or removing an event’s seat breaks its hash (format 2); giving a seatless event (format 1) a seat breaks it too', async () => {
    const { t, db } = await tamperedVault();
    const seated = db.prepare("SELECT seq, seat_id FROM audit_events WHERE seat_id IS NOT NULL AND action = 'settings.updated' ORDER BY seq LIMIT 1").get() as { seq: number; seat_id: string };
    const seatless = db.prepare('SELECT seq FROM audit_events WHERE seat_id IS NULL ORDER BY seq LIMIT 1').get() as { seq: number } | undefined;
    const verdictAfter = (change: () => void) => {
      db.exec('SAVEPOINT tamper');
      change();
      const r = vaultOf(t).audit.verifyChain();
      db.exec('ROLLBACK TO tamper; RELEASE tamper');
      return r.firstBreak;
    };
    expect(verdictAfter(() => db.prepare("UPDATE audit_events SET seat_name = 'front desk' WHERE seq = ?").run(seated.seq))).toEqual({ seq: seated.seq, reason: 'hash_mismatch' });
    expect(verdictAfter(() => db.prepare('UPDATE audit_events SET seat_id = NULL, seat_name = NULL WHERE seq = ?').run(seated.seq))).toEqual({ seq: seated.seq, reason: 'hash_mismatch' });
    // The vault's own first events (set-up) came from no seat: they keep format 1 and verify as they are.
    expect(seatless).toBeDefined();
    expect(verdictAfter(() => db.prepare("UPDATE audit_events SET seat_id = 'desk', seat_name = 'desk' WHERE seq = ?").run(seatless!.seq))).toEqual({ seq: seatless!.seq, reason: 'hash_mismatch' });
    expect(vaultOf(t).audit.verifyChain().ok).toBe(true);
  });

  it('re-computing the edited row’s own hash only moves the break to the next row (prev_hash_mismatch)', async () => {
    const { t, db } = await tamperedVault();
    const v = vaultOf(t);
    const all = [...v.audit.recent(100)].reverse();
    const victim = all.find((e) => e.action === 'settings.updated')!;
    const forgedEvent = { ...victim, details: { changed: { idleLockMinutes: { from: 10, to: 99 } } } };
    const forgedHash = auditEventHash(victim.prevHash, forgedEvent);
    db.prepare('UPDATE audit_events SET details = ?, hash = ? WHERE seq = ?').run(JSON.stringify(forgedEvent.details), forgedHash, victim.seq);

    expect(v.audit.verifyChain().firstBreak).toEqual({ seq: victim.seq + 1, reason: 'prev_hash_mismatch' });
  });

  it('deleting a middle row is reported as a break at the row after the gap', async () => {
    const { t, db } = await tamperedVault();
    const v = vaultOf(t);
    const head = v.audit.head()!;
    const middle = Math.floor(head.seq / 2);
    expect(middle).toBeGreaterThan(1);
    db.prepare('DELETE FROM audit_events WHERE seq = ?').run(middle);

    const result = v.audit.verifyChain();
    expect(result.ok).toBe(false);
    expect(result.checked).toBe(middle - 1);
    expect(result.firstBreak?.seq).toBe(middle + 1);
    expect(['sequence_gap', 'prev_hash_mismatch']).toContain(result.firstBreak?.reason);
    expect(result.firstBreak?.reason).toBe('sequence_gap');
  });

  it('deleting a middle row and renumbering the rest is still caught (prev_hash_mismatch at the moved row)', async () => {
    const { t, db } = await tamperedVault();
    const v = vaultOf(t);
    const head = v.audit.head()!;
    const middle = Math.floor(head.seq / 2);
    db.exec('DROP TRIGGER audit_events_chain_insert');
    db.prepare('DELETE FROM audit_events WHERE seq = ?').run(middle);
    for (let seq = middle + 1; seq <= head.seq; seq++) db.prepare('UPDATE audit_events SET seq = seq - 1 WHERE seq = ?').run(seq);

    expect(v.audit.verifyChain().firstBreak).toEqual({ seq: middle, reason: 'prev_hash_mismatch' });
  });
});

describe('append-only against conflict resolution', () => {
  it('INSERT OR REPLACE cannot delete an existing row through the UNIQUE hash column', async () => {
    const t = await signedInAdmin();
    const v = vaultOf(t);
    const head = v.audit.head()!;
    const victim = v.db.prepare('SELECT hash FROM audit_events WHERE seq = 2').get() as { hash: string };
    const replace = () =>
      v.db
        .prepare(
          `INSERT OR REPLACE INTO audit_events (seq, at, actor_id, actor_name, actor_role, action, subject_type, subject_id, details, prev_hash, hash)
           VALUES (?, '2026-11-23T01:00:00.000Z', NULL, NULL, NULL, 'forged', NULL, NULL, '{}', ?, ?)`,
        )
        .run(head.seq + 1, head.hash, victim.hash);
    try {
      replace();
    } catch {
      /* refused: what we want */
    }
    expect(v.db.prepare('SELECT seq FROM audit_events ORDER BY seq').all().map((r) => (r as { seq: number }).seq)).toEqual(
      Array.from({ length: head.seq }, (_, i) => i + 1),
    );
  });
});
