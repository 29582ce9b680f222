import { describe, expect, it } from 'vitest';
import { addClinicTeam, addPatient, applyMigration, databaseBefore, foreignKeyViolations, indexPatient, PATIENT_MEI, PATIENT_YU, planUses, rowsOf, schemaObjects } from './support';

function vaultAt60WithSearchRows() {
  const db = databaseBefore(61);
  addClinicTeam(db);
  const rowids: Record<string, number> = {};
  for (const p of [PATIENT_MEI, PATIENT_YU]) {
    addPatient(db, p);
    rowids[p.id] = indexPatient(db, p);
  }
  return { db, rowids };
}

describe('migration 0061 patient-search-keys', () => {
  it('backfills each indexed patient with the rowid of their full-text row', () => {
    const { db, rowids } = vaultAt60WithSearchRows();
    expect(schemaObjects(db, 'table')).not.toContain('patient_search_keys');
    applyMigration(db, 61);
    expect(rowsOf(db, 'patient_search_keys', 'patient_id')).toEqual(
      [PATIENT_MEI, PATIENT_YU].map((p) => ({ patient_id: p.id, search_rowid: rowids[p.id] })).sort((a, b) => a.patient_id.localeCompare(b.patient_id)),
    );
    // The key finds the patient's own text.
    const body = db.prepare('SELECT s.body FROM patient_search_keys k JOIN patient_search s ON s.rowid = k.search_rowid WHERE k.patient_id = ?').get(PATIENT_YU.id) as { body: string };
    expect(body.body).toContain('林宜蓁');
    expect(foreignKeyViolations(db)).toEqual([]);
  });

  it('keeps the search rows and name grams as they were', () => {
    const { db } = vaultAt60WithSearchRows();
    const search = db.prepare('SELECT rowid, patient_id, body FROM patient_search ORDER BY rowid').all();
    const grams = rowsOf(db, 'patient_name_grams');
    applyMigration(db, 61);
    expect(db.prepare('SELECT rowid, patient_id, body FROM patient_search ORDER BY rowid').all()).toEqual(search);
    expect(rowsOf(db, 'patient_name_grams')).toEqual(grams);
  });

  it("looks up a patient's name grams through the new index instead of scanning", () => {
    const { db } = vaultAt60WithSearchRows();
    applyMigration(db, 61);
    expect(schemaObjects(db, 'index')).toContain('patient_name_grams_patient');
    expect(planUses(db, 'DELETE FROM patient_name_grams WHERE patient_id = ?', 'patient_name_grams_patient', PATIENT_MEI.id)).toBe(true);
  });

  it('gives one full-text row to one patient only, and keys only real patients', () => {
    const { db, rowids } = vaultAt60WithSearchRows();
    applyMigration(db, 61);
    expect(() => db.prepare('INSERT INTO patient_search_keys (patient_id, search_rowid) VALUES (?, ?)').run('patient-nobody', 999)).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare('UPDATE patient_search_keys SET search_rowid = ? WHERE patient_id = ?').run(rowids[PATIENT_MEI.id], PATIENT_YU.id)).toThrow(/UNIQUE/);
  });
});
