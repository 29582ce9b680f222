import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { Role, StaffMember, StaffRevision } from '../../../shared/schemas/staff';
import type { LastSave } from '../edit-versions';

interface StaffRow {
  id: string;
  name: string;
  login_id: string;
  login_key: string;
  role: string;
  licence_no: string | null;
  specialty: string | null;
  active: number;
  password_change_required: number;
  created_at: string;
  deactivated_at: string | null;
  version: number;
}

function rowToStaff(r: StaffRow): StaffMember {
  return {
    id: r.id,
    name: r.name,
    loginId: r.login_id,
    role: r.role as Role,
    licenceNo: r.licence_no,
    specialty: r.specialty,
    active: r.active === 1,
    passwordChangeRequired: r.password_change_required === 1,
    createdAt: r.created_at,
    deactivatedAt: r.deactivated_at,
    version: r.version,
  };
}

interface RevisionRow {
  id: string;
  staff_id: string;
  at: string;
  by_staff_id: string;
  by_name: string;
  role_before: string;
  licence_no_before: string | null;
  specialty_before: string | null;
  role_after: string;
  licence_no_after: string | null;
  specialty_after: string | null;
}

function rowToRevision(r: RevisionRow): StaffRevision {
  return {
    id: r.id,
    staffId: r.staff_id,
    at: r.at,
    byStaffId: r.by_staff_id,
    byName: r.by_name,
    before: { role: r.role_before as Role, licenceNo: r.licence_no_before, specialty: r.specialty_before },
    after: { role: r.role_after as Role, licenceNo: r.licence_no_after, specialty: r.specialty_after },
  };
}

export interface StaffRecord {
  id: string;
  name: string;
  loginId: string;
  /** The login id normalised as key slots store it (keyslots.ts nameKey). */
  loginKey: string;
  role: Role;
  licenceNo: string | null;
  specialty: string | null;
  passwordChangeRequired: boolean;
  createdAt: string;
}

export interface StaffProfile {
  role: Role;
  licenceNo: string | null;
  specialty: string | null;
}

export class StaffRepository {
  private readonly insertStmt: Statement;
  private readonly byIdStmt: Statement;
  private readonly byLoginKeyStmt: Statement;
  private readonly listAllStmt: Statement;
  private readonly listActiveStmt: Statement;
  private readonly setActiveStmt: Statement;
  private readonly activeAdminsStmt: Statement;
  private readonly countByRoleStmt: Statement;
  private readonly setProfileStmt: Statement;
  private readonly insertRevisionStmt: Statement;
  private readonly revisionsStmt: Statement;
  private readonly lastRevisionStmt: Statement;
  private readonly setPasswordChangeStmt: Statement;

  constructor(db: Database) {
    this.insertStmt = db.prepare(
      `INSERT INTO staff (id, name, login_id, login_key, role, licence_no, specialty, active, password_change_required, created_at, deactivated_at)
       VALUES (@id, @name, @loginId, @loginKey, @role, @licenceNo, @specialty, 1, @passwordChangeRequired, @createdAt, NULL)`,
    );
    this.byIdStmt = db.prepare('SELECT * FROM staff WHERE id = ?');
    this.byLoginKeyStmt = db.prepare('SELECT * FROM staff WHERE login_key = ?');
    this.listAllStmt = db.prepare('SELECT * FROM staff ORDER BY active DESC, role, name, login_id');
    this.listActiveStmt = db.prepare('SELECT * FROM staff WHERE active = 1 ORDER BY role, name, login_id');
    this.setActiveStmt = db.prepare('UPDATE staff SET active = @active, deactivated_at = @deactivatedAt WHERE id = @id');
    this.activeAdminsStmt = db.prepare("SELECT COUNT(*) AS n FROM staff WHERE role = 'admin' AND active = 1");
    this.countByRoleStmt = db.prepare('SELECT role, COUNT(*) AS n FROM staff WHERE active = 1 GROUP BY role');
    this.setProfileStmt = db.prepare(
      'UPDATE staff SET role = @role, licence_no = @licenceNo, specialty = @specialty, version = @version + 1 WHERE id = @id AND version = @version',
    );
    this.insertRevisionStmt = db.prepare(
      `INSERT INTO staff_revisions (id, staff_id, at, by_staff_id, role_before, licence_no_before, specialty_before, role_after, licence_no_after, specialty_after)
       VALUES (@id, @staffId, @at, @byStaffId, @roleBefore, @licenceNoBefore, @specialtyBefore, @roleAfter, @licenceNoAfter, @specialtyAfter)`,
    );
    this.revisionsStmt = db.prepare(
      `SELECT r.*, s.name AS by_name FROM staff_revisions r JOIN staff s ON s.id = r.by_staff_id
       WHERE r.staff_id = ? ORDER BY r.at DESC, r.rowid DESC`,
    );
    this.lastRevisionStmt = db.prepare('SELECT at, by_staff_id FROM staff_revisions WHERE staff_id = ? ORDER BY at DESC, rowid DESC LIMIT 1');
    this.setPasswordChangeStmt = db.prepare('UPDATE staff SET password_change_required = @required WHERE id = @id');
  }

