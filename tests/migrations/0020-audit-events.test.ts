import { describe, expect, it } from 'vitest';
import { addClinicTeam, AT, appendAuditEvent, applyMigration, CHAIN_START, databaseBefore, foreignKeyViolations, planUses, rowsOf, schemaObjects, TEAM } from './support';

function vaultAt10() {
  const db = databaseBefore(20);
  addClinicTeam(db);
  return db;
}

describe('migration 0020 audit-events', () => {
  it('keeps the clinic and staff rows of a version-10 vault', () => {
    const db = vaultAt10();
    const staffBefore = rowsOf(db, 'staff');
    const settingsBefore = rowsOf(db, 'clinic_settings');
    applyMigration(db, 20);
    expect(rowsOf(db, 'staff')).toEqual(staffBefore);
    expect(rowsOf(db, 'clinic_settings')).toEqual(settingsBefore);
    expect(staffBefore).toHaveLength(5);
    expect(foreignKeyViolations(db)).toEqual([]);
  });

  it('starts the chain at the all-zero hash and accepts only the next link', () => {
    const db = vaultAt10();
    applyMigration(db, 20);
    const insert = db.prepare(
      `INSERT INTO audit_events (seq, at, actor_id, actor_name, actor_role, action, subject_type, subject_id, details, prev_hash, hash)
       VALUES (?, ?, ?, 'Lin Admin', 'admin', 'vault.created', 'vault', 'vault-7f3a', '{}', ?, ?)`,
    );
    expect(() => insert.run(1, AT, TEAM.admin, 'f'.repeat(64), 'a'.repeat(64))).toThrow(/prev_hash must equal the chain head/);
    expect(() => insert.run(2, AT, TEAM.admin, CHAIN_START, 'a'.repeat(64))).toThrow(/sequence must follow the chain head/);
    insert.run(1, AT, TEAM.admin, CHAIN_START, 'a'.repeat(64));

    const second = appendAuditEvent(db, { action: 'staff.added', subjectType: 'staff', subjectId: TEAM.nurse });
    expect(second).toBe(2);
    const rows = rowsOf(db, 'audit_events', 'seq') as { prev_hash: string; hash: string }[];
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
    // A link that skips back to an older head is refused.
    expect(() => insert.run(3, AT, TEAM.admin, 'a'.repeat(64), 'b'.repeat(64))).toThrow(/prev_hash must equal the chain head/);
  });

  it('refuses to update or delete any audit event', () => {
    const db = vaultAt10();
    applyMigration(db, 20);
    appendAuditEvent(db, { action: 'vault.created', subjectType: 'vault', subjectId: 'vault-7f3a' });
    expect(() => db.prepare(`UPDATE audit_events SET action = 'staff.added'`).run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/);
    expect(rowsOf(db, 'audit_events')).toHaveLength(1);
  });

  it('indexes events by subject and by actor', () => {
    const db = vaultAt10();
    applyMigration(db, 20);
    expect(schemaObjects(db, 'index')).toEqual(expect.arrayContaining(['audit_events_actor', 'audit_events_subject']));
    expect(planUses(db, `SELECT * FROM audit_events WHERE subject_type = 'patient' AND subject_id = 'p1'`, 'audit_events_subject')).toBe(true);
  });
});
