import type { Migration } from './types';

/**
 * Crash recovery (issue 10).
 *
 * keyslot_changes: the commit mark of each key-slot change. keyslots.json lives beside the database, so a slot
 * change and its transaction cannot commit together; the slot is written first, flagged with the change's id,
 * and this row commits with the staff record and audit event. At the next open the flag is settled by whether
 * the row is there.
 *
 * evidence_export_temp_files: the hidden partial files an export writes, recorded when it starts, so that an
 * export killed half-way can be found and its partial pack (patient records) removed at the next open.
 * evidence_export_abandonments: exports found still 'started' with nobody writing them. The export row itself
 * becomes 'failed' (0090's statuses and frozen-row triggers stay as they are); this row says why.
 */
export const migration0100: Migration = {
  version: 100,
  name: 'crash-recovery',
  up(db) {
    db.exec(`
      CREATE TABLE keyslot_changes (
        id TEXT PRIMARY KEY,
        operation TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER keyslot_changes_frozen BEFORE UPDATE ON keyslot_changes
      BEGIN
        SELECT RAISE(ABORT, 'keyslot_changes: rows are not changed');
      END;
      CREATE TRIGGER keyslot_changes_no_delete BEFORE DELETE ON keyslot_changes
      BEGIN
        SELECT RAISE(ABORT, 'keyslot_changes: rows are never deleted');
      END;

      CREATE TABLE evidence_export_temp_files (
        export_id TEXT NOT NULL REFERENCES evidence_exports (id),
        path TEXT NOT NULL,
        file_kind TEXT NOT NULL CHECK (file_kind IN ('pack', 'pdf')),
        owner_host TEXT NOT NULL,
        owner_pid INTEGER NOT NULL,
        folder_device TEXT,
        recovery TEXT CHECK (recovery IN ('removed', 'not_found', 'unreachable')),
        recovered_at TEXT,
        cleared_at TEXT,
        PRIMARY KEY (export_id, path),
        CHECK ((recovery IS NULL) = (recovered_at IS NULL)),
        CHECK (cleared_at IS NULL OR recovery = 'unreachable')
      ) STRICT;
      CREATE TRIGGER evidence_export_temp_files_while_started BEFORE INSERT ON evidence_export_temp_files
      WHEN (SELECT status FROM evidence_exports WHERE id = NEW.export_id) IS NOT 'started'
      BEGIN
        SELECT RAISE(ABORT, 'evidence_export_temp_files: only a running export has temporary files');
      END;
      CREATE TRIGGER evidence_export_temp_files_identity_frozen BEFORE UPDATE ON evidence_export_temp_files
      WHEN NEW.export_id IS NOT OLD.export_id OR NEW.path IS NOT OLD.path OR NEW.file_kind IS NOT OLD.file_kind
        OR NEW.owner_host IS NOT OLD.owner_host OR NEW.owner_pid IS NOT OLD.owner_pid OR NEW.folder_device IS NOT OLD.folder_device
        OR (OLD.recovery IS NOT NULL AND (NEW.recovery IS NOT OLD.recovery OR NEW.recovered_at IS NOT OLD.recovered_at))
        OR (OLD.cleared_at IS NOT NULL AND NEW.cleared_at IS NOT OLD.cleared_at)
      BEGIN
        SELECT RAISE(ABORT, 'evidence_export_temp_files: what was recorded is not changed');
      END;
      CREATE TRIGGER evidence_export_temp_files_no_delete BEFORE DELETE ON evidence_export_temp_files
      BEGIN
        SELECT RAISE(ABORT, 'evidence_export_temp_files: rows are never deleted');
      END;

      CREATE TABLE evidence_export_abandonments (
        export_id TEXT PRIMARY KEY REFERENCES evidence_exports (id),
        abandoned_at TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER evidence_export_abandonments_while_started BEFORE INSERT ON evidence_export_abandonments
      WHEN (SELECT status FROM evidence_exports WHERE id = NEW.export_id) IS NOT 'started'
      BEGIN
        SELECT RAISE(ABORT, 'evidence_export_abandonments: only an export still started can be abandoned');
      END;
      CREATE TRIGGER evidence_export_abandonments_frozen BEFORE UPDATE ON evidence_export_abandonments
      BEGIN
        SELECT RAISE(ABORT, 'evidence_export_abandonments: rows are not changed');
      END;
      CREATE TRIGGER evidence_export_abandonments_no_delete BEFORE DELETE ON evidence_export_abandonments
      BEGIN
        SELECT RAISE(ABORT, 'evidence_export_abandonments: rows are never deleted');
      END;
    `);
  },
};
