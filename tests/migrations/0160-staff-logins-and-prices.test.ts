import { describe, expect, it } from 'vitest';
import { STARTER_CATALOGUE } from '../../electron/store/migrations/0040-starter-catalogue-data';
import { addClinicTeam, addPatient, addStaff, applyMigration, AT, columnNames, databaseBefore, foreignKeyViolations, PATIENT_MEI, rowsOf, TEAM } from './support';

interface StaffBefore {
  id: string;
  name: string;
  name_key: string;
}

function vaultAt150() {
  const db = databaseBefore(160);
  addClinicTeam(db);
  addStaff(db, { id: 'staff-nurse-full-width', name: 'ＡＭＹ Chang', role: 'nurse' });
  addPatient(db, PATIENT_MEI);
  return db;
}

describe('migration 0160 staff-logins-and-prices', () => {
  it("gives every existing staff member their name as login id and keeps their sign-in key, so key slots still open", () => {
    const db = vaultAt150();
    const before = rowsOf(db, 'staff', 'id') as unknown as (StaffBefore & Record<string, unknown>)[];
    applyMigration(db, 160);
    expect(columnNames(db, 'staff')).not.toContain('name_key');
    const after = rowsOf(db, 'staff', 'id');
    expect(after).toEqual(
      before.map(({ name_key, ...rest }) => ({ ...rest, login_key: name_key, login_id: rest.name, password_change_required: 0 })),
    );
    expect(after.find((s) => s.id === 'staff-nurse-full-width')).toMatchObject({ login_id: 'ＡＭＹ Chang', login_key: 'amy chang' });
    expect(foreignKeyViolations(db)).toEqual([]);
  });

  it('lets two people share a name under different login ids, but never one login key twice', () => {
    const db = vaultAt150();
    applyMigration(db, 160);
    addStaff(db, { id: 'staff-nurse-tsai-2', name: '蔡護理師', role: 'nurse' }, 'tsai.2');
    expect(() => addStaff(db, { id: 'staff-x', name: '另一人', role: 'nurse' }, 'TSAI.2')).toThrow(/UNIQUE/);
    expect(() => db.prepare(`UPDATE staff SET password_change_required = 2 WHERE id = ?`).run(TEAM.nurse)).toThrow(/CHECK/);
  });

  it('keeps every change of role, licence or specialty for good', () => {
    const db = vaultAt150();
    applyMigration(db, 160);
    db.prepare(
      `INSERT INTO staff_revisions (id, staff_id, at, by_staff_id, role_before, licence_no_before, specialty_before, role_after, licence_no_after, specialty_after)
       VALUES ('rev1', ?, ?, ?, 'physician', '醫字第031245號', '整形外科', 'physician', '醫字第031245號', '皮膚科')`,
    ).run(TEAM.physician, AT, TEAM.admin);
    expect(() => db.prepare(`UPDATE staff_revisions SET specialty_after = '整形外科'`).run()).toThrow(/not changed/);
    expect(() => db.prepare('DELETE FROM staff_revisions').run()).toThrow(/never deleted/);
    expect(() =>
      db.prepare(`INSERT INTO staff_revisions (id, staff_id, at, by_staff_id, role_before, role_after) VALUES ('rev2', ?, ?, ?, 'nurse', 'receptionist')`).run(TEAM.nurse, AT, TEAM.admin),
    ).toThrow(/CHECK/);
  });

  it('starts every existing procedure with an empty price list and keeps the rest of the catalogue', () => {
    const db = vaultAt150();
    const procedures = rowsOf(db, 'procedures');
    const templates = rowsOf(db, 'disclosure_templates');
    applyMigration(db, 160);
    expect(rowsOf(db, 'procedures')).toEqual(procedures.map((p) => ({ ...p, price_list: '{"items":[],"packages":[]}' })));
    expect(procedures).toHaveLength(STARTER_CATALOGUE.length);
    expect(rowsOf(db, 'disclosure_templates')).toEqual(templates);
  });
});
