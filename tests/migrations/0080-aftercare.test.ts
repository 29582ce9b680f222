import { describe, expect, it } from 'vitest';
import {
  addCalendarDay, addClinicTeam, addComplaint, addComplaintClock, addComplaintEntry, addConsultation, addFollowUpAttempt, addFollowUpOutcome,
  addFollowUpVisit, addPatient, addPhoto, addSignedConsultation, addTreatment, AT, applyMigration, closeComplaint, databaseBefore, foreignKeyViolations,
  issueConsent, PATIENT_MEI, pngOf, resolveAndReviewComplaint, rowsOf, sha256Hex, strokesOf, TEAM,
} from './support';

function vaultAt70() {
  const db = databaseBefore(80);
  addClinicTeam(db);
  addPatient(db, PATIENT_MEI);
  const signed = addSignedConsultation(db, PATIENT_MEI.id, 'eyelid');
  addConsultation(db, { id: 'c-unsigned', patientId: PATIENT_MEI.id, status: 'disclosed' });
  issueConsent(db, { id: 'k-unsigned', consultationId: 'c-unsigned', patientId: PATIENT_MEI.id });
  addPhoto(db, { id: 'photo-before', patientId: PATIENT_MEI.id, consultationId: signed.consultationId, kind: 'before' });
  return { db, ...signed };
}

function withdraw(db: ReturnType<typeof vaultAt70>['db'], consentId: string): void {
  const strokes = strokesOf('陳美玲');
  db.prepare(
    `INSERT INTO consent_withdrawals (id, consent_id, reason, signer_role, signer_name, strokes, strokes_sha256, png, png_sha256, binding_sha256, at, recorded_by)
     VALUES (?, ?, '改變心意', 'patient', '陳美玲', ?, ?, ?, ?, ?, ?, ?)`,
  ).run(`w-${consentId}`, consentId, strokes, sha256Hex(strokes), pngOf('x'), sha256Hex(pngOf('x')), sha256Hex(consentId), AT, TEAM.consultant);
}

