import { describe, expect, it } from 'vitest';
import {
  addClinicTeam, addComplaint, addComplaintClock, addPatient, addSignedConsultation, applyMigration, AT, closeComplaint, countOf, databaseBefore,
  foreignKeyViolations, PATIENT_MEI, PATIENT_YU, resolveAndReviewComplaint, rowsOf, schemaObjects, schemaVersion, TEAM, type Database,
} from './support';

const GUARDS = ['consent_printed_eras_kept', 'complaint_clock_recomputations_kept'];

/** A consent issued under 民國 dates and a complaint whose running clock was recomputed before it closed. */
function addEraConsentAndRecomputedClock(db: Database, patientId: string, name: string): void {
  const { consentId } = addSignedConsultation(db, patientId, name);
  db.prepare(`INSERT INTO consent_printed_eras (consent_id, era) VALUES (?, 'roc')`).run(consentId);
  const complaintId = `complaint-${name}`;
  addComplaint(db, { id: complaintId, refNo: `CP-2026-${name}`, patientId });
  addComplaintClock(db, { id: `clock-${name}`, complaintId, kind: 'records_copy' });
  db.prepare(
    `INSERT INTO complaint_clock_recomputations (id, clock_id, previous_due_at, due_at, reason, staff_id, created_at)
     VALUES (?, ?, '2026-03-09T01:00:00.000Z', '2026-03-10T01:00:00.000Z', '政府公告新增颱風假', ?, ?)`,
  ).run(`recomputation-${name}`, `clock-${name}`, TEAM.admin, AT);
  // A closed complaint does not hold the records (0120), so the patient may be proposed for destruction.
  resolveAndReviewComplaint(db, complaintId);
  closeComplaint(db, complaintId);
}

/** A version-160 vault: 陳美玲 and 林宜蓁 each with a 民國 consent and a recomputed, since closed, complaint clock. */
function vaultAt160() {
  const db = databaseBefore(170);
  addClinicTeam(db);
  addPatient(db, PATIENT_MEI);
  addPatient(db, PATIENT_YU);
  addEraConsentAndRecomputedClock(db, PATIENT_MEI.id, 'mei');
  addEraConsentAndRecomputedClock(db, PATIENT_YU.id, 'yu');
  return db;
}

/** A proposal by one administrator approved by the other: the destruction of `patientId` is under way. */
function approveDestruction(db: Database, patientId: string): void {
  db.prepare('INSERT INTO destruction_proposals (id, patient_id, retention_date, last_entry_at, proposed_by, proposed_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    `proposal-${patientId}`, patientId, '2026-01-01', AT, TEAM.admin, AT,
  );
  db.prepare('INSERT INTO destruction_approvals (proposal_id, patient_id, approved_by, approved_at) VALUES (?, ?, ?, ?)').run(
    `proposal-${patientId}`, patientId, TEAM.secondAdmin, AT,
  );
}

const deleteEra = (db: Database, consentId: string) => db.prepare('DELETE FROM consent_printed_eras WHERE consent_id = ?').run(consentId);
const deleteRecomputations = (db: Database, clockId: string) => db.prepare('DELETE FROM complaint_clock_recomputations WHERE clock_id = ?').run(clockId);

describe('migration 0170 destruction-reaches-printed-eras-and-recomputed-clocks', () => {
  it('keeps every printed era and recomputation of a version-160 vault and re-creates both delete guards', () => {
    const db = vaultAt160();
    const eras = rowsOf(db, 'consent_printed_eras');
    const recomputations = rowsOf(db, 'complaint_clock_recomputations');
    applyMigration(db, 170);
    expect(schemaVersion(db)).toBe(170);
    expect(rowsOf(db, 'consent_printed_eras')).toEqual(eras);
    expect(rowsOf(db, 'complaint_clock_recomputations')).toEqual(recomputations);
    expect(schemaObjects(db, 'trigger')).toEqual(expect.arrayContaining(GUARDS));
    expect(foreignKeyViolations(db)).toEqual([]);
  });

  it('still refuses a plain delete of a printed era or a recomputation when no destruction is approved', () => {
    const db = vaultAt160();
    applyMigration(db, 170);
    expect(() => db.prepare('DELETE FROM consent_printed_eras').run()).toThrow(/keeps the date era it was issued with/);
    expect(() => db.prepare('DELETE FROM complaint_clock_recomputations').run()).toThrow(/a recomputation is never deleted/);
    // The update guards of 0150 are untouched.
    expect(() => db.prepare(`UPDATE consent_printed_eras SET era = 'gregorian'`).run()).toThrow(/keeps the date era/);
    expect(() => db.prepare(`UPDATE complaint_clock_recomputations SET due_at = ?`).run(AT)).toThrow(/never changes/);
    expect(countOf(db, 'consent_printed_eras')).toBe(2);
    expect(countOf(db, 'complaint_clock_recomputations')).toBe(2);
  });

  // Was the `it.fails` reproducer of 0150 (no destruction path): after 0170 the approved destruction lets go.
  it("lets an approved destruction remove that patient's consent era and clock recomputation, and only that patient's", () => {
    const db = vaultAt160();
    applyMigration(db, 170);
    approveDestruction(db, PATIENT_MEI.id);
    // The destruction is approved and under way (no tombstone yet): the rows, and then the consent and clock they point at, may go.
    expect(deleteEra(db, 'consent-mei').changes).toBe(1);
    expect(deleteRecomputations(db, 'clock-mei').changes).toBe(1);
    db.prepare(`DELETE FROM complaint_clocks WHERE id = 'clock-mei'`).run();
    // 林宜蓁 is not being destroyed: her rows are still guarded.
    expect(() => deleteEra(db, 'consent-yu')).toThrow(/keeps the date era it was issued with/);
    expect(() => deleteRecomputations(db, 'clock-yu')).toThrow(/a recomputation is never deleted/);
    expect(rowsOf(db, 'consent_printed_eras').map((r) => r.consent_id)).toEqual(['consent-yu']);
    expect(rowsOf(db, 'complaint_clock_recomputations').map((r) => r.clock_id)).toEqual(['clock-yu']);
    expect(foreignKeyViolations(db)).toEqual([]);
  });

  it('closes the path again once the tombstone of the destruction is written', () => {
    const db = vaultAt160();
    applyMigration(db, 170);
    approveDestruction(db, PATIENT_MEI.id);
    db.prepare(
      `INSERT INTO destruction_tombstones (patient_id, proposal_id, chart_no, counts, proposed_by, approved_by, destroyed_at, method)
       VALUES (?, ?, ?, '{}', ?, ?, ?, 'secure_delete')`,
    ).run(PATIENT_MEI.id, `proposal-${PATIENT_MEI.id}`, PATIENT_MEI.chartNo, TEAM.admin, TEAM.secondAdmin, AT);
    expect(() => deleteEra(db, 'consent-mei')).toThrow(/keeps the date era it was issued with/);
    expect(() => deleteRecomputations(db, 'clock-mei')).toThrow(/a recomputation is never deleted/);
  });
});
