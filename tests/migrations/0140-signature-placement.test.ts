import { describe, expect, it } from 'vitest';
import {
  addClinicTeam, addConsultation, addPatient, addSignature, addSignedConsultation, applyMigration, AT, columnNames, databaseBefore, foreignKeyViolations,
  issueConsent, PATIENT_MEI, pngOf, rowsOf, sha256Hex, strokesOf, TEAM, type Database,
} from './support';

/** A version-130 vault: one consent half signed under the old flow, one just issued, one fully signed. */
function vaultAt130() {
  const db = databaseBefore(140);
  addClinicTeam(db);
  addPatient(db, PATIENT_MEI);
  addConsultation(db, { id: 'c-old', patientId: PATIENT_MEI.id, status: 'disclosed' });
  const oldSha = issueConsent(db, { id: 'k-old', consultationId: 'c-old', patientId: PATIENT_MEI.id });
  addSignature(db, { id: 'sig-old-patient', consentId: 'k-old', role: 'patient', documentSha256: oldSha });
  db.prepare(`UPDATE consents SET status = 'patient_signed' WHERE id = 'k-old'`).run();
  addConsultation(db, { id: 'c-new', patientId: PATIENT_MEI.id, status: 'disclosed' });
  const newSha = issueConsent(db, {
    id: 'k-new', consultationId: 'c-new', patientId: PATIENT_MEI.id, forms: ['procedure', 'anaesthesia'], roles: ['patient', 'guardian', 'physician'],
  });
  addSignedConsultation(db, PATIENT_MEI.id, 'done');
  return { db, oldSha, newSha };
}

function box(db: Database, consentId: string, form: string, role: string): void {
  db.prepare('INSERT INTO consent_signature_boxes (consent_id, form, role, page, x, y, width, height) VALUES (?, ?, ?, 3, 72, 96.5, 180, 48)').run(consentId, form, role);
}

