import { describe, expect, it } from 'vitest';
import {
  addAttachment, addClinicTeam, addCommunication, addConsultation, addPatient, AT, applyMigration, databaseBefore, foreignKeyViolations, PATIENT_MEI, rowsOf,
  TEAM,
} from './support';

function vaultAt50() {
  const db = databaseBefore(60);
  addClinicTeam(db);
  addPatient(db, PATIENT_MEI);
  addConsultation(db, { id: 'c1', patientId: PATIENT_MEI.id, status: 'disclosed' });
  return db;
}

describe('migration 0060 communications', () => {
  it('keeps the consultations of a version-50 vault', () => {
    const db = vaultAt50();
    const before = rowsOf(db, 'consultations');
    applyMigration(db, 60);
    expect(rowsOf(db, 'consultations')).toEqual(before);
  });

  it('logs a contact with a named attachment, and refuses an attachment without its name', () => {
    const db = vaultAt50();
    applyMigration(db, 60);
    addCommunication(db, { id: 'm1', patientId: PATIENT_MEI.id });
    const sha = addAttachment(db, 'LINE screenshot');
    const insert = db.prepare(
      `INSERT INTO communications (id, patient_id, consultation_id, channel, direction, occurred_at, summary, attachment_sha256, attachment_name, staff_id, created_at)
       VALUES (?, ?, 'c1', 'line', 'outbound', ?, '傳送術後照護說明', ?, ?, ?, ?)`,
    );
    insert.run('m2', PATIENT_MEI.id, AT, sha, 'aftercare.jpg', TEAM.nurse, AT);
    expect(() => insert.run('m3', PATIENT_MEI.id, AT, sha, null, TEAM.nurse, AT)).toThrow(/CHECK/);
    expect(() =>
      db.prepare(`INSERT INTO communications (id, patient_id, channel, direction, occurred_at, summary, staff_id, created_at) VALUES ('m4', ?, 'fax', 'inbound', ?, 'x', ?, ?)`)
        .run(PATIENT_MEI.id, AT, TEAM.nurse, AT),
    ).toThrow(/CHECK/);
    expect(foreignKeyViolations(db)).toEqual([]);
  });

  it('never changes or removes an entry or its correction', () => {
    const db = vaultAt50();
    applyMigration(db, 60);
    addCommunication(db, { id: 'm1', patientId: PATIENT_MEI.id });
    expect(() => db.prepare(`UPDATE communications SET summary = '改寫' WHERE id = 'm1'`).run()).toThrow(/immutable; append a correction/);
    expect(() => db.prepare(`DELETE FROM communications WHERE id = 'm1'`).run()).toThrow(/never deleted/);

    db.prepare(`INSERT INTO communication_corrections (id, communication_id, text, staff_id, created_at) VALUES ('fix1', 'm1', '應為電話聯絡', ?, ?)`).run(TEAM.consultant, AT);
    expect(() => db.prepare(`UPDATE communication_corrections SET text = 'x'`).run()).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM communication_corrections').run()).toThrow(/never deleted/);
    expect(() =>
      db.prepare(`INSERT INTO communication_corrections (id, communication_id, text, staff_id, created_at) VALUES ('fix2', 'm404', 'x', ?, ?)`).run(TEAM.consultant, AT),
    ).toThrow(/FOREIGN KEY/);
  });
});
