import { describe, expect, it } from 'vitest';
import { addClinicTeam, addEvidenceExport, addPatient, applyMigration, AT, columnNames, databaseBefore, foreignKeyViolations, PATIENT_MEI, rowsOf } from './support';

function vaultAt80() {
  const db = databaseBefore(90);
  addClinicTeam(db);
  addPatient(db, PATIENT_MEI);
  return db;
}

describe('migration 0090 evidence', () => {
  it("gives the existing clinic settings row the 'CV' Bates prefix and keeps every other setting", () => {
    const db = vaultAt80();
    const [before] = rowsOf(db, 'clinic_settings');
    expect(columnNames(db, 'clinic_settings')).not.toContain('bates_prefix');
    applyMigration(db, 90);
    expect(rowsOf(db, 'clinic_settings')).toEqual([{ ...before, bates_prefix: 'CV' }]);
  });

  it('accepts only 1 to 12 capital letters or digits as a Bates prefix', () => {
    const db = vaultAt80();
    applyMigration(db, 90);
    db.prepare(`UPDATE clinic_settings SET bates_prefix = 'MORNING2026'`).run();
    for (const bad of ['', 'cv', 'CV-01', 'ABCDEFGHIJKLM']) {
      expect(() => db.prepare('UPDATE clinic_settings SET bates_prefix = ?').run(bad)).toThrow(/CHECK/);
    }
    expect((db.prepare('SELECT bates_prefix FROM clinic_settings').get() as { bates_prefix: string }).bates_prefix).toBe('MORNING2026');
  });

  it('lets a started export finish once, then freezes it; what was exported never changes', () => {
    const db = vaultAt80();
    applyMigration(db, 90);
    addEvidenceExport(db, { id: 'x1', packNo: 1, patientId: PATIENT_MEI.id, status: 'started' });
    expect(() => db.prepare(`UPDATE evidence_exports SET scope = '{}' WHERE id = 'x1'`).run()).toThrow(/what was exported is not changed/);
    db.prepare(`UPDATE evidence_exports SET status = 'done', tag_manifest_sha256 = ?, bytes = 1024, pages = 3, finished_at = ? WHERE id = 'x1'`).run('d'.repeat(64), AT);
    expect(() => db.prepare(`UPDATE evidence_exports SET file_name = 'renamed.zip' WHERE id = 'x1'`).run()).toThrow(/finished export is not changed/);
    expect(() => db.prepare('DELETE FROM evidence_exports').run()).toThrow(/never deleted/);
    expect(() => addEvidenceExport(db, { id: 'x2', packNo: 1, patientId: PATIENT_MEI.id, status: 'started' })).toThrow(/UNIQUE/);
    expect(foreignKeyViolations(db)).toEqual([]);
  });
});
