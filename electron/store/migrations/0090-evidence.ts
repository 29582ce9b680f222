import type { Migration } from './types';

/**
 * Evidence packs (issue 5): the administrator's Bates-number prefix in the clinic settings, and one row per
 * export (the pack's number, scope and, once written, its signed tag-manifest hash). A finished export is
 * never changed again; an export row is never deleted.
 */
export const migration0090: Migration = {
  version: 90,
  name: 'evidence',
  up(db) {
    db.exec(`
      ALTER TABLE clinic_settings ADD COLUMN bates_prefix TEXT NOT NULL DEFAULT 'CV'
        CHECK (length(bates_prefix) BETWEEN 1 AND 12 AND bates_prefix NOT GLOB '*[^A-Z0-9]*');

      CREATE TABLE evidence_exports (
        id TEXT PRIMARY KEY,
        pack_no INTEGER NOT NULL UNIQUE CHECK (pack_no > 0),
        patient_id TEXT NOT NULL REFERENCES patients (id),
        kind TEXT NOT NULL CHECK (kind IN ('lawyer', 'patient')),
        scope TEXT NOT NULL,
        bates_prefix TEXT NOT NULL,
        file_name TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('started', 'done', 'failed', 'cancelled')),
        tag_manifest_sha256 TEXT,
        bytes INTEGER,
        pages INTEGER,
        started_at TEXT NOT NULL,
        started_by TEXT NOT NULL REFERENCES staff (id),
        finished_at TEXT
      ) STRICT;
      CREATE INDEX evidence_exports_patient ON evidence_exports (patient_id);

      CREATE TRIGGER evidence_exports_finished_frozen BEFORE UPDATE ON evidence_exports
      WHEN OLD.status <> 'started'
      BEGIN
        SELECT RAISE(ABORT, 'evidence_exports: a finished export is not changed');
      END;
      CREATE TRIGGER evidence_exports_identity_frozen BEFORE UPDATE ON evidence_exports
      WHEN NEW.id IS NOT OLD.id OR NEW.pack_no IS NOT OLD.pack_no OR NEW.patient_id IS NOT OLD.patient_id OR NEW.kind IS NOT OLD.kind
        OR NEW.scope IS NOT OLD.scope OR NEW.started_at IS NOT OLD.started_at OR NEW.started_by IS NOT OLD.started_by
      BEGIN
        SELECT RAISE(ABORT, 'evidence_exports: what was exported is not changed');
      END;
      CREATE TRIGGER evidence_exports_no_delete BEFORE DELETE ON evidence_exports
      BEGIN
        SELECT RAISE(ABORT, 'evidence_exports: rows are never deleted');
      END;
    `);
  },
};
