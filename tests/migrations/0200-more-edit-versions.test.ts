import { describe, expect, it } from 'vitest';
import {
  addClinicTeam,
  addComplaint,
  addFollowUpOutcome,
  addPatient,
  addTreatedPatient,
  applyMigration,
  AT,
  closeComplaint,
  columnNames,
  databaseBefore,
  foreignKeyViolations,
  PATIENT_MEI,
  PATIENT_YU,
  resolveAndReviewComplaint,
  rowsOf,
  starterProcedure,
  firstStarterCode,
  TEAM,
  type Database,
} from './support';

/**
 * A vault as the release before 0200 left it: the clinic and its team, two treated patients (one day-1 visit done
 * with its outcome, one still open), an open and a closed complaint, the starter catalogue with one draft saved over a published
 * version, and the backup settings a clinic chose.
 */
function vaultAt190() {
  const db = databaseBefore(200);
  addClinicTeam(db);
  addPatient(db, PATIENT_MEI);
  addPatient(db, PATIENT_YU);
  const mei = addTreatedPatient(db, PATIENT_MEI.id, 'mei');
  const yu = addTreatedPatient(db, PATIENT_YU.id, 'yu');
  db.prepare(`INSERT INTO follow_up_attempts (id, visit_id, at, method, result, note, staff_id, created_at) VALUES ('attempt-mei', ?, ?, 'phone', 'reached', '', ?, ?)`).run(
    mei.visitId,
    AT,
    TEAM.nurse,
    AT,
  );
  addFollowUpOutcome(db, mei.visitId);
  db.prepare('UPDATE follow_up_visits SET done_at = ? WHERE id = ?').run(AT, mei.visitId);
  addComplaint(db, { id: 'complaint-open', refNo: 'CP-2026-001', patientId: PATIENT_YU.id });
  addComplaint(db, { id: 'complaint-closed', refNo: 'CP-2026-002', patientId: null });
  resolveAndReviewComplaint(db, 'complaint-closed');
  closeComplaint(db, 'complaint-closed');
  const { procedureId } = starterProcedure(db, firstStarterCode(db));
  db.prepare(
    `INSERT INTO disclosure_templates (id, procedure_id, locale, version, status, content, content_sha256, created_at, created_by, published_at, published_by)
     VALUES ('draft-zh', ?, 'zh-TW', 2, 'draft', '{}', ?, ?, ?, NULL, NULL)`,
  ).run(procedureId, '0'.repeat(64), AT, TEAM.admin);
  db.prepare(`UPDATE backup_settings SET destination = '/mnt/nas', interval_hours = 8, updated_at = ?, updated_by = ?`).run(AT, TEAM.admin);
  return { db, visitId: mei.visitId, openVisitId: yu.visitId };
}

const TABLES = ['clinic_settings', 'staff', 'disclosure_templates', 'follow_up_visits', 'complaints', 'backup_settings'] as const;
const snapshot = (db: Database) => Object.fromEntries(TABLES.map((table) => [table, rowsOf(db, table, 'rowid')]));

describe('migration 0200 more-edit-versions', () => {
  it('starts every record at edit version 1 with nobody named as last saver, a draft named by its author, and keeps every other value', () => {
    const { db } = vaultAt190();
    const before = snapshot(db);
    applyMigration(db, 200);
    const after = snapshot(db);
    expect(after.clinic_settings).toEqual(before.clinic_settings!.map((r) => ({ ...r, version: 1, updated_by: null })));
    expect(after.staff).toEqual(before.staff!.map((r) => ({ ...r, version: 1 })));
    expect(after.follow_up_visits).toEqual(before.follow_up_visits!.map((r) => ({ ...r, version: 1, updated_at: null, updated_by: null })));
    expect(after.complaints).toEqual(before.complaints!.map((r) => ({ ...r, version: 1 })));
    expect(after.backup_settings).toEqual(before.backup_settings!.map((r) => ({ ...r, version: 1 })));
    // A draft was last saved when it was made, by whom made it; a published version keeps no saver of its own.
    expect(after.disclosure_templates).toEqual(
      before.disclosure_templates!.map((r) =>
        r.status === 'draft' ? { ...r, edit_version: 1, updated_at: r.created_at, updated_by: r.created_by } : { ...r, edit_version: 1, updated_at: null, updated_by: null },
      ),
    );
    expect(after.disclosure_templates!.find((r) => r.id === 'draft-zh')).toMatchObject({ updated_at: AT, updated_by: TEAM.admin });
    expect(columnNames(db, 'disclosure_templates')).toContain('version');
    expect(foreignKeyViolations(db)).toEqual([]);
  });

  it('keeps the tables strict and their freezing triggers: a done visit, a closed complaint and a published version still refuse changes', () => {
    const { db, visitId } = vaultAt190();
    applyMigration(db, 200);
    const strict = (table: string) => (db.prepare('SELECT strict FROM pragma_table_list WHERE name = ?').get(table) as { strict: number }).strict;
    for (const table of TABLES) expect(strict(table), table).toBe(1);
    expect(() => db.prepare('UPDATE follow_up_visits SET version = 2 WHERE id = ?').run(visitId)).toThrow(/done visit is locked/);
    expect(() => db.prepare("UPDATE complaints SET version = 2 WHERE id = 'complaint-closed'").run()).toThrow(/closed complaint is locked/);
    expect(() => db.prepare("UPDATE disclosure_templates SET edit_version = 2 WHERE status = 'published'").run()).toThrow(/immutable/);
    // What stays open to change still is: the open complaint's owner, the draft.
    db.prepare("UPDATE complaints SET version = 2 WHERE id = 'complaint-open'").run();
    db.prepare("UPDATE disclosure_templates SET edit_version = 2, updated_by = ? WHERE id = 'draft-zh'").run(TEAM.secondAdmin);
    expect(foreignKeyViolations(db)).toEqual([]);
  });

  it('names the last saver only as a staff member, and never lets an edit version fall below 1', () => {
    const { db, openVisitId } = vaultAt190();
    applyMigration(db, 200);
    db.prepare('UPDATE clinic_settings SET version = 2, updated_by = ?').run(TEAM.secondAdmin);
    db.prepare('UPDATE follow_up_visits SET version = 2, updated_at = ?, updated_by = ? WHERE id = ?').run(AT, TEAM.nurse, openVisitId);
    expect(foreignKeyViolations(db)).toEqual([]);
    expect(() => db.prepare('UPDATE clinic_settings SET updated_by = ?').run('staff-nobody')).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("UPDATE disclosure_templates SET updated_by = 'staff-nobody' WHERE id = 'draft-zh'").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("UPDATE follow_up_visits SET updated_by = 'staff-nobody' WHERE id = ?").run(openVisitId)).toThrow(/FOREIGN KEY/);
    for (const table of ['clinic_settings', 'staff', 'backup_settings'] as const) {
      expect(() => db.prepare(`UPDATE ${table} SET version = 0`).run(), table).toThrow(/CHECK/);
    }
    expect(() => db.prepare("UPDATE complaints SET version = 0 WHERE id = 'complaint-open'").run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE follow_up_visits SET version = 0 WHERE id = ?').run(openVisitId)).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE disclosure_templates SET edit_version = 0 WHERE id = 'draft-zh'").run()).toThrow(/CHECK/);
  });
});
