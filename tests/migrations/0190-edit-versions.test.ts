import { describe, expect, it } from 'vitest';
import { addClinicTeam, addConsultation, addPatient, applyMigration, columnNames, databaseBefore, foreignKeyViolations, PATIENT_MEI, rowsOf, TEAM } from './support';

function vaultAt180() {
  const db = databaseBefore(190);
  addClinicTeam(db);
  addPatient(db, PATIENT_MEI);
  addConsultation(db, { id: 'consultation-mei', patientId: PATIENT_MEI.id });
  return db;
}

describe('migration 0190 edit-versions', () => {
  it('starts every consultation and procedure at version 1 with nobody named as last saver, and keeps every other value', () => {
    const db = vaultAt180();
    const consultations = rowsOf(db, 'consultations', 'id');
    const procedures = rowsOf(db, 'procedures', 'id');
    applyMigration(db, 190);
    expect(rowsOf(db, 'consultations', 'id')).toEqual(consultations.map((c) => ({ ...c, version: 1, updated_by: null })));
    expect(rowsOf(db, 'procedures', 'id')).toEqual(procedures.map((p) => ({ ...p, version: 1, updated_by: null })));
    expect(columnNames(db, 'patients')).toContain('version');
    expect(foreignKeyViolations(db)).toEqual([]);
  });

  it('names the last saver only as a staff member, and never lets a version fall below 1', () => {
    const db = vaultAt180();
    applyMigration(db, 190);
    db.prepare('UPDATE consultations SET version = 2, updated_by = ? WHERE id = ?').run(TEAM.consultant, 'consultation-mei');
    expect(foreignKeyViolations(db)).toEqual([]);
    expect(() => db.prepare('UPDATE consultations SET updated_by = ? WHERE id = ?').run('staff-nobody', 'consultation-mei')).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare('UPDATE consultations SET version = 0 WHERE id = ?').run('consultation-mei')).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE procedures SET version = 0').run()).toThrow(/CHECK/);
  });
});
