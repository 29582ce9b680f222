import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { Role, StaffMember } from '../../shared/schemas/staff';

interface StaffRow {
  id: string;
  name: string;
  name_key: string;
  role: string;
  licence_no: string | null;
  specialty: string | null;
  active: number;
  created_at: string;
  deactivated_at: string | null;
}

function rowToStaff(r: StaffRow): StaffMember {
  return {
    id: r.id,
    name: r.name,
    role: r.role as Role,
    licenceNo: r.licence_no,
    specialty: r.specialty,
    active: r.active === 1,
    createdAt: r.created_at,
    deactivatedAt: r.deactivated_at,
  };
}

export interface StaffRecord {
  id: string;
  name: string;
  nameKey: string;
  role: Role;
  licenceNo: string | null;
  specialty: string | null;
  createdAt: string;
}

export class StaffRepository {
  private readonly insertStmt: Statement;
  private readonly byIdStmt: Statement;
  private readonly byNameKeyStmt: Statement;
  private readonly listAllStmt: Statement;
  private readonly listActiveStmt: Statement;
  private readonly setActiveStmt: Statement;
  private readonly activeAdminsStmt: Statement;
  private readonly countByRoleStmt: Statement;

  constructor(db: Database) {
    this.insertStmt = db.prepare(
      `INSERT INTO staff (id, name, name_key, role, licence_no, specialty, active, created_at, deactivated_at)
       VALUES (@id, @name, @nameKey, @role, @licenceNo, @specialty, 1, @createdAt, NULL)`,
    );
    this.byIdStmt = db.prepare('SELECT * FROM staff WHERE id = ?');
    this.byNameKeyStmt = db.prepare('SELECT * FROM staff WHERE name_key = ?');
    this.listAllStmt = db.prepare('SELECT * FROM staff ORDER BY active DESC, role, name');
    this.listActiveStmt = db.prepare('SELECT * FROM staff WHERE active = 1 ORDER BY role, name');
    this.setActiveStmt = db.prepare('UPDATE staff SET active = @active, deactivated_at = @deactivatedAt WHERE id = @id');
    this.activeAdminsStmt = db.prepare("SELECT COUNT(*) AS n FROM staff WHERE role = 'admin' AND active = 1");
    this.countByRoleStmt = db.prepare('SELECT role, COUNT(*) AS n FROM staff WHERE active = 1 GROUP BY role');
  }

  insert(s: StaffRecord): StaffMember {
    this.insertStmt.run(s);
    return this.get(s.id)!;
  }

  get(id: string): StaffMember | null {
    const r = this.byIdStmt.get(id) as StaffRow | undefined;
    return r ? rowToStaff(r) : null;
  }

  getByNameKey(key: string): StaffMember | null {
    const r = this.byNameKeyStmt.get(key) as StaffRow | undefined;
    return r ? rowToStaff(r) : null;
  }

  list(includeInactive: boolean): StaffMember[] {
    return ((includeInactive ? this.listAllStmt : this.listActiveStmt).all() as StaffRow[]).map(rowToStaff);
  }

  setActive(id: string, active: boolean, at: string): StaffMember {
    this.setActiveStmt.run({ id, active: active ? 1 : 0, deactivatedAt: active ? null : at });
    return this.get(id)!;
  }

  activeAdminCount(): number {
    return (this.activeAdminsStmt.get() as { n: number }).n;
  }

  activeCountByRole(): Record<string, number> {
    return Object.fromEntries((this.countByRoleStmt.all() as { role: string; n: number }[]).map((r) => [r.role, r.n]));
  }
}
