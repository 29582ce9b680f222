import { describe, expect, it } from 'vitest';
import {
  addClinicTeam, addCommunication, addComplaint, addConsultation, addFollowUpAttempt, addFollowUpOutcome, addPatient, addPhoto, addPrivacyIncident,
  addStaff, addTreatedPatient, AT, applyMigration, countOf, databaseBefore, foreignKeyViolations, indexPatient, PATIENT_MEI, PATIENT_YU, rowsOf, sha256Hex,
  TEAM, type Database,
} from './support';

/** A version-110 vault: 陳美玲 treated and followed up, with a LINE message and a correction; 林宜蓁 has an open complaint. */
function vaultAt110() {
  const db = databaseBefore(120);
  addClinicTeam(db);
  addStaff(db, { id: 'staff-admin-retired', name: 'Retired Admin', role: 'admin', active: false });
  for (const p of [PATIENT_MEI, PATIENT_YU]) {
    addPatient(db, p);
    indexPatient(db, p);
  }
  db.prepare('INSERT INTO patient_revisions (patient_id, version, changed_at, changed_by, changes) VALUES (?, 2, ?, ?, ?)').run(PATIENT_MEI.id, AT, TEAM.nurse, '{"phone":{}}');
  const treated = addTreatedPatient(db, PATIENT_MEI.id, 'mei');
  addFollowUpAttempt(db, { id: 'attempt-mei', visitId: treated.visitId, result: 'reached' });
  addFollowUpOutcome(db, treated.visitId);
  addPhoto(db, { id: 'photo-mei', patientId: PATIENT_MEI.id, consultationId: treated.consultationId, kind: 'before' });
  addCommunication(db, { id: 'msg-mei', patientId: PATIENT_MEI.id });
  db.prepare(`INSERT INTO communication_corrections (id, communication_id, text, staff_id, created_at) VALUES ('fix-mei', 'msg-mei', '更正時間', ?, ?)`).run(TEAM.consultant, AT);
  addComplaint(db, { id: 'complaint-yu', refNo: 'CP-2026-007', patientId: PATIENT_YU.id });
  return { db, treated };
}

const PROTECTED = ['patient_revisions', 'consultations', 'consents', 'consent_signatures', 'consent_documents', 'communications', 'communication_corrections',
  'treatments', 'follow_up_visits', 'follow_up_attempts', 'follow_up_outcomes', 'complaints'];

function propose(db: Database, id: string, patientId: string, by: string = TEAM.admin): void {
  db.prepare('INSERT INTO destruction_proposals (id, patient_id, retention_date, last_entry_at, proposed_by, proposed_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    id, patientId, '2026-01-01', AT, by, AT,
  );
}
function approve(db: Database, proposalId: string, patientId: string, by: string = TEAM.secondAdmin): void {
  db.prepare('INSERT INTO destruction_approvals (proposal_id, patient_id, approved_by, approved_at) VALUES (?, ?, ?, ?)').run(proposalId, patientId, by, AT);
}
function listDestroyed(db: Database, kind: string, recordId: string, sha256: string | null = null): void {
  db.prepare('INSERT INTO destroyed_records (patient_id, kind, record_id, parent_id, sha256, bytes) VALUES (?, ?, ?, NULL, ?, NULL)').run(PATIENT_MEI.id, kind, recordId, sha256);
}

