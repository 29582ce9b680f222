import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHECKPOINT_FILE, checkpointSignatureValid, parseCheckpoint, readCheckpointFile } from '../../electron/store/audit/checkpoint';
import { ADMIN, makeTestApp, ManualClock, type TestApp } from '../support/app';
import { addStaff, afterCoolingOff, disclosedConsultation, ink } from '../support/consent-flow';
import { PHYSICIAN } from '../support/staff';
import { saveSettings } from '../support/edit-versions';

const apps: TestApp[] = [];
afterEach(() => {
  for (const t of apps.splice(0)) t.dispose();
});

async function vaultWithHistory(): Promise<{ t: TestApp; clock: ManualClock; createdReason: string | undefined }> {
  const clock = new ManualClock(new Date(Date.now() - 20 * 86_400_000).toISOString());
  const t = makeTestApp({ clock, configured: true });
  apps.push(t);
  await t.setup();
  const createdReason = parseCheckpoint(fs.readFileSync(path.join(t.vaultDir, CHECKPOINT_FILE), 'utf8'))?.statement.reason;
  expect((await t.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
  for (const minutes of [11, 12, 13]) await saveSettings(t, { idleLockMinutes: minutes });
  return { t, clock, createdReason };
}

function checkpointOf(t: TestApp) {
  const read = readCheckpointFile(t.vaultDir);
  if (read.state !== 'read') throw new Error(`checkpoint ${read.state}`);
  return read.checkpoint;
}

/** What someone holding the key can do with the vault closed: open the database and change it. */
async function tamperWhileClosed(t: TestApp, sql: (db: NonNullable<TestApp['app']['vault']>['db']) => void): Promise<void> {
  // Opened by the app's own code (the key comes from a password), then closed without a checkpoint, as a tool would.
  expect((await t.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
  const vault = t.app.vault!;
  t.app.vault = null;
  t.app.session = null;
  sql(vault.db);
  vault.close();
}

describe('the chain checkpoint: a signed statement of the chain head, compared at every open', () => {
  it('set-up writes the first checkpoint; every sign-out signs the head it leaves behind', async () => {
    const { t, createdReason } = await vaultWithHistory();
    expect(createdReason).toBe('created');
    const key = t.app.vault!.settings.signingKey()!;
    const head = t.app.vault!.audit.head()!;
    await t.signOut();
    const cp = checkpointOf(t);
    expect(cp.statement).toMatchObject({ format: 'consentvault-chain-checkpoint', version: 1, reason: 'sign_out', keyFingerprint: key.fingerprint });
    // The sign-out event itself is the head it signs.
    expect(cp.statement.headSeq).toBe(head.seq + 1);
    expect(checkpointSignatureValid(cp, key.publicKeyPem)).toBe(true);
    expect(checkpointSignatureValid({ ...cp, statement: { ...cp.statement, headSeq: cp.statement.headSeq - 1 } }, key.publicKeyPem)).toBe(false);
    // The next sign-in finds the chain as signed: no alert.
    const again = await t.ok('session.signIn', { loginId: ADMIN.name, password: ADMIN.password });
    expect(again.chainAlert).toBeNull();
    expect((await t.ok('audit.verify', {})).checkpoint.state).toBe('ok');
  });

  it('a chain cut at its end while the vault was closed is reported at sign-in, in the trail and by audit verify', async () => {
    const { t } = await vaultWithHistory();
    await t.signOut();
    const signed = checkpointOf(t).statement.headSeq;
    await tamperWhileClosed(t, (db) => {
      db.exec('DROP TRIGGER audit_events_no_delete');
      db.prepare('DELETE FROM audit_events WHERE seq > ?').run(signed - 3);
    });
    const info = await t.ok('session.signIn', { loginId: ADMIN.name, password: ADMIN.password });
    expect(info.chainAlert).toMatchObject({ state: 'cut', checkpointSeq: signed });
    const events = t.app.vault!.audit.recent(3).map((e) => e.action);
    expect(events).toContain('audit.checkpoint_mismatch');
    const v = await t.ok('audit.verify', {});
    // The links that remain are intact: only the checkpoint tells that the end is gone.
    expect(v.firstBreak).toBeNull();
    expect(v).toMatchObject({ ok: false, checkpoint: { state: 'cut', checkpointSeq: signed } });
  });

  it('a chain rewritten from a point on (every hash recomputed) is reported as rewritten', async () => {
    const { t } = await vaultWithHistory();
    await t.signOut();
    const signed = checkpointOf(t).statement.headSeq;
    await tamperWhileClosed(t, (db) => {
      // Replace the last events by others of the same length: hashes recomputed by hand would fit the links, not the checkpoint.
      db.exec('DROP TRIGGER audit_events_no_delete');
      db.prepare('DELETE FROM audit_events WHERE seq > ?').run(signed - 2);
    });
    // Someone then uses the app so the chain grows past the checkpoint again, without the events it signed.
    expect((await t.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
    for (const minutes of [21, 22, 23, 24, 25]) await saveSettings(t, { idleLockMinutes: minutes });
    const v = await t.ok('audit.verify', {});
    expect(v.headSeq).toBeGreaterThan(signed);
    expect(v.checkpoint).toMatchObject({ state: 'rewritten', checkpointSeq: signed });
    expect(v.ok).toBe(false);
  });

  it('a missing or replaced checkpoint file is reported; the next checkpoint is written at once', async () => {
    const { t } = await vaultWithHistory();
    await t.signOut();
    fs.rmSync(path.join(t.vaultDir, CHECKPOINT_FILE));
    expect((await t.ok('session.signIn', { loginId: ADMIN.name, password: ADMIN.password })).chainAlert).toMatchObject({ state: 'missing' });
    expect(fs.existsSync(path.join(t.vaultDir, CHECKPOINT_FILE))).toBe(true);
    await t.signOut();
    const cp = checkpointOf(t);
    fs.writeFileSync(path.join(t.vaultDir, CHECKPOINT_FILE), JSON.stringify({ ...cp, statement: { ...cp.statement, headSeq: 1 } }));
    expect((await t.ok('session.signIn', { loginId: ADMIN.name, password: ADMIN.password })).chainAlert).toMatchObject({ state: 'invalid', detail: 'signature' });
    await t.signOut();
    fs.writeFileSync(path.join(t.vaultDir, CHECKPOINT_FILE), 'not json');
    expect((await t.ok('session.signIn', { loginId: ADMIN.name, password: ADMIN.password })).chainAlert).toMatchObject({ state: 'invalid' });
  });

  it('the alert is for administrators only', async () => {
    const { t } = await vaultWithHistory();
    await t.ok('staff.add', { name: '陳美玲', role: 'nurse', password: 'Nurse-Pass-2026' });
    await t.signOut();
    fs.rmSync(path.join(t.vaultDir, CHECKPOINT_FILE));
    expect((await t.ok('session.signIn', { loginId: '陳美玲', password: 'Nurse-Pass-2026' })).chainAlert).toBeNull();
  });
});

describe('records the audit trail names must exist: deletions behind the triggers are found', () => {
  async function withdrawnConsent() {
    const clock = new ManualClock(new Date(Date.now() - 20 * 86_400_000).toISOString());
    const t = makeTestApp({ clock, configured: true });
    apps.push(t);
    await t.setup();
    const { physicianId } = await addStaff(t);
    const c = await disclosedConsultation(t, physicianId);
    const consent = await t.ok('consents.issue', { consultationId: c.consultation.id });
    await afterCoolingOff(t, clock, c);
    await t.ok('consents.sign', { consentId: consent.id, form: 'procedure', role: 'patient', documentSha256: consent.documentSha256, ink: ink() });
    await t.ok('consents.sign', { consentId: consent.id, form: 'procedure', role: 'physician', documentSha256: consent.documentSha256, ink: ink(), physicianId, password: PHYSICIAN.password });
    await t.ok('consents.withdraw', { consentId: consent.id, reason: '考慮後決定不進行', signerRole: 'patient', ink: ink() });
    expect((await t.ok('consents.verify', { consentId: consent.id })).ok).toBe(true);
    await t.signOut();
    await t.ok('session.signIn', { loginId: ADMIN.name, password: ADMIN.password });
    expect((await t.ok('audit.verify', {})).ok).toBe(true);
    return { t, consentId: consent.id };
  }

  it('a deleted withdrawal: the consent lists as fully signed, but consent verify and audit verify name the withdrawal event', async () => {
    const { t, consentId } = await withdrawnConsent();
    const db = t.app.vault!.db;
    db.exec('DROP TRIGGER consent_withdrawals_kept');
    db.prepare('DELETE FROM consent_withdrawals WHERE consent_id = ?').run(consentId);
    const listed = await t.ok('consents.list', { limit: 10 });
    expect(listed.find((c) => c.id === consentId)?.status).toBe('fully_signed');
    const v = await t.ok('consents.verify', { consentId });
    expect(v.ok).toBe(false);
    expect(v.checks.filter((c) => !c.ok).map((c) => c.detail)).toEqual(['withdrawal_missing']);
    const a = await t.ok('audit.verify', {});
    expect(a.firstBreak).toBeNull();
    expect(a.ok).toBe(false);
    expect(a.records.problems).toEqual([expect.objectContaining({ action: 'consent.withdrawn', consentId, problem: 'withdrawal_missing' })]);
  });

  it('deleted signatures are named by the signing events that recorded them', async () => {
    const { t, consentId } = await withdrawnConsent();
    const db = t.app.vault!.db;
    db.exec('DROP TRIGGER consent_signatures_kept');
    db.prepare("DELETE FROM consent_signatures WHERE consent_id = ? AND role = 'patient'").run(consentId);
    const v = await t.ok('consents.verify', { consentId });
    expect(v.checks.filter((c) => !c.ok).map((c) => c.detail)).toContain('signature_missing');
    const a = await t.ok('audit.verify', {});
    expect(a.records.problems.map((p) => `${p.action} ${p.problem}`)).toContain('consent.signed signature_missing');
  });
});
