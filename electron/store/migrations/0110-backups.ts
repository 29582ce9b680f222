import type { Migration } from './types';

/**
 * Backups (issue 11).
 *
 * backup_settings: one row, the administrator's choices (destination folder, hours between scheduled backups,
 * how many daily/weekly/monthly backups rotation keeps). Defaults: no folder yet, every 4 hours, 7/4/12.
 * backups: one row per finished attempt (verified, or failed and why), written when the job ends; never changed.
 * backup_removals: rotation's deletions, beside the row it removed, so the history of what existed stays.
 * vault_restores: each time this vault was restored from a backup, with the chain checkpoint it continues from;
 * evidence packs name these, so two copies of one vault in use at once are visible.
 */
export const migration0110: Migration = {
  version: 110,
  name: 'backups',
  up(db) {
    db.exec(`
      CREATE TABLE backup_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        destination TEXT,
        interval_hours INTEGER NOT NULL CHECK (interval_hours BETWEEN 0 AND 168),
        keep_daily INTEGER NOT NULL CHECK (keep_daily BETWEEN 1 AND 60),
        keep_weekly INTEGER NOT NULL CHECK (keep_weekly BETWEEN 0 AND 52),
        keep_monthly INTEGER NOT NULL CHECK (keep_monthly BETWEEN 0 AND 120),
        updated_at TEXT,
        updated_by TEXT
      ) STRICT;
      INSERT INTO backup_settings (id, destination, interval_hours, keep_daily, keep_weekly, keep_monthly) VALUES (1, NULL, 4, 7, 4, 12);

      CREATE TABLE backups (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        path TEXT NOT NULL,
        taken_at TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('verified', 'failed')),
        trigger TEXT NOT NULL CHECK (trigger IN ('manual', 'schedule', 'sign_out', 'quit', 'cli')),
        failure TEXT CHECK (failure IN ('folder_missing', 'not_writable', 'disk_full', 'verification_failed', 'cancelled', 'time_limit', 'failed')),
        head_seq INTEGER,
        head_hash TEXT,
        bytes INTEGER,
        checkpoint TEXT,
        started_by TEXT,
        CHECK ((status = 'verified') = (failure IS NULL)),
        CHECK (status = 'failed' OR (head_seq IS NOT NULL AND head_hash IS NOT NULL AND checkpoint IS NOT NULL))
      ) STRICT;
      CREATE INDEX backups_by_time ON backups (taken_at);
      CREATE TRIGGER backups_frozen BEFORE UPDATE ON backups
      BEGIN
        SELECT RAISE(ABORT, 'backups: rows are not changed');
      END;
      CREATE TRIGGER backups_no_delete BEFORE DELETE ON backups
      BEGIN
        SELECT RAISE(ABORT, 'backups: rows are never deleted');
      END;

      CREATE TABLE backup_removals (
        backup_id TEXT PRIMARY KEY REFERENCES backups (id),
        removed_at TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (reason IN ('rotation', 'folder_gone'))
      ) STRICT;
      CREATE TRIGGER backup_removals_frozen BEFORE UPDATE ON backup_removals
      BEGIN
        SELECT RAISE(ABORT, 'backup_removals: rows are not changed');
      END;
      CREATE TRIGGER backup_removals_no_delete BEFORE DELETE ON backup_removals
      BEGIN
        SELECT RAISE(ABORT, 'backup_removals: rows are never deleted');
      END;

      CREATE TABLE vault_restores (
        id TEXT PRIMARY KEY,
        restored_at TEXT NOT NULL,
        backup_id TEXT NOT NULL,
        backup_name TEXT NOT NULL,
        backup_taken_at TEXT NOT NULL,
        checkpoint_seq INTEGER NOT NULL,
        checkpoint_hash TEXT NOT NULL,
        checkpoint_at TEXT NOT NULL,
        checkpoint TEXT NOT NULL,
        method TEXT NOT NULL CHECK (method IN ('password', 'recovery_code')),
        restored_by TEXT
      ) STRICT;
      CREATE TRIGGER vault_restores_frozen BEFORE UPDATE ON vault_restores
      BEGIN
        SELECT RAISE(ABORT, 'vault_restores: rows are not changed');
      END;
      CREATE TRIGGER vault_restores_no_delete BEFORE DELETE ON vault_restores
      BEGIN
        SELECT RAISE(ABORT, 'vault_restores: rows are never deleted');
      END;
    `);
  },
};
