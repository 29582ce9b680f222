import { describe, expect, it } from 'vitest';
import {
  addCalendarDay, addClinicTeam, addComplaint, addComplaintClock, addComplaintEntry, addConsultation, addPatient, addPhoto, addSignedConsultation,
  applyMigration, AT, closeComplaint, databaseBefore, foreignKeyViolations, PATIENT_MEI, resolveAndReviewComplaint, rowsOf, TEAM, type Database,
} from './support';

/** A version-140 vault: photos without labels, hand-entered holidays, a complaint with a running and a met clock. */
function vaultAt140() {
  const db = databaseBefore(150);
  addClinicTeam(db);
  addPatient(db, PATIENT_MEI);
  addConsultation(db, { id: 'c1', patientId: PATIENT_MEI.id });
  addPhoto(db, { id: 'photo-front', patientId: PATIENT_MEI.id, consultationId: 'c1', kind: 'before' });
  addCalendarDay(db, '2026-02-16', '春節');
  addCalendarDay(db, '2026-02-21', '補行上班', 'workday');
  addComplaint(db, { id: 'cp-open', refNo: 'CP-2026-010', patientId: PATIENT_MEI.id });
  addComplaintEntry(db, { id: 'entry-call', complaintId: 'cp-open' });
  addComplaintClock(db, { id: 'clock-running', complaintId: 'cp-open', kind: 'records_copy' });
  addComplaintClock(db, { id: 'clock-met', complaintId: 'cp-open', kind: 'first_response', metByEntryId: 'entry-call' });
  addComplaint(db, { id: 'cp-closed', refNo: 'CP-2026-011', patientId: PATIENT_MEI.id });
  addComplaintClock(db, { id: 'clock-of-closed', complaintId: 'cp-closed', kind: 'records_copy' });
  resolveAndReviewComplaint(db, 'cp-closed');
  closeComplaint(db, 'cp-closed');
  addSignedConsultation(db, PATIENT_MEI.id, 'era');
  return db;
}

function recompute(db: Database, id: string, clockId: string, reason = '政府公告新增颱風假'): void {
  db.prepare(
    `INSERT INTO complaint_clock_recomputations (id, clock_id, previous_due_at, due_at, reason, staff_id, created_at)
     VALUES (?, ?, '2026-03-09T01:00:00.000Z', '2026-03-10T01:00:00.000Z', ?, ?, ?)`,
  ).run(id, clockId, reason, TEAM.admin, AT);
}

describe('migration 0150 photo-labels-calendar-import', () => {
  it('leaves the angle, area and capture-time source of existing photos unknown', () => {
    const db = vaultAt140();
    const photos = rowsOf(db, 'photos');
    applyMigration(db, 150);
    expect(rowsOf(db, 'photos')).toEqual(photos.map((p) => ({ ...p, captured_at_source: null, angle: null, area: null })));
    db.prepare(`UPDATE photos SET angle = 'left_45', area = 'eyes', captured_at_source = 'file_metadata'`).run();
    expect(() => db.prepare(`UPDATE photos SET angle = 'sideways'`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE photos SET area = 'ears'`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE photos SET captured_at_source = 'guessed'`).run()).toThrow(/CHECK/);
  });

  it("marks existing calendar days as entered by hand and the clinic's printed era as 西元", () => {
    const db = vaultAt140();
    const days = rowsOf(db, 'clinic_calendar');
    const [settings] = rowsOf(db, 'clinic_settings');
    applyMigration(db, 150);
    expect(rowsOf(db, 'clinic_calendar')).toEqual(days.map((d) => ({ ...d, source: 'entered' })));
    expect(rowsOf(db, 'clinic_settings')).toEqual([{ ...settings, printed_date_era: 'gregorian' }]);
    expect(() => db.prepare(`UPDATE clinic_calendar SET source = 'scraped'`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE clinic_settings SET printed_date_era = 'japanese'`).run()).toThrow(/CHECK/);
    db.prepare(`UPDATE clinic_settings SET printed_date_era = 'roc'`).run();
  });

  it('recomputes only a running clock of an open complaint, and keeps each recomputation', () => {
    const db = vaultAt140();
    const clocks = rowsOf(db, 'complaint_clocks');
    applyMigration(db, 150);
    expect(rowsOf(db, 'complaint_clocks')).toEqual(clocks);
    recompute(db, 'r1', 'clock-running');
    expect(() => recompute(db, 'r2', 'clock-met')).toThrow(/only a running clock of an open complaint/);
    expect(() => recompute(db, 'r3', 'clock-of-closed')).toThrow(/only a running clock of an open complaint/);
    expect(() => recompute(db, 'r4', 'clock-running', '')).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE complaint_clock_recomputations SET due_at = ?`).run(AT)).toThrow(/never changes/);
    expect(() => db.prepare('DELETE FROM complaint_clock_recomputations').run()).toThrow(/never deleted/);
    expect(foreignKeyViolations(db)).toEqual([]);
  });

  it('fixes the era a consent was issued with', () => {
    const db = vaultAt140();
    applyMigration(db, 150);
    db.prepare(`INSERT INTO consent_printed_eras (consent_id, era) VALUES ('consent-era', 'roc')`).run();
    expect(() => db.prepare(`UPDATE consent_printed_eras SET era = 'gregorian'`).run()).toThrow(/keeps the date era/);
    expect(() => db.prepare('DELETE FROM consent_printed_eras').run()).toThrow(/keeps the date era/);
    expect(() => db.prepare(`INSERT INTO consent_printed_eras (consent_id, era) VALUES ('consent-none', 'roc')`).run()).toThrow(/FOREIGN KEY/);
  });

  // 0150's two delete guards had no destruction path (a patient with a 民國 consent or a recomputed clock could never be
  // destroyed); 0170 gives them the path of 0120, tested in 0170-destruction-reaches-printed-eras-and-recomputed-clocks.test.ts.
});
