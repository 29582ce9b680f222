import { describe, expect, it } from 'vitest';
import {
  addClinicTeam, addComplaint, addFollowUpAttempt, addFollowUpOutcome, addFollowUpVisit, addPatient, addStaff, addTreatedPatient, appendAuditEvent,
  applyMigration, AT, countOf, databaseBefore, foreignKeyViolations, PATIENT_MEI, PATIENT_YU, planUses, rowsOf, schemaObjects, TEAM, type Database,
} from './support';

/**
 * A version-120 vault: 陳美玲's day-1 outcome was saved by the old form after an unanswered call (no contact), and the
 * audit trail names patients in each of the ways 0130's backfill reads.
 */
function vaultAt120() {
  const db = databaseBefore(130);
  addClinicTeam(db);
  addStaff(db, { id: 'staff-dr-lee', name: '李醫師', role: 'physician' });
  addPatient(db, PATIENT_MEI);
  addPatient(db, PATIENT_YU);
  const mei = addTreatedPatient(db, PATIENT_MEI.id, 'mei');
  addFollowUpAttempt(db, { id: 'attempt-d1-no-answer', visitId: mei.visitId, result: 'no_answer' });
  addFollowUpOutcome(db, mei.visitId, 0);
  addFollowUpVisit(db, { id: 'visit-mei-d0', treatmentId: mei.treatmentId, levelId: 'd0', dueDate: '2026-03-01', dayOffset: 0 });
  addComplaint(db, { id: 'complaint-yu', refNo: 'CP-2026-007', patientId: PATIENT_YU.id });
  addComplaint(db, { id: 'complaint-anonymous', refNo: 'CP-2026-008', patientId: null });
  const events = {
    vault: appendAuditEvent(db, { action: 'vault.opened', subjectType: 'vault', subjectId: 'vault-7f3a' }),
    patient: appendAuditEvent(db, { action: 'patient.viewed', subjectType: 'patient', subjectId: PATIENT_MEI.id }),
    consultation: appendAuditEvent(db, { action: 'consultation.disclosed', subjectType: 'consultation', subjectId: mei.consultationId }),
    consent: appendAuditEvent(db, { action: 'consent.signed', subjectType: 'consent', subjectId: mei.consentId }),
    treatment: appendAuditEvent(db, { action: 'treatment.recorded', subjectType: 'treatment', subjectId: mei.treatmentId }),
    visit: appendAuditEvent(db, { action: 'follow_up.outcome_recorded', subjectType: 'follow_up_visit', subjectId: mei.visitId }),
    complaint: appendAuditEvent(db, { action: 'complaint.received', subjectType: 'complaint', subjectId: 'complaint-yu' }),
    anonymous: appendAuditEvent(db, { action: 'complaint.received', subjectType: 'complaint', subjectId: 'complaint-anonymous' }),
    detailsPatient: appendAuditEvent(db, { action: 'communication.corrected', subjectType: 'communication', subjectId: 'msg-1', details: { patientId: PATIENT_YU.id } }),
    search: appendAuditEvent(db, { action: 'patient.searched', details: { query: '陳', resultIds: [PATIENT_MEI.id, PATIENT_YU.id] } }),
    numericPatientId: appendAuditEvent(db, { action: 'settings.changed', subjectType: 'settings', subjectId: '1', details: { patientId: 42 } }),
  };
  return { db, mei, events };
}

function provenance(db: Database, visitId: string, form: 'prefilled_defaults' | 'blank_form', attemptId: string | null): void {
  db.prepare('INSERT INTO follow_up_outcome_provenance (visit_id, form, contact_attempt_id, marked_at) VALUES (?, ?, ?, ?)').run(visitId, form, attemptId, AT);
}

