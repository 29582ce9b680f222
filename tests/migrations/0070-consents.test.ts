import { describe, expect, it } from 'vitest';
import {
  addClinicTeam, addConsentDocument, addConsultation, addPatient, addSignature, AT, applyMigration, databaseBefore, foreignKeyViolations, issueConsent,
  PATIENT_MEI, pngOf, rowsOf, sha256Hex, signConsentFully, strokesOf, TEAM,
} from './support';

function vaultAt61() {
  const db = databaseBefore(70);
  addClinicTeam(db);
  addPatient(db, PATIENT_MEI);
  addConsultation(db, { id: 'c1', patientId: PATIENT_MEI.id, status: 'disclosed' });
  addConsultation(db, { id: 'c2', patientId: PATIENT_MEI.id, status: 'disclosed' });
  return db;
}

function withdraw(db: ReturnType<typeof vaultAt61>, id: string, consentId: string): void {
  const strokes = strokesOf('陳美玲');
  db.prepare(
    `INSERT INTO consent_withdrawals (id, consent_id, reason, signer_role, signer_name, strokes, strokes_sha256, png, png_sha256, binding_sha256, at, recorded_by)
     VALUES (?, ?, '改變心意', 'patient', '陳美玲', ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, consentId, strokes, sha256Hex(strokes), pngOf('陳美玲'), sha256Hex(pngOf('陳美玲')), sha256Hex(`withdraw:${consentId}`), AT, TEAM.consultant);
}

describe('migration 0070 consents', () => {
  it('keeps the consultations of a version-61 vault', () => {
    const db = vaultAt61();
    const before = rowsOf(db, 'consultations');
    applyMigration(db, 70);
    expect(rowsOf(db, 'consultations')).toEqual(before);
  });

  it('binds every signature to the document as issued', () => {
    const db = vaultAt61();
    applyMigration(db, 70);
    const sha = issueConsent(db, { id: 'k1', consultationId: 'c1', patientId: PATIENT_MEI.id });
    const other = addConsentDocument(db, 'some other PDF');
    expect(() => addSignature(db, { id: 's1', consentId: 'k1', role: 'patient', documentSha256: other })).toThrow(/bind to the issued document/);
    addSignature(db, { id: 's1', consentId: 'k1', role: 'patient', documentSha256: sha });
    expect(() => addSignature(db, { id: 's2', consentId: 'k1', role: 'patient', documentSha256: sha })).toThrow(/UNIQUE/);
    expect(() => db.prepare(`UPDATE consent_signatures SET signer_name = 'x'`).run()).toThrow(/never changes/);
    expect(() => db.prepare('DELETE FROM consent_signatures').run()).toThrow(/never deleted/);
    expect(foreignKeyViolations(db)).toEqual([]);
  });

  it('fixes what was issued, and locks a fully signed consent against changes and further signatures', () => {
    const db = vaultAt61();
    applyMigration(db, 70);
    const sha = issueConsent(db, { id: 'k1', consultationId: 'c1', patientId: PATIENT_MEI.id });
    expect(() => db.prepare(`UPDATE consents SET forms = '["procedure","anaesthesia"]' WHERE id = 'k1'`).run()).toThrow(/what was issued never changes/);
    // fully_signed without the final PDF breaks the status/final pairing.
    expect(() => db.prepare(`UPDATE consents SET status = 'fully_signed' WHERE id = 'k1'`).run()).toThrow(/CHECK/);
    db.prepare(`UPDATE consents SET status = 'patient_signed' WHERE id = 'k1'`).run();
    expect(() => db.prepare(`UPDATE consents SET status = 'issued' WHERE id = 'k1'`).run()).toThrow(/what was issued never changes/);

    const finalSha = signConsentFully(db, 'k1', sha);
    expect(db.prepare(`SELECT status, final_sha256 FROM consents WHERE id = 'k1'`).get()).toEqual({ status: 'fully_signed', final_sha256: finalSha });
    expect(() => db.prepare(`UPDATE consents SET expires_at = ? WHERE id = 'k1'`).run(AT)).toThrow(/fully signed consent is locked/);
    expect(() => addSignature(db, { id: 's9', consentId: 'k1', role: 'witness', signerName: '護理師見證', documentSha256: sha })).toThrow(/fully signed consent is locked/);
    expect(() => db.prepare('DELETE FROM consents').run()).toThrow(/never deleted/);
    expect(() => db.prepare('UPDATE consent_documents SET page_count = 4').run()).toThrow(/never changes/);
    expect(() => db.prepare('DELETE FROM consent_documents').run()).toThrow(/never deleted/);
  });

  it('checks that a stored document is as long as its bytes say and is named by a SHA-256', () => {
    const db = vaultAt61();
    applyMigration(db, 70);
    const insert = db.prepare('INSERT INTO consent_documents (sha256, bytes, size, page_count, created_at) VALUES (?, ?, ?, 1, ?)');
    expect(() => insert.run('a'.repeat(64), Buffer.from('%PDF'), 99, AT)).toThrow(/CHECK/);
    expect(() => insert.run('short', Buffer.from('%PDF'), 4, AT)).toThrow(/CHECK/);
  });

  it('records one withdrawal and one cooling-off override per consultation, never changed', () => {
    const db = vaultAt61();
    applyMigration(db, 70);
    issueConsent(db, { id: 'k2', consultationId: 'c2', patientId: PATIENT_MEI.id });
    withdraw(db, 'w1', 'k2');
    expect(() => withdraw(db, 'w2', 'k2')).toThrow(/UNIQUE/);
    expect(() => db.prepare(`UPDATE consent_withdrawals SET reason = 'x'`).run()).toThrow(/never changes/);

    const override = db.prepare(
      `INSERT INTO cooling_off_overrides (id, consultation_id, physician_id, reason, cooling_off_ends_at, at, recorded_by) VALUES (?, 'c1', ?, ?, ?, ?, ?)`,
    );
    expect(() => override.run('o0', TEAM.physician, '', AT, AT, TEAM.physician)).toThrow(/CHECK/);
    override.run('o1', TEAM.physician, '病人已充分考慮，出國前需完成', AT, AT, TEAM.physician);
    expect(() => db.prepare('DELETE FROM cooling_off_overrides').run()).toThrow(/never deleted/);
    expect(foreignKeyViolations(db)).toEqual([]);
  });
});
