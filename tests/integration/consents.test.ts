import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Out } from '../../shared/api';
import type { ApiResult } from '../../shared/errors';
import { consentUsableForTreatment } from '../../electron/services/consents/view';
import { makeContext } from '../../electron/services/context';
import type { ManualClock, TestApp } from '../support/app';
import { afterCoolingOff, disclosedConsultation, ink, MINOR, SECOND_PHYSICIAN } from '../support/consent-flow';
import { NURSE, PHYSICIAN } from '../support/staff';
import { staffedClinic } from '../support/staffed-clinic';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
type View = Out<'consents.get'>;

function err<T>(r: ApiResult<T>) {
  if (r.ok) throw new Error('expected a failure');
  return r.error;
}

function pdfText(t: TestApp, bytes: Buffer, name: string): string {
  const file = path.join(t.root, name);
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
}

describe('consents: issue, sign, lock', () => {
  let t: TestApp, clock: ManualClock, physicianId: string, otherPhysicianId: string;
  beforeEach(async () => {
    ({ t, clock, physicianId, otherPhysicianId } = await staffedClinic());
  });
  afterEach(() => t.dispose());

  const signatureCount = () => (t.app.vault!.db.prepare('SELECT COUNT(*) AS n FROM consent_signatures').get() as { n: number }).n;
  const auditActions = () => t.app.vault!.audit.recent(200).map((e) => e.action);
  const signPatient = (v: View, form: 'procedure' | 'anaesthesia' = 'procedure') =>
    t.call('consents.sign', { consentId: v.id, form, role: 'patient', documentSha256: v.documentSha256, ink: ink() });
  const signPhysician = (v: View, form: 'procedure' | 'anaesthesia' = 'procedure', password: string = PHYSICIAN.password, id = physicianId) =>
    t.call('consents.sign', { consentId: v.id, form, role: 'physician', documentSha256: v.documentSha256, ink: ink(), physicianId: id, password });

  it('issues the document once, holds the patient to the cooling-off period, and locks when the physician countersigns', async () => {
    const c = await disclosedConsultation(t, physicianId, { questions: '會不會瘀青很久？' });
    const v = await t.ok('consents.issue', { consultationId: c.consultation.id });
    expect(v).toMatchObject({ status: 'issued', forms: ['procedure'], roles: ['patient', 'physician'], locale: 'zh-TW', finalSha256: null, usableForTreatment: false });
    const doc = await t.ok('consents.document', { consentId: v.id });
    const issued = Buffer.from(doc.dataBase64, 'base64');
    expect(sha(issued)).toBe(v.documentSha256);
    expect(v.documentSize).toBe(issued.length);
    expect(err(await t.call('consents.issue', { consultationId: c.consultation.id }))).toMatchObject({ code: 'conflict', messageKey: 'consent.errors.alreadyIssued' });

    // The text of the document: the patient's Chinese name, every risk, the fee total; the font embedded.
    const text = pdfText(t, issued, 'issued.pdf').replace(/\s+/g, '');
    expect(text).toContain('黃詩涵');
    for (const r of c.template.risks) expect(text).toContain(r.text.replace(/\s+/g, ''));
    expect(text).toContain('15,500');
    expect(text).toContain('會不會瘀青很久？');
    expect(text).toContain(c.consultation.id);
    const fonts = execFileSync('pdffonts', [path.join(t.root, 'issued.pdf')], { encoding: 'utf8' });
    expect(fonts).toMatch(/\+NotoSansHant-Regular\s+CID Type 0C\s+Identity-H\s+yes yes yes/);

    // Before the cooling-off period ends: refused, nothing written.
    const early = err(await signPatient(v));
    expect(early).toMatchObject({ code: 'cooling_off', messageKey: 'consent.errors.coolingOff' });
    expect(signatureCount()).toBe(0);

    await afterCoolingOff(t, clock, c);
    const afterPatient = await t.ok('consents.sign', { consentId: v.id, form: 'procedure', role: 'patient', documentSha256: v.documentSha256, ink: ink() });
    expect(afterPatient.status).toBe('patient_signed');
    expect((await t.ok('consultations.get', { consultationId: c.consultation.id })).consultation.status).toBe('patient_signed');

    // The physician: not another physician, not a wrong password; nothing written either time.
    expect(err(await signPhysician(v, 'procedure', SECOND_PHYSICIAN.password, otherPhysicianId))).toMatchObject({ code: 'rule_violation', messageKey: 'consent.errors.notOperatingPhysician' });
    expect(err(await signPhysician(v, 'procedure', 'Wrong-Pass-2026'))).toMatchObject({ code: 'invalid_credentials', messageKey: 'consent.errors.physicianPasswordWrong' });
    expect(signatureCount()).toBe(1);
    expect(auditActions()).toContain('consent.sign_password_failed');

    const checklist = await t.ok('consents.checklist', { consentId: v.id });
    expect(checklist.ready).toBe(true);
    const done = await t.ok('consents.sign', { consentId: v.id, form: 'procedure', role: 'physician', documentSha256: v.documentSha256, ink: ink(), physicianId, password: PHYSICIAN.password });
    expect(done).toMatchObject({ status: 'fully_signed', usableForTreatment: true });
    expect(done.signatures.map((s) => [s.role, s.signerName, s.documentSha256])).toEqual([
      ['patient', '黃詩涵', v.documentSha256],
      ['physician', PHYSICIAN.name, v.documentSha256],
    ]);
    expect((await t.ok('consultations.get', { consultationId: c.consultation.id })).consultation.status).toBe('fully_signed');

    // The final PDF: the issued bytes untouched, then the certificate page; its hash stored.
    const fin = await t.ok('consents.finalDocument', { consentId: v.id });
    const final = Buffer.from(fin.dataBase64, 'base64');
    expect(sha(final)).toBe(done.finalSha256);
    expect(final.subarray(0, issued.length).equals(issued)).toBe(true);
    const finalText = pdfText(t, final, 'final.pdf');
    expect(finalText).toContain('簽名證明頁');
    expect(finalText).toContain(v.documentSha256);
    expect(execFileSync('pdfinfo', [path.join(t.root, 'final.pdf')], { encoding: 'utf8' })).toMatch(new RegExp(`Pages:\\s+${v.pageCount + 1}\\b`));

    expect(await t.ok('consents.verify', { consentId: v.id })).toMatchObject({ ok: true });
    await t.ok('consents.recordPrint', { consentId: v.id, kind: 'patient_copy' });
    await t.ok('consents.recordPrint', { consentId: v.id, kind: 'print' });
    expect(auditActions()).toEqual(expect.arrayContaining(['consent.issued', 'consent.signed', 'consent.patient_signed', 'consent.fully_signed', 'consent.patient_copy', 'consent.printed']));

    // Locked: the service refuses, and so does the database.
    expect(err(await signPatient(done))).toMatchObject({ code: 'rule_violation', messageKey: 'consent.errors.consentLocked' });
    const db = t.app.vault!.db;
    expect(() => db.prepare("UPDATE consents SET expires_at = '2099-01-01T00:00:00.000Z' WHERE id = ?").run(v.id)).toThrow(/fully signed consent is locked/);
    expect(() => db.prepare("UPDATE consent_signatures SET signer_name = 'x' WHERE consent_id = ?").run(v.id)).toThrow(/never changes/);
    expect(() => db.prepare('DELETE FROM consent_signatures WHERE consent_id = ?').run(v.id)).toThrow(/never deleted/);
    expect(() => db.prepare('UPDATE consent_documents SET bytes = ? WHERE sha256 = ?').run(Buffer.from('x'), v.documentSha256)).toThrow(/never changes/);
    expect(() => db.prepare('DELETE FROM consents WHERE id = ?').run(v.id)).toThrow(/never deleted/);
  });

  it("the physician's password typed at someone else's seat is checked once per call, before it joins the queue", async () => {
    const c = await disclosedConsultation(t, physicianId);
    const v = await t.ok('consents.issue', { consultationId: c.consultation.id });
    await afterCoolingOff(t, clock, c);
    await t.ok('consents.sign', { consentId: v.id, form: 'procedure', role: 'patient', documentSha256: v.documentSha256, ink: ink() });
    const vault = t.app.vault!;
    const checks: { staffId: string; inTransaction: boolean }[] = [];
    const verify = vault.verifyStaffPassword.bind(vault);
    vault.verifyStaffPassword = (staffId, password, at) => {
      checks.push({ staffId, inTransaction: vault.db.inTransaction });
      return verify(staffId, password, at);
    };
    // Wrong, then right: each Argon2 check runs beside the serialised path (no transaction open), once per call,
    // though the countersign that locks the consent runs its handler twice (the final PDF is drawn in between).
    expect(err(await signPhysician(v, 'procedure', 'Wrong-Pass-2026'))).toMatchObject({ code: 'invalid_credentials', messageKey: 'consent.errors.physicianPasswordWrong' });
    expect(auditActions()).toContain('consent.sign_password_failed');
    expect((await t.ok('consents.sign', { consentId: v.id, form: 'procedure', role: 'physician', documentSha256: v.documentSha256, ink: ink(), physicianId, password: PHYSICIAN.password })).status).toBe('fully_signed');
    expect(checks).toEqual([
      { staffId: physicianId, inTransaction: false },
      { staffId: physicianId, inTransaction: false },
    ]);
  });

  it('answers bad signatures with a clear error and writes nothing', async () => {
    const c = await disclosedConsultation(t, physicianId);
    const v = await t.ok('consents.issue', { consultationId: c.consultation.id });
    await afterCoolingOff(t, clock, c);
    const base = { consentId: v.id, form: 'procedure' as const, role: 'patient' as const, documentSha256: v.documentSha256 };
    const good = ink();
    const empty = err(await t.call('consents.sign', { ...base, ink: { ...good, strokes: [] } }));
    expect(empty.issues?.[0]).toMatchObject({ path: ['ink', 'strokes'], messageKey: 'consent.errors.signatureEmpty' });
    const dot = err(await t.call('consents.sign', { ...base, ink: { ...good, strokes: [[{ x: 100, y: 100, t: 0 }, { x: 101, y: 100, t: 16 }]] } }));
    expect(dot.issues?.[0]).toMatchObject({ path: ['ink', 'strokes'], messageKey: 'consent.errors.signatureTooSmall' });
    const notPng = err(await t.call('consents.sign', { ...base, ink: { ...good, pngBase64: Buffer.from('GIF89a-not-a-png-at-all-really-not').toString('base64') } }));
    expect(notPng.issues?.[0]?.messageKey).toBe('consent.errors.signaturePng');
    const guardian = err(await t.call('consents.sign', { ...base, role: 'guardian', ink: good }));
    expect(guardian).toMatchObject({ code: 'rule_violation', messageKey: 'consent.errors.roleNotRequired' });
    const witness = err(await t.call('consents.sign', { ...base, role: 'witness', signerName: '陳美玲', ink: good }));
    expect(witness.messageKey).toBe('consent.errors.roleNotRequired');
    const wrongDoc = err(await t.call('consents.sign', { ...base, documentSha256: 'f'.repeat(64), ink: good }));
    expect(wrongDoc).toMatchObject({ code: 'conflict', messageKey: 'consent.errors.documentChanged' });
    const anaesthesia = err(await t.call('consents.sign', { ...base, form: 'anaesthesia', ink: good }));
    expect(anaesthesia.messageKey).toBe('consent.errors.formNotInConsent');
    const named = err(await t.call('consents.sign', { ...base, signerName: '別人', ink: good }));
    expect(named.messageKey).toBe('consent.errors.signerNameNotAllowed');
    const physicianFirst = err(await signPhysician(v));
    expect(physicianFirst).toMatchObject({ code: 'rule_violation', messageKey: 'consent.errors.patientFirst' });
    const noPassword = err(await t.call('consents.sign', { ...base, role: 'physician', physicianId, ink: good }));
    expect(noPassword.messageKey).toBe('consent.errors.physicianCredentialsRequired');
    const hugeCoordinate = err(await t.call('consents.sign', { ...base, ink: { ...good, strokes: [[{ x: 1e9, y: 1, t: 0 }]] } }));
    expect(hugeCoordinate.code).toBe('invalid_input');
    expect(signatureCount()).toBe(0);

    await t.ok('consents.sign', { ...base, ink: good });
    const twice = err(await t.call('consents.sign', { ...base, ink: ink() }));
    expect(twice).toMatchObject({ code: 'conflict', messageKey: 'consent.errors.alreadySigned' });
    expect(signatureCount()).toBe(1);

    await t.ok('session.signOut', {});
    await t.ok('session.signIn', { loginId: NURSE.name, password: NURSE.password });
    expect(err(await signPhysician(v)).code).toBe('forbidden');
    expect((await t.ok('consents.get', { consentId: v.id })).signatures).toHaveLength(1);
  });

  it('refuses to issue before disclosure, and for a minor without a guardian', async () => {
    const p = await t.ok('patients.create', { chartNo: 'C0100', nameZh: '周子涵', sex: 'female', birthDate: '1990-01-01', phone: '0912-111-222' });
    const procedure = (await t.ok('procedures.list', {}))[0]!;
    const draft = await t.ok('consultations.start', { patientId: p.id, procedureId: procedure.id, physicianId });
    expect(err(await t.call('consents.issue', { consultationId: draft.consultation.id }))).toMatchObject({ code: 'rule_violation', messageKey: 'consent.errors.notDisclosed' });
    expect(await t.ok('consents.forConsultation', { consultationId: draft.consultation.id })).toBeNull();
    // A minor whose guardian was taken off the record after disclosure.
    const c = await disclosedConsultation(t, physicianId, { patient: MINOR });
    const patient = (await t.ok('patients.get', { patientId: c.consultation.patientId })).patient;
    const { guardian: _guardian, ...withoutGuardian } = MINOR;
    await t.ok('patients.update', { patientId: patient.id, expectedVersion: patient.version, fields: withoutGuardian });
    expect(err(await t.call('consents.issue', { consultationId: c.consultation.id }))).toMatchObject({ code: 'rule_violation', messageKey: 'consent.errors.noGuardian' });
  });

  it('a minor with a witness-required procedure and anaesthesia: both forms, every role in order, eight signatures', async () => {
    const c = await disclosedConsultation(t, physicianId, { patient: MINOR, procedureCode: 'rhinoplasty_implant' });
    const v = await t.ok('consents.issue', { consultationId: c.consultation.id });
    expect(v.forms).toEqual(['procedure', 'anaesthesia']);
    expect(v.roles).toEqual(['patient', 'guardian', 'witness', 'physician']);
    expect(v.required).toHaveLength(8);
    const issuedText = pdfText(t, Buffer.from((await t.ok('consents.document', { consentId: v.id })).dataBase64, 'base64'), 'minor.pdf');
    expect(issuedText).toContain('麻醉同意書');
    expect(issuedText).toContain('林志強');
    await afterCoolingOff(t, clock, c);
    const sign = (form: 'procedure' | 'anaesthesia', role: 'patient' | 'guardian' | 'witness', extra: { signerName?: string } = {}) =>
      t.call('consents.sign', { consentId: v.id, form, role, documentSha256: v.documentSha256, ink: ink(), ...extra });
    expect(err(await sign('procedure', 'witness', { signerName: '陳美玲' })).messageKey).toBe('consent.errors.patientFirst');
    await t.ok('consents.sign', { consentId: v.id, form: 'procedure', role: 'guardian', documentSha256: v.documentSha256, ink: ink() });
    await t.ok('consents.sign', { consentId: v.id, form: 'procedure', role: 'patient', documentSha256: v.documentSha256, ink: ink() });
    expect(err(await sign('procedure', 'witness')).messageKey).toBe('consent.errors.signerNameRequired');
    await t.ok('consents.sign', { consentId: v.id, form: 'procedure', role: 'witness', signerName: '陳美玲', documentSha256: v.documentSha256, ink: ink() });
    expect(err(await signPhysician(v)).messageKey).toBe('consent.errors.patientFirst');
    for (const role of ['patient', 'guardian'] as const) await t.ok('consents.sign', { consentId: v.id, form: 'anaesthesia', role, documentSha256: v.documentSha256, ink: ink() });
    expect(err(await signPhysician(v)).messageKey).toBe('consent.errors.witnessFirst');
    const checklist = await t.ok('consents.checklist', { consentId: v.id });
    expect(checklist.items.find((i) => i.id === 'witness')).toMatchObject({ required: true, ok: false });
    const patientSide = await t.ok('consents.sign', { consentId: v.id, form: 'anaesthesia', role: 'witness', signerName: '陳美玲', documentSha256: v.documentSha256, ink: ink() });
    expect(patientSide.status).toBe('patient_signed');
    expect((await signPhysician(v, 'procedure')).ok).toBe(true);
    const done = await t.ok('consents.sign', { consentId: v.id, form: 'anaesthesia', role: 'physician', documentSha256: v.documentSha256, ink: ink(), physicianId, password: PHYSICIAN.password });
    expect(done.status).toBe('fully_signed');
    expect(done.signatures).toHaveLength(8);
    const final = Buffer.from((await t.ok('consents.finalDocument', { consentId: v.id })).dataBase64, 'base64');
    const text = pdfText(t, final, 'minor-final.pdf');
    for (const name of ['林小雨', '林志強', '陳美玲', PHYSICIAN.name]) expect(text).toContain(name);
    expect((await t.ok('consents.verify', { consentId: v.id })).ok).toBe(true);
  });

  it('the operating physician may shorten the cooling-off period with a reason, re-entering the password', async () => {
    const c = await disclosedConsultation(t, physicianId);
    const input = { consultationId: c.consultation.id, reason: '病人隔日出國，已完成術前評估', physicianId, password: PHYSICIAN.password };
    expect(err(await t.call('consents.overrideCoolingOff', { ...input, physicianId: otherPhysicianId, password: SECOND_PHYSICIAN.password })).messageKey).toBe('consent.errors.notOperatingPhysician');
    expect(err(await t.call('consents.overrideCoolingOff', { ...input, password: 'Nope-Nope-2026' })).code).toBe('invalid_credentials');
    expect(err(await t.call('consents.overrideCoolingOff', { ...input, reason: '  ' })).issues?.[0]?.messageKey).toBe('validation.reasonTooShort');
    const o = await t.ok('consents.overrideCoolingOff', input);
    expect(o).toMatchObject({ physicianName: PHYSICIAN.name, reason: input.reason, coolingOffEndsAt: c.consultation.coolingOffEndsAt });
    expect(err(await t.call('consents.overrideCoolingOff', input)).code).toBe('conflict');
    const v = await t.ok('consents.issue', { consultationId: c.consultation.id });
    expect(v.override?.reason).toBe(input.reason);
    const issuedText = pdfText(t, Buffer.from((await t.ok('consents.document', { consentId: v.id })).dataBase64, 'base64'), 'override.pdf').replace(/\s+/g, '');
    expect(issuedText).toContain(input.reason);
    await t.ok('consents.sign', { consentId: v.id, form: 'procedure', role: 'patient', documentSha256: v.documentSha256, ink: ink() });
    const done = await t.ok('consents.sign', { consentId: v.id, form: 'procedure', role: 'physician', documentSha256: v.documentSha256, ink: ink(), physicianId, password: PHYSICIAN.password });
    const finalText = pdfText(t, Buffer.from((await t.ok('consents.finalDocument', { consentId: done.id })).dataBase64, 'base64'), 'override-final.pdf').replace(/\s+/g, '');
    expect(finalText).toContain(input.reason);
    expect(auditActions()).toContain('consent.cooling_off_overridden');
  });

  it('an override after the cooling-off period is refused; the checklist blocks a consultation without photos', async () => {
    const c = await disclosedConsultation(t, physicianId, { photo: false });
    await afterCoolingOff(t, clock, c);
    expect(err(await t.call('consents.overrideCoolingOff', { consultationId: c.consultation.id, reason: '不需要了吧', physicianId, password: PHYSICIAN.password })).messageKey).toBe('consent.errors.coolingOffAlreadyOver');
    const v = await t.ok('consents.issue', { consultationId: c.consultation.id });
    await signPatient(v);
    const blocked = err(await signPhysician(v));
    expect(blocked).toMatchObject({ code: 'rule_violation', messageKey: 'consent.errors.checklistIncomplete' });
    expect(blocked.issues).toEqual([{ path: ['checklist', 'photos'], messageKey: 'consent.checklist.photos' }]);
    expect(signatureCount()).toBe(1);
  });

  it('withdrawal before treatment is a new signed record; the consent can no longer be used', async () => {
    const c = await disclosedConsultation(t, physicianId);
    const v = await t.ok('consents.issue', { consultationId: c.consultation.id });
    await afterCoolingOff(t, clock, c);
    await signPatient(v);
    await signPhysician(v);
    const base = { consentId: v.id, reason: '考慮後決定不進行', signerRole: 'patient' as const };
    expect(err(await t.call('consents.withdraw', { ...base, ink: { ...ink(), strokes: [] } })).issues?.[0]?.messageKey).toBe('consent.errors.signatureEmpty');
    expect(err(await t.call('consents.withdraw', { ...base, signerRole: 'guardian', ink: ink() })).messageKey).toBe('consent.errors.guardianSignerNotMinor');
    const w = await t.ok('consents.withdraw', { ...base, ink: ink() });
    expect(w).toMatchObject({ status: 'withdrawn', usableForTreatment: false, withdrawal: { reason: base.reason, signerName: '黃詩涵' } });
    expect(w.finalSha256).not.toBeNull();
    expect((await t.ok('consultations.get', { consultationId: c.consultation.id })).consultation.status).toBe('withdrawn');
    expect(err(await t.call('consents.withdraw', { ...base, ink: ink() })).code).toBe('conflict');
    expect(consentUsableForTreatment(makeContext(t.app), c.consultation.id)).toEqual({ ok: false, reason: 'withdrawn' });
    expect(() => t.app.vault!.db.prepare("UPDATE consent_withdrawals SET reason = 'x'").run()).toThrow(/never changes/);
    expect((await t.ok('consents.verify', { consentId: v.id })).ok).toBe(true);
    expect(auditActions()).toContain('consent.withdrawn');
  });

  it('a fully signed consent expires for treatment after 90 days', async () => {
    const c = await disclosedConsultation(t, physicianId);
    const v = await t.ok('consents.issue', { consultationId: c.consultation.id });
    await afterCoolingOff(t, clock, c);
    await signPatient(v);
    await signPhysician(v);
    expect(consentUsableForTreatment(makeContext(t.app), c.consultation.id)).toEqual({ ok: true });
    clock.advance(91 * 86_400_000);
    expect((await t.ok('consents.get', { consentId: v.id }).catch(() => null))).toBeNull(); // idle-locked after 91 days
    expect(consentUsableForTreatment(makeContext(t.app), c.consultation.id)).toEqual({ ok: false, reason: 'expired' });
  });

  it('verification recomputes the hashes: one flipped byte in the stored document, or edited strokes, fail it', async () => {
    const c = await disclosedConsultation(t, physicianId);
    const v = await t.ok('consents.issue', { consultationId: c.consultation.id });
    await afterCoolingOff(t, clock, c);
    await signPatient(v);
    await signPhysician(v);
    expect((await t.ok('consents.verify', { consentId: v.id })).ok).toBe(true);
    const db = t.app.vault!.db;
    const raw = (db.prepare('SELECT bytes FROM consent_documents WHERE sha256 = ?').get(v.documentSha256) as { bytes: Buffer }).bytes;
    const flipped = Buffer.from(raw);
    flipped[Math.floor(flipped.length / 2)]! ^= 0x01;
    // Someone holding the key who drops the trigger to edit the bytes.
    db.exec('DROP TRIGGER consent_documents_immutable');
    db.prepare('UPDATE consent_documents SET bytes = ? WHERE sha256 = ?').run(flipped, v.documentSha256);
    const broken = await t.ok('consents.verify', { consentId: v.id });
    expect(broken.ok).toBe(false);
    expect(broken.checks.filter((x) => !x.ok).map((x) => x.check)).toEqual(['document.sha256', 'final.contains_issued']);
    db.prepare('UPDATE consent_documents SET bytes = ? WHERE sha256 = ?').run(raw, v.documentSha256);
    db.exec('DROP TRIGGER consent_signatures_immutable');
    db.prepare("UPDATE consent_signatures SET strokes = replace(strokes, '\"x\":', '\"x\": ') WHERE role = 'patient'").run();
    const strokes = await t.ok('consents.verify', { consentId: v.id });
    expect(strokes.checks.filter((x) => !x.ok).map((x) => x.check)).toEqual(['signature.procedure.patient.strokes']);
  });
});
