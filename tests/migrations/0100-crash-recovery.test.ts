import { describe, expect, it } from 'vitest';
import { addClinicTeam, addEvidenceExport, addPatient, applyMigration, AT, databaseBefore, foreignKeyViolations, PATIENT_MEI, rowsOf } from './support';

function vaultAt90WithExports() {
  const db = databaseBefore(100);
  addClinicTeam(db);
  addPatient(db, PATIENT_MEI);
  addEvidenceExport(db, { id: 'x-running', packNo: 1, patientId: PATIENT_MEI.id, status: 'started' });
  addEvidenceExport(db, { id: 'x-done', packNo: 2, patientId: PATIENT_MEI.id, status: 'done' });
  return db;
}

const addTempFile = (db: ReturnType<typeof vaultAt90WithExports>, exportId: string, path: string) =>
  db.prepare(
    `INSERT INTO evidence_export_temp_files (export_id, path, file_kind, owner_host, owner_pid, folder_device) VALUES (?, ?, 'pack', 'front-desk-pc', 4242, '2049')`,
  ).run(exportId, path);

describe('migration 0100 crash-recovery', () => {
  it('keeps the evidence exports of a version-90 vault', () => {
    const db = vaultAt90WithExports();
    const before = rowsOf(db, 'evidence_exports');
    applyMigration(db, 100);
    expect(rowsOf(db, 'evidence_exports')).toEqual(before);
  });

  it('records temporary files only for a running export, and their recovery only once', () => {
    const db = vaultAt90WithExports();
    applyMigration(db, 100);
    addTempFile(db, 'x-running', '/exports/.CV-0001.zip.partial');
    expect(() => addTempFile(db, 'x-done', '/exports/.CV-0002.zip.partial')).toThrow(/only a running export has temporary files/);
    expect(() => db.prepare(`UPDATE evidence_export_temp_files SET recovery = 'removed'`).run()).toThrow(/CHECK/);
    db.prepare(`UPDATE evidence_export_temp_files SET recovery = 'unreachable', recovered_at = ?`).run(AT);
    expect(() => db.prepare(`UPDATE evidence_export_temp_files SET recovery = 'removed'`).run()).toThrow(/what was recorded is not changed/);
    db.prepare(`UPDATE evidence_export_temp_files SET cleared_at = ?`).run(AT);
    expect(() => db.prepare(`UPDATE evidence_export_temp_files SET cleared_at = NULL`).run()).toThrow(/what was recorded is not changed/);
    expect(() => db.prepare('DELETE FROM evidence_export_temp_files').run()).toThrow(/never deleted/);
    expect(foreignKeyViolations(db)).toEqual([]);
  });

  it('abandons only an export still started', () => {
    const db = vaultAt90WithExports();
    applyMigration(db, 100);
    const abandon = db.prepare('INSERT INTO evidence_export_abandonments (export_id, abandoned_at) VALUES (?, ?)');
    expect(() => abandon.run('x-done', AT)).toThrow(/only an export still started can be abandoned/);
    abandon.run('x-running', AT);
    // The export itself then fails (0090's statuses), and the abandonment stays as recorded.
    db.prepare(`UPDATE evidence_exports SET status = 'failed', finished_at = ? WHERE id = 'x-running'`).run(AT);
    expect(() => db.prepare('UPDATE evidence_export_abandonments SET abandoned_at = ?').run(AT)).toThrow(/not changed/);
    expect(() => db.prepare('DELETE FROM evidence_export_abandonments').run()).toThrow(/never deleted/);
  });

  it('keeps key-slot change marks forever', () => {
    const db = vaultAt90WithExports();
    applyMigration(db, 100);
    db.prepare(`INSERT INTO keyslot_changes (id, operation, at) VALUES ('chg-1', 'staff.password_changed', ?)`).run(AT);
    expect(() => db.prepare(`UPDATE keyslot_changes SET operation = 'x'`).run()).toThrow(/not changed/);
    expect(() => db.prepare('DELETE FROM keyslot_changes').run()).toThrow(/never deleted/);
  });
});
