import { describe, expect, it } from 'vitest';
import {
  addAttachment, addClinicTeam, addConsultation, addPatient, addPhoto, AT, appendAuditEvent, applyMigration, countOf, databaseBefore, foreignKeyViolations,
  PATIENT_MEI, rowsOf, TEAM,
} from './support';

function vaultAt40() {
  const db = databaseBefore(50);
  addClinicTeam(db);
  addPatient(db, PATIENT_MEI);
  appendAuditEvent(db, { action: 'patient.created', subjectType: 'patient', subjectId: PATIENT_MEI.id });
  return db;
}

describe('migration 0050 consultations', () => {
  it('keeps the patients, catalogue and audit trail of a version-40 vault', () => {
    const db = vaultAt40();
    const before = ['patients', 'procedures', 'disclosure_templates', 'audit_events'].map((t) => rowsOf(db, t));
    applyMigration(db, 50);
    expect(['patients', 'procedures', 'disclosure_templates', 'audit_events'].map((t) => rowsOf(db, t))).toEqual(before);
    addConsultation(db, { id: 'c1', patientId: PATIENT_MEI.id });
    expect(foreignKeyViolations(db)).toEqual([]);
  });

  it('lets a draft consultation change, and freezes what was disclosed once it leaves draft', () => {
    const db = vaultAt40();
    applyMigration(db, 50);
    addConsultation(db, { id: 'c1', patientId: PATIENT_MEI.id });
    db.prepare(`UPDATE consultations SET goals = '希望眼型自然' WHERE id = 'c1'`).run();
    db.prepare(`UPDATE consultations SET status = 'disclosed', disclosed_at = ?, comprehension_passed_at = ? WHERE id = 'c1'`).run(AT, AT);

    expect(() => db.prepare(`UPDATE consultations SET screening = '{}' WHERE id = 'c1'`).run()).toThrow(/cannot change what was disclosed/);
    expect(() => db.prepare(`UPDATE consultations SET disclosed_at = NULL WHERE id = 'c1'`).run()).toThrow(/cannot change what was disclosed/);
    // Progress through the workflow is still recorded.
    db.prepare(`UPDATE consultations SET status = 'patient_signed', updated_at = ? WHERE id = 'c1'`).run(AT);
    expect(db.prepare(`SELECT status, goals FROM consultations WHERE id = 'c1'`).get()).toEqual({ status: 'patient_signed', goals: '希望眼型自然' });
    expect(() => db.prepare(`DELETE FROM consultations WHERE id = 'c1'`).run()).toThrow(/never deleted/);
  });

  it('keeps risk acknowledgements and attachments as recorded', () => {
    const db = vaultAt40();
    applyMigration(db, 50);
    addConsultation(db, { id: 'c1', patientId: PATIENT_MEI.id });
    db.prepare(
      `INSERT INTO risk_acknowledgements (consultation_id, risk_id, explained_at, acknowledged_at, method, questions, recorded_by)
       VALUES ('c1', 'asymmetry', ?, ?, 'patient_reading_mode', NULL, ?)`,
    ).run(AT, AT, TEAM.consultant);
    expect(() => db.prepare(`UPDATE risk_acknowledgements SET questions = 'x'`).run()).toThrow(/never changed/);
    expect(() => db.prepare('DELETE FROM risk_acknowledgements').run()).toThrow(/never deleted/);
    expect(() =>
      db.prepare(`INSERT INTO risk_acknowledgements (consultation_id, risk_id, explained_at, acknowledged_at, method, recorded_by) VALUES ('c1', 'scar', ?, ?, 'nod', ?)`).run(AT, AT, TEAM.consultant),
    ).toThrow(/CHECK/);

    const sha = addAttachment(db, 'scan of the quote');
    expect(() => db.prepare(`UPDATE attachments SET mime = 'image/png' WHERE sha256 = ?`).run(sha)).toThrow(/content-addressed and immutable/);
  });

  it('links photos to an existing attachment, patient and consultation', () => {
    const db = vaultAt40();
    applyMigration(db, 50);
    addConsultation(db, { id: 'c1', patientId: PATIENT_MEI.id });
    addPhoto(db, { id: 'photo-before', patientId: PATIENT_MEI.id, consultationId: 'c1', kind: 'before' });
    expect(countOf(db, 'photos', 'consultation_id = ?', 'c1')).toBe(1);
    expect(() =>
      db.prepare(
        `INSERT INTO photos (id, patient_id, consultation_id, kind, sha256, captured_at, marketing_consent, created_at, created_by) VALUES ('p2', ?, 'c1', 'before', ?, ?, 0, ?, ?)`,
      ).run(PATIENT_MEI.id, 'e'.repeat(64), AT, AT, TEAM.nurse),
    ).toThrow(/FOREIGN KEY/);
    expect(foreignKeyViolations(db)).toEqual([]);
  });
});
