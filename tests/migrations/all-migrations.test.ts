import { describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../electron/store/migrations';
import {
  addClinicTeam, addCommunication, addComplaint, addFollowUpAttempt, addFollowUpOutcome, addPatient, addTreatedPatient, appendAuditEvent, applyMigration,
  blankDatabase, databaseAt, foreignKeyViolations, indexPatient, PATIENT_MEI, PATIENT_YU, schemaVersion,
} from './support';

describe('all shipped migrations', () => {
  it('are numbered in increasing order, each with a name', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(MIGRATIONS.every((m) => /^[a-z0-9-]+$/.test(m.name))).toBe(true);
    expect(SCHEMA_VERSION).toBe(versions.at(-1));
  });

  it('build an empty vault at the final schema version with no foreign-key violations and a sound file', () => {
    const db = databaseAt(SCHEMA_VERSION);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(foreignKeyViolations(db)).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('upgrade a vault holding records from its first version to the last with every reference intact', () => {
    // Records are written at the version that introduced their tables, then every later migration runs over them.
    const db = blankDatabase();
    const at = (version: number, write: () => void) => {
      for (const m of MIGRATIONS) if (m.version <= version && m.version > schemaVersion(db)) applyMigration(db, m.version);
      write();
    };
    at(20, () => {
      addClinicTeam(db);
      appendAuditEvent(db, { action: 'vault.created', subjectType: 'vault', subjectId: 'vault-7f3a' });
    });
    at(30, () => {
      for (const p of [PATIENT_MEI, PATIENT_YU]) {
        addPatient(db, p);
        indexPatient(db, p);
        appendAuditEvent(db, { action: 'patient.created', subjectType: 'patient', subjectId: p.id });
      }
    });
    at(80, () => {
      const mei = addTreatedPatient(db, PATIENT_MEI.id, 'mei');
      addFollowUpAttempt(db, { id: 'attempt-mei', visitId: mei.visitId, result: 'reached' });
      addFollowUpOutcome(db, mei.visitId);
      addCommunication(db, { id: 'msg-yu', patientId: PATIENT_YU.id });
      addComplaint(db, { id: 'complaint-yu', refNo: 'CP-2026-001', patientId: PATIENT_YU.id });
    });
    at(SCHEMA_VERSION, () => undefined);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(foreignKeyViolations(db)).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
