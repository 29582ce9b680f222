import type { Migration } from './types';

/**
 * Consultations with their risk disclosure, reading-mode times, comprehension answers and photos.
 * Once a consultation leaves `draft`, what was disclosed is frozen by triggers.
 */
export const migration0050: Migration = {
  version: 50,
  name: 'consultations',
  up(db) {
    db.exec(`
      CREATE TABLE consultations (
        id TEXT PRIMARY KEY,
        patient_id TEXT NOT NULL REFERENCES patients (id),
        consultant_id TEXT NOT NULL REFERENCES staff (id),
        physician_id TEXT NOT NULL REFERENCES staff (id),
        procedure_id TEXT NOT NULL REFERENCES procedures (id),
        template_id TEXT NOT NULL REFERENCES disclosure_templates (id),
        locale TEXT NOT NULL CHECK (locale IN ('zh-TW', 'en')),
        status TEXT NOT NULL CHECK (status IN ('draft', 'disclosed', 'patient_signed', 'fully_signed', 'treated', 'follow_up', 'closed', 'withdrawn')),
        screening TEXT,
        goals TEXT,
        alternatives TEXT,
        quote TEXT,
        quote_total_twd INTEGER,
        quote_acknowledged_at TEXT,
        comprehension_passed_at TEXT,
        cooling_off_days INTEGER NOT NULL CHECK (cooling_off_days >= 1),
        disclosed_at TEXT,
        cooling_off_ends_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX consultations_patient ON consultations (patient_id, created_at);
      CREATE INDEX consultations_status ON consultations (status);

      CREATE TRIGGER consultations_disclosure_frozen BEFORE UPDATE ON consultations
      WHEN OLD.status <> 'draft' AND (
        NEW.screening IS NOT OLD.screening OR NEW.goals IS NOT OLD.goals OR NEW.alternatives IS NOT OLD.alternatives
        OR NEW.quote IS NOT OLD.quote OR NEW.quote_acknowledged_at IS NOT OLD.quote_acknowledged_at
        OR NEW.comprehension_passed_at IS NOT OLD.comprehension_passed_at OR NEW.template_id IS NOT OLD.template_id
        OR NEW.disclosed_at IS NOT OLD.disclosed_at OR NEW.cooling_off_ends_at IS NOT OLD.cooling_off_ends_at
        OR NEW.patient_id IS NOT OLD.patient_id OR NEW.procedure_id IS NOT OLD.procedure_id)
      BEGIN SELECT RAISE(ABORT, 'a disclosed consultation cannot change what was disclosed'); END;
      CREATE TRIGGER consultations_no_delete BEFORE DELETE ON consultations
      BEGIN SELECT RAISE(ABORT, 'consultations are never deleted'); END;

      CREATE TABLE risk_acknowledgements (
        consultation_id TEXT NOT NULL REFERENCES consultations (id),
        risk_id TEXT NOT NULL,
        explained_at TEXT NOT NULL,
        acknowledged_at TEXT NOT NULL,
        method TEXT NOT NULL CHECK (method IN ('consultant_tap', 'patient_reading_mode')),
        questions TEXT,
        recorded_by TEXT NOT NULL REFERENCES staff (id),
        PRIMARY KEY (consultation_id, risk_id)
      ) STRICT;
      CREATE TRIGGER risk_acknowledgements_frozen BEFORE UPDATE ON risk_acknowledgements
      BEGIN SELECT RAISE(ABORT, 'a risk acknowledgement is never changed'); END;
      CREATE TRIGGER risk_acknowledgements_kept BEFORE DELETE ON risk_acknowledgements
      BEGIN SELECT RAISE(ABORT, 'a risk acknowledgement is never deleted'); END;

      CREATE TABLE reading_times (
        consultation_id TEXT NOT NULL REFERENCES consultations (id),
        section TEXT NOT NULL,
        seconds INTEGER NOT NULL CHECK (seconds >= 0),
        recorded_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX reading_times_consultation ON reading_times (consultation_id);

      CREATE TABLE comprehension_answers (
        consultation_id TEXT NOT NULL REFERENCES consultations (id),
        question_id TEXT NOT NULL,
        attempt INTEGER NOT NULL,
        chosen_index INTEGER NOT NULL,
        correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
        answered_at TEXT NOT NULL,
        PRIMARY KEY (consultation_id, question_id, attempt)
      ) STRICT;

      CREATE TABLE attachments (
        sha256 TEXT PRIMARY KEY,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        bytes BLOB NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER attachments_immutable BEFORE UPDATE ON attachments
      BEGIN SELECT RAISE(ABORT, 'attachments are content-addressed and immutable'); END;

      CREATE TABLE photos (
        id TEXT PRIMARY KEY,
        patient_id TEXT NOT NULL REFERENCES patients (id),
        consultation_id TEXT REFERENCES consultations (id),
        kind TEXT NOT NULL CHECK (kind IN ('before', 'after')),
        sha256 TEXT NOT NULL REFERENCES attachments (sha256),
        captured_at TEXT NOT NULL,
        marketing_consent INTEGER NOT NULL CHECK (marketing_consent IN (0, 1)),
        marketing_withdrawn_at TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES staff (id)
      ) STRICT;
      CREATE INDEX photos_consultation ON photos (consultation_id);
      CREATE INDEX photos_patient ON photos (patient_id);
    `);
  },
};