/** What the retention store does for an approved destruction: list, delete child before parent, blank the patient, tombstone. */
function destroyMei(db: Database): void {
  const pid = PATIENT_MEI.id;
  for (const { sha256 } of db.prepare(`SELECT document_sha256 AS sha256 FROM consents WHERE patient_id = ? UNION SELECT final_sha256 FROM consents WHERE patient_id = ? AND final_sha256 IS NOT NULL`).all(pid, pid) as { sha256: string }[]) {
    listDestroyed(db, 'consent_document', sha256, sha256);
  }
  listDestroyed(db, 'consultation', 'consultation-mei');
  const treatmentOf = `(SELECT id FROM treatments WHERE patient_id = '${pid}')`;
  const visitsOf = `(SELECT id FROM follow_up_visits WHERE treatment_id IN ${treatmentOf})`;
  const consentsOf = `(SELECT id FROM consents WHERE patient_id = '${pid}')`;
  db.exec(`
    DELETE FROM follow_up_outcomes WHERE visit_id IN ${visitsOf};
    DELETE FROM follow_up_attempts WHERE visit_id IN ${visitsOf};
    DELETE FROM follow_up_visits WHERE id IN ${visitsOf};
    DELETE FROM treatments WHERE patient_id = '${pid}';
    DELETE FROM consent_signatures WHERE consent_id IN ${consentsOf};
    CREATE TEMP TABLE doomed_documents AS SELECT document_sha256 AS sha FROM consents WHERE patient_id = '${pid}' UNION SELECT final_sha256 FROM consents WHERE patient_id = '${pid}';
    DELETE FROM consents WHERE patient_id = '${pid}';
    DELETE FROM consent_documents WHERE sha256 IN (SELECT sha FROM doomed_documents);
    DELETE FROM communication_corrections WHERE communication_id IN (SELECT id FROM communications WHERE patient_id = '${pid}');
    DELETE FROM communications WHERE patient_id = '${pid}';
    DELETE FROM photos WHERE patient_id = '${pid}';
    DELETE FROM consultations WHERE patient_id = '${pid}';
    DELETE FROM patient_revisions WHERE patient_id = '${pid}';
    DELETE FROM patient_search WHERE rowid = (SELECT search_rowid FROM patient_search_keys WHERE patient_id = '${pid}');
    DELETE FROM patient_search_keys WHERE patient_id = '${pid}';
    DELETE FROM patient_name_grams WHERE patient_id = '${pid}';
    UPDATE patients SET name_zh = '', name_en = NULL, phone = '', phone_digits = '', allergies = NULL WHERE id = '${pid}';
  `);
  db.prepare(
    `INSERT INTO destruction_tombstones (patient_id, proposal_id, chart_no, counts, proposed_by, approved_by, destroyed_at, method)
     VALUES (?, 'proposal-mei', ?, '{"consultations":1}', ?, ?, ?, 'secure_delete')`,
  ).run(pid, PATIENT_MEI.chartNo, TEAM.admin, TEAM.secondAdmin, AT);
}

