import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { ClinicSettings, PrintedDateEra } from '../../../shared/schemas/settings';
import { lastSaveOf, type LastSave } from '../edit-versions';

interface SettingsRow {
  vault_id: string;
  clinic_name: string;
  time_zone: string;
  idle_lock_minutes: number;
  bates_prefix: string;
}

export interface ClinicKey {
  id: string;
  publicKeyPem: string;
  privateKeyPem: string;
  fingerprint: string;
  createdAt: string;
}

export class SettingsRepository {
  private readonly getStmt: Statement;
  private readonly insertStmt: Statement;
  private readonly insertKeyStmt: Statement;
  private readonly signingKeyStmt: Statement;
  private readonly db: Database;
  private eraStmt: Statement | null = null;
  private setEraStmt: Statement | null = null;
  private editStmts: { lastSave: Statement; update: Statement } | null = null;

  constructor(db: Database) {
    this.db = db;
    this.getStmt = db.prepare('SELECT vault_id, clinic_name, time_zone, idle_lock_minutes, bates_prefix FROM clinic_settings WHERE id = 1');
    this.insertStmt = db.prepare(
      `INSERT INTO clinic_settings (id, vault_id, clinic_name, time_zone, idle_lock_minutes, created_at, updated_at)
       VALUES (1, @vaultId, @clinicName, @timeZone, @idleLockMinutes, @at, @at)`,
    );
    this.insertKeyStmt = db.prepare(
      `INSERT INTO clinic_keys (id, purpose, algorithm, public_key_pem, private_key_pem, fingerprint, created_at)
       VALUES (@id, 'evidence_signing', 'ed25519', @publicKeyPem, @privateKeyPem, @fingerprint, @createdAt)`,
    );
    this.signingKeyStmt = db.prepare(
      `SELECT id, public_key_pem, private_key_pem, fingerprint, created_at FROM clinic_keys
       WHERE purpose = 'evidence_signing' ORDER BY created_at DESC LIMIT 1`,
    );
  }

  vaultId(): string {
    return (this.getStmt.get() as SettingsRow).vault_id;
  }

  get(): ClinicSettings {
    const r = this.getStmt.get() as SettingsRow;
    return { clinicName: r.clinic_name, timeZone: r.time_zone, idleLockMinutes: r.idle_lock_minutes, batesPrefix: r.bates_prefix };
  }

  /** The Bates prefix starts as the column's default; an administrator changes it in the settings. */
  insert(vaultId: string, s: Omit<ClinicSettings, 'batesPrefix'>, at: string): void {
    this.insertStmt.run({ vaultId, ...s, at });
  }

  /**
   * Prepared on first use, like the era's: restores read the settings of copies that may be older than migration
   * 0200 (the edit version), before those copies are migrated.
   */
  private edits(): { lastSave: Statement; update: Statement } {
    return (this.editStmts ??= {
      lastSave: this.db.prepare('SELECT version, updated_at, updated_by FROM clinic_settings WHERE id = 1'),
      update: this.db.prepare(
        `UPDATE clinic_settings SET clinic_name = @clinicName, time_zone = @timeZone, idle_lock_minutes = @idleLockMinutes,
         bates_prefix = @batesPrefix, updated_at = @at, updated_by = @by, version = @version + 1 WHERE id = 1 AND version = @version`,
      ),
    });
  }

  /** The edit version of the settings, and who saved them last and when (issue 14). */
  lastSave(): LastSave {
    return lastSaveOf(this.edits().lastSave.get())!;
  }

  /** Saves the settings over the version they were read at; false when another save replaced that version. */
  update(s: ClinicSettings, at: string, by: string, version: number): boolean {
    return this.edits().update.run({ ...s, at, by, version }).changes === 1;
  }

  /**
   * Prepared on first use: backups and restores read the settings of copies that may be older than
   * migration 0150 (the column), before those copies are migrated.
   */
  private era(): Statement {
    return (this.eraStmt ??= this.db.prepare('SELECT printed_date_era FROM clinic_settings WHERE id = 1'));
  }

  /** How printed documents write dates: 西元 (gregorian) unless the clinic chose 民國. */
  printedDateEra(): PrintedDateEra {
    const r = this.era().get() as { printed_date_era: string } | undefined;
    return r?.printed_date_era === 'roc' ? 'roc' : 'gregorian';
  }

  /** The person is kept with the time, so a refused settings save names whoever changed the row last. */
  setPrintedDateEra(era: PrintedDateEra, at: string, by: string): void {
    this.setEraStmt ??= this.db.prepare('UPDATE clinic_settings SET printed_date_era = ?, updated_at = ?, updated_by = ? WHERE id = 1');
    this.setEraStmt.run(era, at, by);
  }

  insertSigningKey(k: ClinicKey): void {
    this.insertKeyStmt.run(k);
  }

  signingKey(): ClinicKey | null {
    const r = this.signingKeyStmt.get() as
      | { id: string; public_key_pem: string; private_key_pem: string; fingerprint: string; created_at: string }
      | undefined;
    return r ? { id: r.id, publicKeyPem: r.public_key_pem, privateKeyPem: r.private_key_pem, fingerprint: r.fingerprint, createdAt: r.created_at } : null;
  }
}
