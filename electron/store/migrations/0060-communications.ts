import type { Migration } from './types';

/**
 * The communications log: every call, LINE message, e-mail, SMS or talk with a patient. Entries are evidence,
 * so they are never changed or removed; a mistake is fixed by appending a correction beside the original.
 */
export const migration0060: Migration = {
  version: 60,
  name: 'communications',
  up(db) {
    db.exec(`
      CREATE TABLE communications (
        id TEXT PRIMARY KEY,
        patient_id TEXT NOT NULL REFERENCES patients (id),
        consultation_id TEXT REFERENCES consultations (id),
        channel TEXT NOT NULL CHECK (channel IN ('phone', 'line', 'email', 'sms', 'in_person')),
        direction TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
        occurred_at TEXT NOT NULL,
        summary TEXT NOT NULL CHECK (length(summary) > 0),
        attachment_sha256 TEXT REFERENCES attachments (sha256),
        attachment_name TEXT,
        staff_id TEXT NOT NULL REFERENCES staff (id),
        created_at TEXT NOT NULL,
        CHECK ((attachment_sha256 IS NULL) = (attachment_name IS NULL))
      ) STRICT;
      CREATE INDEX communications_patient ON communications (patient_id, occurred_at);
      CREATE TRIGGER communications_immutable BEFORE UPDATE ON communications
      BEGIN SELECT RAISE(ABORT, 'communications are immutable; append a correction'); END;
      CREATE TRIGGER communications_kept BEFORE DELETE ON communications
      BEGIN SELECT RAISE(ABORT, 'communications are never deleted'); END;

      CREATE TABLE communication_corrections (
        id TEXT PRIMARY KEY,
        communication_id TEXT NOT NULL REFERENCES communications (id),
        text TEXT NOT NULL CHECK (length(text) > 0),
        staff_id TEXT NOT NULL REFERENCES staff (id),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX communication_corrections_entry ON communication_corrections (communication_id, created_at);
      CREATE TRIGGER communication_corrections_immutable BEFORE UPDATE ON communication_corrections
      BEGIN SELECT RAISE(ABORT, 'corrections are immutable'); END;
      CREATE TRIGGER communication_corrections_kept BEFORE DELETE ON communication_corrections
      BEGIN SELECT RAISE(ABORT, 'corrections are never deleted'); END;
    `);
  },
};
