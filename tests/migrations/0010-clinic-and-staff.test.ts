import { describe, expect, it } from 'vitest';
import { addClinicSettings, addStaff, applyMigration, AT, databaseBefore, rowsOf, schemaObjects, schemaVersion } from './support';

describe('migration 0010 clinic-and-staff', () => {
  it('creates the clinic settings, signing keys and staff tables on a blank database and records version 10', () => {
    const db = databaseBefore(10);
    expect(schemaVersion(db)).toBe(0);
    expect(schemaObjects(db, 'table')).toEqual([]);

    applyMigration(db, 10);

    expect(schemaVersion(db)).toBe(10);
    expect(schemaObjects(db, 'table')).toEqual(['clinic_keys', 'clinic_settings', 'staff']);
  });

  it('keeps one clinic settings row with an idle lock of 1 to 120 minutes', () => {
    const db = databaseBefore(10);
    applyMigration(db, 10);
    addClinicSettings(db);
    expect(rowsOf(db, 'clinic_settings')).toEqual([
      { id: 1, vault_id: 'vault-7f3a', clinic_name: '晨光美學診所', time_zone: 'Asia/Taipei', idle_lock_minutes: 10, created_at: AT, updated_at: AT },
    ]);
    expect(() => addClinicSettings(db, '第二間診所')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => db.prepare('UPDATE clinic_settings SET idle_lock_minutes = 0').run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE clinic_settings SET idle_lock_minutes = 121').run()).toThrow(/CHECK/);
  });

  it('refuses a physician without licence number and specialty, and a second person with the same sign-in name', () => {
    const db = databaseBefore(10);
    applyMigration(db, 10);
    addStaff(db, { id: 's1', name: 'Wang Physician', role: 'physician' });
    expect(() =>
      db.prepare(`INSERT INTO staff (id, name, name_key, role, active, created_at) VALUES ('s2', 'Dr No Licence', 'dr no licence', 'physician', 1, ?)`).run(AT),
    ).toThrow(/CHECK/);
    // name_key is the normalised name: "ＷＡＮＧ physician" (full-width) is the same sign-in name.
    expect(() => addStaff(db, { id: 's3', name: 'ＷＡＮＧ Physician', role: 'nurse' })).toThrow(/UNIQUE/);
    expect(() => addStaff(db, { id: 's4', name: 'Receptionist', role: 'receptionist' as 'nurse' })).toThrow(/CHECK/);
  });

  it('accepts only ed25519 evidence-signing keys', () => {
    const db = databaseBefore(10);
    applyMigration(db, 10);
    const insert = db.prepare(
      `INSERT INTO clinic_keys (id, purpose, algorithm, public_key_pem, private_key_pem, fingerprint, created_at) VALUES (?, 'evidence_signing', ?, 'pub', 'priv', 'fp', ?)`,
    );
    insert.run('k1', 'ed25519', AT);
    expect(() => insert.run('k2', 'rsa', AT)).toThrow(/CHECK/);
  });
});
