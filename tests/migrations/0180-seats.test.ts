import { describe, expect, it } from 'vitest';
import { addClinicTeam, appendAuditEvent, applyMigration, columnNames, databaseBefore, foreignKeyViolations, rowsOf, TEAM } from './support';

function vaultAt170() {
  const db = databaseBefore(180);
  addClinicTeam(db);
  appendAuditEvent(db, { action: 'staff.added', subjectType: 'staff', subjectId: TEAM.nurse, details: { name: 'Nurse' } });
  appendAuditEvent(db, { action: 'session.signed_in', subjectType: 'staff', subjectId: TEAM.admin });
  return db;
}

describe('migration 0180 seats', () => {
  it('gives every earlier audit event no seat and changes nothing else in it (they keep hash format 1)', () => {
    const db = vaultAt170();
    const before = rowsOf(db, 'audit_events', 'seq');
    applyMigration(db, 180);
    expect(columnNames(db, 'audit_events')).toEqual(expect.arrayContaining(['seat_id', 'seat_name']));
    expect(rowsOf(db, 'audit_events', 'seq')).toEqual(before.map((r) => ({ ...r, seat_id: null, seat_name: null })));
    expect(foreignKeyViolations(db)).toEqual([]);
  });

  it('keeps the audit trail append-only, seat columns included', () => {
    const db = vaultAt170();
    applyMigration(db, 180);
    expect(() => db.prepare("UPDATE audit_events SET seat_id = 'desk', seat_name = 'desk' WHERE seq = 1").run()).toThrow();
    expect(() => db.prepare('DELETE FROM audit_events WHERE seq = 1').run()).toThrow();
    expect(rowsOf(db, 'audit_events', 'seq').map((r) => r.seat_id)).toEqual([null, null]);
  });

  it('keeps paired devices (never deleted) and pairing codes only by their hashes, each made by a staff member', () => {
    const db = vaultAt170();
    applyMigration(db, 180);
    db.prepare("INSERT INTO paired_devices (id, name, kind, credential_sha256, paired_at, paired_by) VALUES ('dev-1', '護理站', 'desktop', ?, '2026-03-02T01:00:00.000Z', ?)").run('a'.repeat(64), TEAM.admin);
    expect(() => db.prepare('DELETE FROM paired_devices').run()).toThrow(/never deleted/);
    expect(() =>
      db.prepare("INSERT INTO paired_devices (id, name, kind, credential_sha256, paired_at, paired_by) VALUES ('dev-2', 'x', 'phone', ?, '2026-03-02T01:00:00.000Z', ?)").run('b'.repeat(64), TEAM.admin),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO pairing_codes (id, code_sha256, device_name, device_kind, created_at, created_by, expires_at, tries_left) VALUES ('code-1', ?, 'x', 'tablet', 'a', 'staff-nobody', 'b', 5)").run('c'.repeat(64)),
    ).toThrow(/FOREIGN KEY/);
    expect(columnNames(db, 'pairing_codes')).not.toContain('code');
    expect(columnNames(db, 'paired_devices')).not.toContain('credential');
  });
});
