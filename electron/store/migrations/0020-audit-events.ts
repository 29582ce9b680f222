import type { Migration } from './types';

/**
 * The audit trail is append-only and hash-chained: each row's prev_hash must equal the hash of the row
 * before it (checked on insert), and no row may ever be updated or deleted (triggers).
 */
export const migration0020: Migration = {
  version: 20,
  name: 'audit-events',
  up(db) {
    db.exec(`
      CREATE TABLE audit_events (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor_id TEXT,
        actor_name TEXT,
        actor_role TEXT,
        action TEXT NOT NULL,
        subject_type TEXT,
        subject_id TEXT,
        details TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE
      ) STRICT;
      CREATE INDEX audit_events_subject ON audit_events (subject_type, subject_id);
      CREATE INDEX audit_events_actor ON audit_events (actor_id);

      CREATE TRIGGER audit_events_chain_insert BEFORE INSERT ON audit_events
      BEGIN
        SELECT RAISE(ABORT, 'audit_events: sequence must follow the chain head')
        WHERE NEW.seq <> COALESCE((SELECT MAX(seq) FROM audit_events), 0) + 1;
        SELECT RAISE(ABORT, 'audit_events: prev_hash must equal the chain head')
        WHERE NEW.prev_hash <> COALESCE(
          (SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1),
          '0000000000000000000000000000000000000000000000000000000000000000');
      END;
      CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
      BEGIN
        SELECT RAISE(ABORT, 'audit_events is append-only');
      END;
      CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
      BEGIN
        SELECT RAISE(ABORT, 'audit_events is append-only');
      END;
    `);
  },
};