  insert(s: StaffRecord): StaffMember {
    this.insertStmt.run({ ...s, passwordChangeRequired: s.passwordChangeRequired ? 1 : 0 });
    return this.get(s.id)!;
  }

  get(id: string): StaffMember | null {
    const r = this.byIdStmt.get(id) as StaffRow | undefined;
    return r ? rowToStaff(r) : null;
  }

  /** The account a login id (normalised) belongs to. */
  getByLoginKey(key: string): StaffMember | null {
    const r = this.byLoginKeyStmt.get(key) as StaffRow | undefined;
    return r ? rowToStaff(r) : null;
  }

  list(includeInactive: boolean): StaffMember[] {
    return ((includeInactive ? this.listAllStmt : this.listActiveStmt).all() as StaffRow[]).map(rowToStaff);
  }

  setActive(id: string, active: boolean, at: string): StaffMember {
    this.setActiveStmt.run({ id, active: active ? 1 : 0, deactivatedAt: active ? null : at });
    return this.get(id)!;
  }

  /**
   * Changes role, licence number and specialty over the version they were read at, keeping what they were as a
   * revision; null (and nothing written) when another change replaced that version.
   */
  updateProfile(id: string, version: number, next: StaffProfile, by: { staffId: string; at: string; revisionId: string }): StaffMember | null {
    const before = this.get(id)!;
    if (this.setProfileStmt.run({ id, version, ...next }).changes !== 1) return null;
    this.insertRevisionStmt.run({
      id: by.revisionId,
      staffId: id,
      at: by.at,
      byStaffId: by.staffId,
      roleBefore: before.role,
      licenceNoBefore: before.licenceNo,
      specialtyBefore: before.specialty,
      roleAfter: next.role,
      licenceNoAfter: next.licenceNo,
      specialtyAfter: next.specialty,
    });
    return this.get(id)!;
  }

  /** The person's edit version, and who changed role, licence number or specialty last and when (their revision). */
  lastSave(id: string): LastSave | null {
    const member = this.get(id);
    if (!member) return null;
    const r = this.lastRevisionStmt.get(id) as { at: string; by_staff_id: string } | undefined;
    return { version: member.version, updatedAt: r?.at ?? null, updatedBy: r?.by_staff_id ?? null };
  }

  /** Every change of role, licence number or specialty, newest first. */
  revisions(id: string): StaffRevision[] {
    return (this.revisionsStmt.all(id) as RevisionRow[]).map(rowToRevision);
  }

  setPasswordChangeRequired(id: string, required: boolean): void {
    this.setPasswordChangeStmt.run({ id, required: required ? 1 : 0 });
  }

  activeAdminCount(): number {
    return (this.activeAdminsStmt.get() as { n: number }).n;
  }

  activeCountByRole(): Record<string, number> {
    return Object.fromEntries((this.countByRoleStmt.all() as { role: string; n: number }[]).map((r) => [r.role, r.n]));
  }
}
