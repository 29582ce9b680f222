import { describe, expect, it } from 'vitest';
import {
  addClinicTeam, addPatient, AT, appendAuditEvent, applyMigration, databaseBefore, foreignKeyViolations, indexPatient, PATIENT_MEI, PATIENT_YU, rowsOf,
  schemaObjects, TEAM,
} from './support';

function vaultAt20() {
  const db = databaseBefore(30);
  addClinicTeam(db);
  appendAuditEvent(db, { action: 'vault.created', subjectType: 'vault', subjectId: 'vault-7f3a' });
  return db;
}

describe('migration 0030 patients', () => {
  it('keeps the staff and the audit trail of a version-20 vault', () => {
    const db = vaultAt20();
    const staff = rowsOf(db, 'staff');
    const audit = rowsOf(db, 'audit_events', 'seq');
    applyMigration(db, 30);
    expect(rowsOf(db, 'staff')).toEqual(staff);
    expect(rowsOf(db, 'audit_events', 'seq')).toEqual(audit);
    expect(schemaObjects(db, 'table')).toEqual(expect.arrayContaining(['patients', 'patient_revisions', 'patient_search', 'patient_name_grams']));
  });

  it('stores a patient created by a staff member, and refuses one created by nobody on the staff', () => {
    const db = vaultAt20();
    applyMigration(db, 30);
    addPatient(db, PATIENT_MEI);
    expect(db.prepare('SELECT chart_no, name_zh, phone_digits, created_by, version FROM patients').get()).toEqual({
      chart_no: 'A000123', name_zh: '陳美玲', phone_digits: '0912345678', created_by: TEAM.consultant, version: 1,
    });
    expect(() => addPatient(db, { ...PATIENT_YU, createdBy: 'staff-who-left-no-record' })).toThrow(/FOREIGN KEY/);
    expect(() => addPatient(db, { ...PATIENT_YU, chartNo: 'a000123' })).toThrow(/UNIQUE/);
    expect(foreignKeyViolations(db)).toEqual([]);
  });

  it('never deletes a patient, and keeps the edit history append-only', () => {
    const db = vaultAt20();
    applyMigration(db, 30);
    addPatient(db, PATIENT_MEI);
    db.prepare('INSERT INTO patient_revisions (patient_id, version, changed_at, changed_by, changes) VALUES (?, 2, ?, ?, ?)').run(
      PATIENT_MEI.id, AT, TEAM.nurse, JSON.stringify({ phone: { from: '0912-345-678', to: '0911-111-222' } }),
    );
    expect(() => db.prepare('DELETE FROM patients').run()).toThrow(/never deleted/);
    expect(() => db.prepare(`UPDATE patient_revisions SET changes = '{}'`).run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM patient_revisions').run()).toThrow(/append-only/);
    // A patient's own fields can still be edited (the revision row records it).
    db.prepare(`UPDATE patients SET phone = '0911-111-222', phone_digits = '0911111222', version = 2 WHERE id = ?`).run(PATIENT_MEI.id);
    expect(rowsOf(db, 'patients')).toHaveLength(1);
  });

  it('finds patients by a 3-character trigram and by a 2-character name piece', () => {
    const db = vaultAt20();
    applyMigration(db, 30);
    addPatient(db, PATIENT_MEI);
    addPatient(db, PATIENT_YU);
    indexPatient(db, PATIENT_MEI);
    indexPatient(db, PATIENT_YU);
    const byTrigram = db.prepare(`SELECT patient_id FROM patient_search WHERE patient_search MATCH ?`).all('"345678"') as { patient_id: string }[];
    expect(byTrigram.map((r) => r.patient_id)).toEqual([PATIENT_MEI.id]);
    const byGram = db.prepare(`SELECT patient_id FROM patient_name_grams WHERE gram = ?`).all('美玲') as { patient_id: string }[];
    expect(byGram.map((r) => r.patient_id)).toEqual([PATIENT_MEI.id]);
  });
});
