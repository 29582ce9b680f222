import { describe, expect, it } from 'vitest';
import { addClinicTeam, AT, applyMigration, databaseBefore, rowsOf, schemaObjects, TEAM } from './support';

function vaultAt100() {
  const db = databaseBefore(110);
  addClinicTeam(db);
  return db;
}

const addBackup = (db: ReturnType<typeof vaultAt100>, id: string, status: 'verified' | 'failed', failure: string | null, head: boolean) =>
  db.prepare(
    `INSERT INTO backups (id, name, path, taken_at, finished_at, status, trigger, failure, head_seq, head_hash, bytes, checkpoint, started_by)
     VALUES (?, ?, ?, ?, ?, ?, 'schedule', ?, ?, ?, ?, ?, ?)`,
  ).run(id, `${id}.cvbak`, `/mnt/nas/${id}.cvbak`, AT, AT, status, failure, head ? 41 : null, head ? 'c'.repeat(64) : null, head ? 1 << 20 : null, head ? '{"seq":41}' : null, TEAM.admin);

describe('migration 0110 backups', () => {
  it('keeps the staff of a version-100 vault and writes the default backup settings', () => {
    const db = vaultAt100();
    const staff = rowsOf(db, 'staff');
    applyMigration(db, 110);
    expect(rowsOf(db, 'staff')).toEqual(staff);
    expect(rowsOf(db, 'backup_settings')).toEqual([
      { id: 1, destination: null, interval_hours: 4, keep_daily: 7, keep_weekly: 4, keep_monthly: 12, updated_at: null, updated_by: null },
    ]);
    expect(schemaObjects(db, 'table')).toEqual(expect.arrayContaining(['backups', 'backup_removals', 'vault_restores']));
  });

  it('has exactly one backup settings row, with bounded choices', () => {
    const db = vaultAt100();
    applyMigration(db, 110);
    expect(() => db.prepare('INSERT INTO backup_settings (id, interval_hours, keep_daily, keep_weekly, keep_monthly) VALUES (2, 4, 7, 4, 12)').run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE backup_settings SET keep_daily = 0').run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE backup_settings SET interval_hours = 169').run()).toThrow(/CHECK/);
    db.prepare(`UPDATE backup_settings SET destination = '/mnt/nas', interval_hours = 0, updated_at = ?, updated_by = ?`).run(AT, TEAM.admin);
  });

  it('stores a verified backup only with its chain head and checkpoint, and a failed one only with its reason', () => {
    const db = vaultAt100();
    applyMigration(db, 110);
    addBackup(db, 'b1', 'verified', null, true);
    addBackup(db, 'b2', 'failed', 'disk_full', false);
    expect(() => addBackup(db, 'b3', 'verified', null, false)).toThrow(/CHECK/);
    expect(() => addBackup(db, 'b4', 'failed', null, false)).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE backups SET path = '/tmp/x'`).run()).toThrow(/not changed/);
    expect(() => db.prepare('DELETE FROM backups').run()).toThrow(/never deleted/);

    db.prepare(`INSERT INTO backup_removals (backup_id, removed_at, reason) VALUES ('b1', ?, 'rotation')`).run(AT);
    expect(() => db.prepare('DELETE FROM backup_removals').run()).toThrow(/never deleted/);
    expect(() => db.prepare(`INSERT INTO backup_removals (backup_id, removed_at, reason) VALUES ('b-none', ?, 'rotation')`).run(AT)).toThrow(/FOREIGN KEY/);
  });

  it('keeps each restore of the vault as recorded', () => {
    const db = vaultAt100();
    applyMigration(db, 110);
    db.prepare(
      `INSERT INTO vault_restores (id, restored_at, backup_id, backup_name, backup_taken_at, checkpoint_seq, checkpoint_hash, checkpoint_at, checkpoint, method, restored_by)
       VALUES ('r1', ?, 'b-old', 'b-old.cvbak', ?, 41, ?, ?, '{}', 'recovery_code', NULL)`,
    ).run(AT, AT, 'c'.repeat(64), AT);
    expect(() => db.prepare(`UPDATE vault_restores SET method = 'password'`).run()).toThrow(/not changed/);
    expect(() => db.prepare('DELETE FROM vault_restores').run()).toThrow(/never deleted/);
  });
});