describe('migration 0130 clinic-safety', () => {
  it('marks every outcome already stored as recorded on the pre-filled form, and keeps the outcome itself', () => {
    const { db, mei } = vaultAt120();
    const outcomes = rowsOf(db, 'follow_up_outcomes');
    applyMigration(db, 130);
    expect(rowsOf(db, 'follow_up_outcomes')).toEqual(outcomes);
    const rows = rowsOf(db, 'follow_up_outcome_provenance') as { visit_id: string; form: string; contact_attempt_id: string | null; marked_at: string }[];
    expect(rows).toEqual([{ visit_id: mei.visitId, form: 'prefilled_defaults', contact_attempt_id: null, marked_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) }]);
    expect(() => db.prepare(`UPDATE follow_up_outcome_provenance SET form = 'blank_form'`).run()).toThrow(/never changes/);
    expect(() => db.prepare('DELETE FROM follow_up_outcome_provenance').run()).toThrow(/never deleted/);
    expect(foreignKeyViolations(db)).toEqual([]);
  });

  it('backfills which patients each past audit event names, from subjects, details.patientId and search results', () => {
    const { db, events } = vaultAt120();
    applyMigration(db, 130);
    const expected = [
      [PATIENT_MEI.id, events.patient], [PATIENT_MEI.id, events.consultation], [PATIENT_MEI.id, events.consent], [PATIENT_MEI.id, events.treatment],
      [PATIENT_MEI.id, events.visit], [PATIENT_MEI.id, events.search],
      [PATIENT_YU.id, events.complaint], [PATIENT_YU.id, events.detailsPatient], [PATIENT_YU.id, events.search],
    ].map(([patient_id, seq]) => ({ patient_id, seq }));
    expect(rowsOf(db, 'audit_event_patients')).toEqual(expected);
    expect(planUses(db, 'SELECT seq FROM audit_event_patients WHERE patient_id = ? ORDER BY seq', 'PRIMARY KEY', PATIENT_MEI.id)).toBe(true);
    expect(schemaObjects(db, 'index')).toEqual(expect.arrayContaining(['audit_event_patients_seq', 'audit_events_action_seq', 'audit_events_actor_seq', 'audit_events_at']));
  });

  it('names the patients of each new audit event as it is appended, once each', () => {
    const { db, mei } = vaultAt120();
    applyMigration(db, 130);
    const seq = appendAuditEvent(db, { action: 'consent.viewed', subjectType: 'consent', subjectId: mei.consentId, details: { patientId: PATIENT_MEI.id } });
    const other = appendAuditEvent(db, { action: 'staff.added', subjectType: 'staff', subjectId: TEAM.nurse });
    expect(rowsOf(db, 'audit_event_patients').filter((r) => r.seq === seq || r.seq === other)).toEqual([{ patient_id: PATIENT_MEI.id, seq }]);
  });

  it('records a new outcome only after a call that reached the patient, and ties its provenance to that call', () => {
    const { db, mei } = vaultAt120();
    applyMigration(db, 130);
    addFollowUpAttempt(db, { id: 'attempt-d0-busy', visitId: 'visit-mei-d0', result: 'busy' });
    expect(() => addFollowUpOutcome(db, 'visit-mei-d0')).toThrow(/needs a successful contact/);
    addFollowUpAttempt(db, { id: 'attempt-d0-reached', visitId: 'visit-mei-d0', result: 'reached' });
    addFollowUpOutcome(db, 'visit-mei-d0');

    expect(() => provenance(db, 'visit-mei-d0', 'blank_form', null)).toThrow(/the contact must be a reached attempt of this visit/);
    expect(() => provenance(db, 'visit-mei-d0', 'blank_form', 'attempt-d0-busy')).toThrow(/the contact must be a reached attempt of this visit/);
    expect(() => provenance(db, 'visit-mei-d0', 'blank_form', 'attempt-d1-no-answer')).toThrow(/the contact must be a reached attempt of this visit/);
    provenance(db, 'visit-mei-d0', 'blank_form', 'attempt-d0-reached');
    expect(countOf(db, 'follow_up_outcome_provenance', 'visit_id = ?', mei.visitId)).toBe(1);
  });

  it("takes a risk-flag assessment only from the consultation's operating physician, once per flag", () => {
    const { db, mei } = vaultAt120();
    applyMigration(db, 130);
    const assess = db.prepare(
      `INSERT INTO consultation_flag_assessments (id, consultation_id, flag_kind, flag_key, assessment, physician_id, assessed_at, recorded_by)
       VALUES (?, ?, 'contraindication', 'anticoagulant', '已停藥七天，可手術', ?, ?, ?)`,
    );
    expect(() => assess.run('fa0', mei.consultationId, 'staff-dr-lee', AT, 'staff-dr-lee')).toThrow(/only the operating physician assesses/);
    assess.run('fa1', mei.consultationId, TEAM.physician, AT, TEAM.physician);
    expect(() => assess.run('fa2', mei.consultationId, TEAM.physician, AT, TEAM.physician)).toThrow(/UNIQUE/);
    expect(() => db.prepare(`UPDATE consultation_flag_assessments SET assessment = 'x'`).run()).toThrow(/never changes/);
    expect(() => db.prepare('DELETE FROM consultation_flag_assessments').run()).toThrow(/never deleted/);
  });
});
