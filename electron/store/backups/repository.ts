import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import { lastSaveOf, type LastSave } from '../edit-versions';
import type { BackupFailure, BackupRecord, BackupSettings, BackupTrigger, RestoreRecord } from '../../../shared/schemas/backup';

interface BackupRow {
  id: string;
  name: string;
  path: string;
  taken_at: string;
  finished_at: string;
  status: 'verified' | 'failed';
  trigger: BackupTrigger;
  failure: BackupFailure | null;
  head_seq: number | null;
  head_hash: string | null;
  bytes: number | null;
  removed_at: string | null;
}

function rowToBackup(r: BackupRow): BackupRecord {
  return {
    id: r.id,
    name: r.name,
    path: r.path,
    takenAt: r.taken_at,
    finishedAt: r.finished_at,
    status: r.removed_at ? 'removed' : r.status,
    trigger: r.trigger,
    failure: r.failure,
    headSeq: r.head_seq,
    headHash: r.head_hash,
    bytes: r.bytes,
    removedAt: r.removed_at,
  };
}

interface RestoreRow {
  id: string;
  restored_at: string;
  backup_id: string;
  backup_name: string;
  backup_taken_at: string;
  checkpoint_seq: number;
  checkpoint_hash: string;
  checkpoint_at: string;
}

function rowToRestore(r: RestoreRow): RestoreRecord {
  return {
    id: r.id,
    restoredAt: r.restored_at,
    backupId: r.backup_id,
    backupName: r.backup_name,
    backupTakenAt: r.backup_taken_at,
    checkpointSeq: r.checkpoint_seq,
    checkpointHash: r.checkpoint_hash,
    checkpointAt: r.checkpoint_at,
  };
}

export interface NewBackupRecord {
  id: string;
  name: string;
  path: string;
  takenAt: string;
  finishedAt: string;
  status: 'verified' | 'failed';
  trigger: BackupTrigger;
  failure: BackupFailure | null;
  headSeq: number | null;
  headHash: string | null;
  bytes: number | null;
  /** The signed checkpoint JSON the manifest carries. */
  checkpoint: string | null;
  startedBy: string | null;
}

export interface NewRestoreRecord {
  id: string;
  restoredAt: string;
  backupId: string;
  backupName: string;
  backupTakenAt: string;
  checkpointSeq: number;
  checkpointHash: string;
  checkpointAt: string;
  checkpoint: string;
  method: 'password' | 'recovery_code';
  restoredBy: string | null;
}

const SELECT_BACKUP = `SELECT b.id, b.name, b.path, b.taken_at, b.finished_at, b.status, b.trigger, b.failure, b.head_seq, b.head_hash, b.bytes, r.removed_at
  FROM backups b LEFT JOIN backup_removals r ON r.backup_id = b.id`;

/** Backup settings, the record of each backup and of each restore (migration 0110). */
export class BackupRepository {
  private readonly settingsStmt: Statement;
  private readonly updateSettingsStmt: Statement;
  private readonly settingsLastSaveStmt: Statement;
  private readonly insertStmt: Statement;
  private readonly listStmt: Statement;
  private readonly lastVerifiedStmt: Statement;
  private readonly lastAttemptStmt: Statement;
  private readonly removeStmt: Statement;
  private readonly insertRestoreStmt: Statement;
  private readonly restoresStmt: Statement;

  constructor(db: Database) {
    this.settingsStmt = db.prepare('SELECT destination, interval_hours, keep_daily, keep_weekly, keep_monthly FROM backup_settings WHERE id = 1');
    this.updateSettingsStmt = db.prepare(
      `UPDATE backup_settings SET destination = @destination, interval_hours = @intervalHours, keep_daily = @keepDaily, keep_weekly = @keepWeekly,
         keep_monthly = @keepMonthly, updated_at = @at, updated_by = @by, version = @version + 1 WHERE id = 1 AND version = @version`,
    );
    this.settingsLastSaveStmt = db.prepare('SELECT version, updated_at, updated_by FROM backup_settings WHERE id = 1');
    this.insertStmt = db.prepare(
      `INSERT INTO backups (id, name, path, taken_at, finished_at, status, trigger, failure, head_seq, head_hash, bytes, checkpoint, started_by)
       VALUES (@id, @name, @path, @takenAt, @finishedAt, @status, @trigger, @failure, @headSeq, @headHash, @bytes, @checkpoint, @startedBy)`,
    );
    this.listStmt = db.prepare(`${SELECT_BACKUP} ORDER BY b.taken_at DESC, b.rowid DESC LIMIT ?`);
    this.lastVerifiedStmt = db.prepare(`${SELECT_BACKUP} WHERE b.status = 'verified' AND r.removed_at IS NULL ORDER BY b.taken_at DESC, b.rowid DESC LIMIT 1`);
    this.lastAttemptStmt = db.prepare(`${SELECT_BACKUP} ORDER BY b.taken_at DESC, b.rowid DESC LIMIT 1`);
    this.removeStmt = db.prepare('INSERT INTO backup_removals (backup_id, removed_at, reason) VALUES (?, ?, ?)');
    this.insertRestoreStmt = db.prepare(
      `INSERT INTO vault_restores (id, restored_at, backup_id, backup_name, backup_taken_at, checkpoint_seq, checkpoint_hash, checkpoint_at, checkpoint, method, restored_by)
       VALUES (@id, @restoredAt, @backupId, @backupName, @backupTakenAt, @checkpointSeq, @checkpointHash, @checkpointAt, @checkpoint, @method, @restoredBy)`,
    );
    this.restoresStmt = db.prepare(
      'SELECT id, restored_at, backup_id, backup_name, backup_taken_at, checkpoint_seq, checkpoint_hash, checkpoint_at FROM vault_restores ORDER BY restored_at, rowid',
    );
  }

  settings(): BackupSettings {
    const r = this.settingsStmt.get() as { destination: string | null; interval_hours: number; keep_daily: number; keep_weekly: number; keep_monthly: number };
    return { destination: r.destination, intervalHours: r.interval_hours, keepDaily: r.keep_daily, keepWeekly: r.keep_weekly, keepMonthly: r.keep_monthly };
  }

  /** Saves the settings over the version they were read at; false when another save replaced that version. */
  updateSettings(s: BackupSettings, version: number, at: string, by: string): boolean {
    return this.updateSettingsStmt.run({ ...s, version, at, by }).changes === 1;
  }

  /** The settings' edit version, and who saved them last and when (issue 14). */
  settingsLastSave(): LastSave {
    return lastSaveOf(this.settingsLastSaveStmt.get())!;
  }

  insert(b: NewBackupRecord): void {
    this.insertStmt.run(b);
  }

  list(limit = 200): BackupRecord[] {
    return (this.listStmt.all(limit) as BackupRow[]).map(rowToBackup);
  }

  lastVerified(): BackupRecord | null {
    const r = this.lastVerifiedStmt.get() as BackupRow | undefined;
    return r ? rowToBackup(r) : null;
  }

  lastAttempt(): BackupRecord | null {
    const r = this.lastAttemptStmt.get() as BackupRow | undefined;
    return r ? rowToBackup(r) : null;
  }

  markRemoved(id: string, at: string, reason: 'rotation' | 'folder_gone'): void {
    this.removeStmt.run(id, at, reason);
  }

  insertRestore(r: NewRestoreRecord): void {
    this.insertRestoreStmt.run(r);
  }

  restores(): RestoreRecord[] {
    return (this.restoresStmt.all() as RestoreRow[]).map(rowToRestore);
  }
}