interface Adoption {
  id: string;
  consentId: string;
  role: 'patient' | 'guardian' | 'physician';
  signer: string;
  documentSha256: string;
  identity?: { kind: string; number: string };
}
function adopt(db: Database, a: Adoption): void {
  const strokes = strokesOf(a.signer);
  db.prepare(
    `INSERT INTO consent_signature_adoptions (id, consent_id, role, signer_name, staff_id, document_sha256, strokes, strokes_sha256, png, png_sha256,
       identity_kind, identity_number, session_started_at, adopted_at, recorded_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    a.id, a.consentId, a.role, a.signer, a.role === 'physician' ? TEAM.physician : null, a.documentSha256, strokes, sha256Hex(strokes), pngOf(a.signer),
    sha256Hex(pngOf(a.signer)), a.identity?.kind ?? null, a.identity?.number ?? null, AT, AT, TEAM.consultant,
  );
}
/** One box's signature, applied from an adoption: a copy of `strokesSigner`'s strokes and picture. */
function apply(db: Database, id: string, consentId: string, form: string, documentSha256: string, adoptionId: string, strokesSigner: string): void {
  const strokes = strokesOf(strokesSigner);
  db.prepare(
    `INSERT INTO consent_signatures (id, consent_id, form, role, signer_name, staff_id, document_sha256, strokes, strokes_sha256, png, png_sha256, binding_sha256,
       signed_at, recorded_by, adoption_id)
     VALUES (?, ?, ?, 'patient', '陳美玲', NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, consentId, form, documentSha256, strokes, sha256Hex(strokes), pngOf(strokesSigner), sha256Hex(pngOf(strokesSigner)), sha256Hex(id), AT, TEAM.consultant, adoptionId);
}

describe('migration 0140 signature-placement', () => {
  it('keeps the signatures of a version-130 vault, with no adoption and no boxes', () => {
    const { db } = vaultAt130();
    const before = rowsOf(db, 'consent_signatures');
    applyMigration(db, 140);
    expect(columnNames(db, 'consent_signatures').at(-1)).toBe('adoption_id');
    expect(rowsOf(db, 'consent_signatures')).toEqual(before.map((s) => ({ ...s, adoption_id: null })));
    expect(rowsOf(db, 'consent_signature_boxes')).toEqual([]);
    expect(foreignKeyViolations(db)).toEqual([]);
  });

  it("records boxes only at issue, for the consent's own forms and roles, and never changes them", () => {
    const { db } = vaultAt130();
    applyMigration(db, 140);
    box(db, 'k-new', 'procedure', 'patient');
    box(db, 'k-new', 'anaesthesia', 'guardian');
    expect(() => box(db, 'k-new', 'procedure', 'witness')).toThrow(/recorded when the consent is issued/);
    // The consent issued and half signed before this version gets no boxes.
    expect(() => box(db, 'k-old', 'procedure', 'physician')).toThrow(/recorded when the consent is issued/);
    expect(() => db.prepare('INSERT INTO consent_signature_boxes (consent_id, form, role, page, x, y, width, height) VALUES (?, ?, ?, 0, 1, 1, 1, 1)').run('k-new', 'procedure', 'physician')).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE consent_signature_boxes SET page = 4').run()).toThrow(/never changes/);
    expect(() => db.prepare('DELETE FROM consent_signature_boxes').run()).toThrow(/never deleted/);
  });

  it("asks a guardian's identity document, and adopts only for the issued document of an open consent", () => {
    const { db, newSha, oldSha } = vaultAt130();
    applyMigration(db, 140);
    expect(() => adopt(db, { id: 'a-g0', consentId: 'k-new', role: 'guardian', signer: '陳大明', documentSha256: newSha })).toThrow(/CHECK/);
    adopt(db, { id: 'a-g1', consentId: 'k-new', role: 'guardian', signer: '陳大明', documentSha256: newSha, identity: { kind: 'national_id', number: 'A123456789' } });
    expect(() => adopt(db, { id: 'a-p0', consentId: 'k-new', role: 'patient', signer: '陳美玲', documentSha256: newSha, identity: { kind: 'passport', number: '3012' } })).toThrow(/CHECK/);
    expect(() => adopt(db, { id: 'a-p1', consentId: 'k-new', role: 'patient', signer: '陳美玲', documentSha256: oldSha })).toThrow(/issued document of an open consent/);
    const doneSha = (db.prepare(`SELECT document_sha256 AS sha FROM consents WHERE id = 'consent-done'`).get() as { sha: string }).sha;
    expect(() => adopt(db, { id: 'a-p2', consentId: 'consent-done', role: 'patient', signer: '陳美玲', documentSha256: doneSha })).toThrow(/issued document of an open consent/);
    expect(() => db.prepare(`UPDATE consent_signature_adoptions SET signer_name = 'x'`).run()).toThrow(/never changes/);
    expect(() => db.prepare('DELETE FROM consent_signature_adoptions').run()).toThrow(/never deleted/);
  });

  it('applies an adopted signature to each box only as an exact copy of what was adopted', () => {
    const { db, newSha } = vaultAt130();
    applyMigration(db, 140);
    adopt(db, { id: 'a-p', consentId: 'k-new', role: 'patient', signer: '陳美玲', documentSha256: newSha });
    expect(() => apply(db, 's-forged', 'k-new', 'procedure', newSha, 'a-p', '別人')).toThrow(/must be the adopted one/);
    apply(db, 's-proc', 'k-new', 'procedure', newSha, 'a-p', '陳美玲');
    apply(db, 's-anaes', 'k-new', 'anaesthesia', newSha, 'a-p', '陳美玲');
    expect(rowsOf(db, 'consent_signatures', 'id').filter((s) => s.adoption_id === 'a-p').map((s) => s.form)).toEqual(['anaesthesia', 'procedure']);
    expect(foreignKeyViolations(db)).toEqual([]);
  });
});