describe('migration 0120 retention', () => {
  it('keeps every record of a version-110 vault and turns on secure delete for the search index', () => {
    const { db } = vaultAt110();
    const before = PROTECTED.map((t) => rowsOf(db, t));
    applyMigration(db, 120);
    expect(PROTECTED.map((t) => rowsOf(db, t))).toEqual(before);
    expect(db.prepare(`SELECT v FROM patient_search_config WHERE k = 'secure-delete'`).get()).toEqual({ v: 1 });
    expect(foreignKeyViolations(db)).toEqual([]);
  });

  it('still refuses to delete protected records when no destruction is approved', () => {
    const { db } = vaultAt110();
    applyMigration(db, 120);
    for (const table of ['consultations', 'consents', 'consent_signatures', 'consent_documents', 'communications', 'communication_corrections', 'treatments',
      'follow_up_visits', 'follow_up_attempts', 'follow_up_outcomes', 'patient_revisions', 'complaints']) {
      expect(() => db.prepare(`DELETE FROM ${table}`).run(), table).toThrow(/only an approved destruction removes it/);
    }
    expect(() => db.prepare('DELETE FROM patients').run()).toThrow(/never deleted/);
  });

  it('lets only an active administrator propose, and never for records under a legal hold', () => {
    const { db } = vaultAt110();
    applyMigration(db, 120);
    expect(() => propose(db, 'p-nurse', PATIENT_MEI.id, TEAM.nurse)).toThrow(/only an active administrator proposes/);
    expect(() => propose(db, 'p-retired', PATIENT_MEI.id, 'staff-admin-retired')).toThrow(/only an active administrator proposes/);
    // 林宜蓁's open complaint holds her records.
    expect(() => propose(db, 'p-yu', PATIENT_YU.id)).toThrow(/under a legal hold/);

    db.prepare(`INSERT INTO retention_holds (id, patient_id, reason, placed_by, placed_at) VALUES ('hold-1', ?, '律師函', ?, ?)`).run(PATIENT_MEI.id, TEAM.admin, AT);
    expect(() => propose(db, 'p-mei', PATIENT_MEI.id)).toThrow(/under a legal hold/);
    db.prepare(`INSERT INTO retention_hold_releases (hold_id, reason, released_by, released_at) VALUES ('hold-1', '和解', ?, ?)`).run(TEAM.admin, AT);
    addPrivacyIncident(db, 'pi-open');
    expect(() => propose(db, 'p-mei', PATIENT_MEI.id)).toThrow(/under a legal hold/);
    db.prepare(`UPDATE privacy_incidents SET status = 'closed', closed_at = ?, closed_by = ?, closing_summary = '已處理' WHERE id = 'pi-open'`).run(AT, TEAM.admin);
    propose(db, 'p-mei', PATIENT_MEI.id);
    expect(() => db.prepare(`UPDATE retention_holds SET reason = 'x'`).run()).toThrow(/a legal hold is never changed/);
    expect(() => db.prepare('DELETE FROM retention_hold_releases').run()).toThrow(/never deleted/);
  });

  it('needs a second active administrator to approve a standing proposal for the same patient', () => {
    const { db } = vaultAt110();
    applyMigration(db, 120);
    propose(db, 'proposal-mei', PATIENT_MEI.id);
    expect(() => approve(db, 'proposal-mei', PATIENT_MEI.id, TEAM.admin)).toThrow(/second active administrator/);
    const wu = { id: 'patient-wu-jia', chartNo: 'A000125', nameZh: '吳佳穎' };
    addPatient(db, wu);
    expect(() => approve(db, 'proposal-mei', wu.id)).toThrow(/second active administrator/);
    expect(() => approve(db, 'proposal-mei', PATIENT_MEI.id, TEAM.physician)).toThrow(/second active administrator/);

    propose(db, 'proposal-withdrawn', PATIENT_MEI.id);
    db.prepare(`INSERT INTO destruction_proposal_withdrawals (proposal_id, reason, withdrawn_by, withdrawn_at) VALUES ('proposal-withdrawn', '病人回診', ?, ?)`).run(TEAM.admin, AT);
    expect(() => approve(db, 'proposal-withdrawn', PATIENT_MEI.id)).toThrow(/second active administrator/);

    approve(db, 'proposal-mei', PATIENT_MEI.id);
    expect(() =>
      db.prepare(`INSERT INTO destruction_proposal_withdrawals (proposal_id, reason, withdrawn_by, withdrawn_at) VALUES ('proposal-mei', '改變', ?, ?)`).run(TEAM.admin, AT),
    ).toThrow(/an approved destruction is not withdrawn/);
  });

  it("carries out an approved destruction, then closes the path again and keeps the patient's anchor fixed", () => {
    const { db } = vaultAt110();
    applyMigration(db, 120);
    expect(() => listDestroyed(db, 'consultation', 'consultation-mei')).toThrow(/only during an approved destruction/);
    propose(db, 'proposal-mei', PATIENT_MEI.id);
    approve(db, 'proposal-mei', PATIENT_MEI.id);
    const yuBefore = ['patients', 'complaints', 'patient_name_grams', 'patient_search_keys'].map((t) => rowsOf(db, t).filter((r) => r.patient_id === PATIENT_YU.id || r.id === PATIENT_YU.id));

    destroyMei(db);

    // 林宜蓁 had no clinical records: every protected table but complaints is now empty.
    for (const table of PROTECTED.filter((t) => t !== 'complaints')) expect(countOf(db, table), table).toBe(0);
    expect(countOf(db, 'destroyed_records')).toBe(3);
    expect(countOf(db, 'patient_search')).toBe(1);
    expect(db.prepare('SELECT chart_no, name_zh FROM patients WHERE id = ?').get(PATIENT_MEI.id)).toEqual({ chart_no: PATIENT_MEI.chartNo, name_zh: '' });
    expect(['patients', 'complaints', 'patient_name_grams', 'patient_search_keys'].map((t) => rowsOf(db, t).filter((r) => r.patient_id === PATIENT_YU.id || r.id === PATIENT_YU.id))).toEqual(yuBefore);

    // With the tombstone written the sanctioned path is closed again.
    expect(() => listDestroyed(db, 'photo', 'photo-late', sha256Hex('x'))).toThrow(/only during an approved destruction/);
    expect(() => db.prepare(`UPDATE patients SET name_zh = '陳美玲' WHERE id = ?`).run(PATIENT_MEI.id)).toThrow(/destroyed patient record is not changed/);
    expect(() => addConsultation(db, { id: 'consultation-after', patientId: PATIENT_MEI.id })).toThrow(/the patient's records were destroyed/);
    expect(() => addCommunication(db, { id: 'msg-after', patientId: PATIENT_MEI.id })).toThrow(/the patient's records were destroyed/);
    expect(() =>
      db.prepare(`INSERT INTO retention_holds (id, patient_id, reason, placed_by, placed_at) VALUES ('hold-late', ?, '訴訟', ?, ?)`).run(PATIENT_MEI.id, TEAM.admin, AT),
    ).toThrow(/the records were destroyed/);
    expect(() => db.prepare('DELETE FROM destruction_tombstones').run()).toThrow(/never deleted/);
    expect(foreignKeyViolations(db)).toEqual([]);
  });

  it('writes a tombstone only for the patient whose destruction was approved', () => {
    const { db } = vaultAt110();
    applyMigration(db, 120);
    propose(db, 'proposal-mei', PATIENT_MEI.id);
    approve(db, 'proposal-mei', PATIENT_MEI.id);
    expect(() =>
      db.prepare(
        `INSERT INTO destruction_tombstones (patient_id, proposal_id, chart_no, counts, proposed_by, approved_by, destroyed_at, method)
         VALUES (?, 'proposal-mei', ?, '{}', ?, ?, ?, 'secure_delete')`,
      ).run(PATIENT_YU.id, PATIENT_YU.chartNo, TEAM.admin, TEAM.secondAdmin, AT),
    ).toThrow(/only for an approved destruction of this patient/);
  });
});