describe('migration 0080 aftercare', () => {
  it('keeps the consents, signatures and photos of a version-70 vault', () => {
    const { db } = vaultAt70();
    const before = ['consents', 'consent_signatures', 'consent_documents', 'photos'].map((t) => rowsOf(db, t));
    applyMigration(db, 80);
    expect(['consents', 'consent_signatures', 'consent_documents', 'photos'].map((t) => rowsOf(db, t))).toEqual(before);
  });

  it('records a treatment only on its own fully signed, unwithdrawn consent, and then no withdrawal', () => {
    const { db, consultationId, consentId } = vaultAt70();
    applyMigration(db, 80);
    expect(() => addTreatment(db, { id: 't0', consultationId: 'c-unsigned', consentId: 'k-unsigned', patientId: PATIENT_MEI.id })).toThrow(/fully signed consent/);
    // Another consultation's consent does not count.
    expect(() => addTreatment(db, { id: 't0', consultationId: 'c-unsigned', consentId, patientId: PATIENT_MEI.id })).toThrow(/fully signed consent/);
    addTreatment(db, { id: 't1', consultationId, consentId, patientId: PATIENT_MEI.id });
    expect(() => withdraw(db, consentId)).toThrow(/cannot be withdrawn after the treatment/);
    expect(() => db.prepare(`UPDATE treatments SET intra_op_notes = 'x'`).run()).toThrow(/never changes; append a correction/);
    expect(() => db.prepare('DELETE FROM treatments').run()).toThrow(/never deleted/);
    expect(foreignKeyViolations(db)).toEqual([]);
  });

  it('keeps a follow-up visit to its plan, locks it when done, and takes an outcome only once it is due', () => {
    const { db, consultationId, consentId } = vaultAt70();
    applyMigration(db, 80);
    addTreatment(db, { id: 't1', consultationId, consentId, patientId: PATIENT_MEI.id });
    addFollowUpVisit(db, { id: 'v-d1', treatmentId: 't1', levelId: 'd1', dueDate: '2026-03-02' });
    addFollowUpVisit(db, { id: 'v-d30', treatmentId: 't1', levelId: 'd30', dueDate: '2026-03-31', dayOffset: 30 });

    db.prepare(`UPDATE follow_up_visits SET assigned_to = ? WHERE id = 'v-d1'`).run(TEAM.consultant);
    expect(() => db.prepare(`UPDATE follow_up_visits SET due_date = '2026-03-03' WHERE id = 'v-d1'`).run()).toThrow(/keeps its plan/);
    expect(() => addFollowUpOutcome(db, 'v-d30')).toThrow(/not due yet/);

    addFollowUpAttempt(db, { id: 'a1', visitId: 'v-d1', result: 'reached' });
    addFollowUpOutcome(db, 'v-d1');
    db.prepare(`UPDATE follow_up_visits SET done_at = ? WHERE id = 'v-d1'`).run(AT);
    expect(() => db.prepare(`UPDATE follow_up_visits SET assigned_to = ? WHERE id = 'v-d1'`).run(TEAM.nurse)).toThrow(/done visit is locked/);
    expect(() => addFollowUpAttempt(db, { id: 'a2', visitId: 'v-d1', result: 'no_answer' })).toThrow(/the visit is done/);
    expect(() => db.prepare('UPDATE follow_up_outcomes SET pain = 9').run()).toThrow(/never changes/);
    expect(() => db.prepare('DELETE FROM follow_up_visits').run()).toThrow(/never deleted/);
  });

  it('closes a complaint only after a resolution and a root-cause review, and then locks it', () => {
    const { db } = vaultAt70();
    applyMigration(db, 80);
    addComplaint(db, { id: 'cp1', refNo: 'CP-2026-001', patientId: PATIENT_MEI.id });
    addComplaintEntry(db, { id: 'e1', complaintId: 'cp1' });
    addComplaintClock(db, { id: 'clock1', complaintId: 'cp1' });
    expect(() => db.prepare(`UPDATE complaints SET patient_says = '改寫' WHERE id = 'cp1'`).run()).toThrow(/what was received never changes/);
    expect(() => closeComplaint(db, 'cp1')).toThrow(/only after a resolution and a root-cause review/);

    db.prepare(`UPDATE complaint_clocks SET met_at = ?, met_by_entry_id = 'e1' WHERE id = 'clock1'`).run(AT);
    expect(() => db.prepare(`UPDATE complaint_clocks SET met_at = ? WHERE id = 'clock1'`).run('2026-03-03T00:00:00.000Z')).toThrow(/met only once/);

    resolveAndReviewComplaint(db, 'cp1');
    closeComplaint(db, 'cp1');
    expect(() => addComplaintEntry(db, { id: 'e2', complaintId: 'cp1' })).toThrow(/closed complaint is locked/);
    expect(() => db.prepare(`UPDATE complaints SET severity = 'high' WHERE id = 'cp1'`).run()).toThrow(/closed complaint is locked/);
    expect(foreignKeyViolations(db)).toEqual([]);
  });

  it('records a privacy incident notification once, and a clinic calendar of named days', () => {
    const { db } = vaultAt70();
    applyMigration(db, 80);
    addCalendarDay(db, '2026-02-16', '春節');
    expect(() => addCalendarDay(db, '2026-2-16', '春節')).toThrow(/CHECK/);
    db.prepare(
      `INSERT INTO privacy_incidents (id, ref_no, what_happened, people_affected, data_kinds, discovered_at, containment, due_at, reported_by, created_at, status)
       VALUES ('pi1', 'PI-001', '病歷影本寄錯', 1, '["medical"]', ?, '已聯絡收件人銷毀', '2026-03-05T01:00:00.000Z', ?, ?, 'open')`,
    ).run(AT, TEAM.admin, AT);
    const notify = db.prepare(
      `UPDATE privacy_incidents SET notified_at = ?, notified_authority = ?, patients_notified = 1, notification_note = '已通報', notification_recorded_by = ? WHERE id = 'pi1'`,
    );
    notify.run(AT, '衛生局', TEAM.admin);
    expect(() => notify.run(AT, '個資主管機關', TEAM.admin)).toThrow(/never changes/);
    expect(() => db.prepare(`UPDATE privacy_incidents SET what_happened = 'x'`).run()).toThrow(/never changes/);
    expect(() => db.prepare('DELETE FROM privacy_incidents').run()).toThrow(/never deleted/);
  });
});
