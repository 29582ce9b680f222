import type { Migration } from './types';

/**
 * Patients, their edit history, and two search paths: an FTS5 trigram index for queries of three or more
 * characters, and a table of every 1- and 2-character piece of the names (most Chinese given names have two
 * characters, which trigram matching cannot see).
 */
export const migration0030: Migration = {
  version: 30,
  name: 'patients',
  up(db) {
    db.exec(`
      CREATE TABLE patients (
        id TEXT PRIMARY KEY,
        chart_no TEXT NOT NULL,
        chart_no_key TEXT NOT NULL UNIQUE,
        name_zh TEXT NOT NULL,
        name_en TEXT,
        sex TEXT NOT NULL CHECK (sex IN ('female', 'male', 'other')),
        birth_date TEXT NOT NULL,
        national_id TEXT UNIQUE,
        phone TEXT NOT NULL,
        phone_digits TEXT NOT NULL,
        email TEXT,
        line_id TEXT,
        address TEXT,
        emergency_contact TEXT,
        allergies TEXT,
        risk_medications TEXT NOT NULL,
        medications TEXT,
        medical_history TEXT,
        prior_procedures TEXT,
        pregnancy TEXT NOT NULL,
        smoking TEXT NOT NULL,
        keloid_history INTEGER NOT NULL CHECK (keloid_history IN (0, 1)),
        guardian TEXT,
        preferred_locale TEXT NOT NULL CHECK (preferred_locale IN ('zh-TW', 'en')),
        version INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES staff (id),
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX patients_phone_digits ON patients (phone_digits);
      CREATE INDEX patients_name_zh ON patients (name_zh);

      CREATE TABLE patient_revisions (
        patient_id TEXT NOT NULL REFERENCES patients (id),
        version INTEGER NOT NULL,
        changed_at TEXT NOT NULL,
        changed_by TEXT NOT NULL REFERENCES staff (id),
        changes TEXT NOT NULL,
        PRIMARY KEY (patient_id, version)
      ) STRICT;
      CREATE TRIGGER patient_revisions_no_update BEFORE UPDATE ON patient_revisions
      BEGIN SELECT RAISE(ABORT, 'patient_revisions is append-only'); END;
      CREATE TRIGGER patient_revisions_no_delete BEFORE DELETE ON patient_revisions
      BEGIN SELECT RAISE(ABORT, 'patient_revisions is append-only'); END;
      CREATE TRIGGER patients_no_delete BEFORE DELETE ON patients
      BEGIN SELECT RAISE(ABORT, 'patients are never deleted'); END;

      CREATE VIRTUAL TABLE patient_search USING fts5 (patient_id UNINDEXED, body, tokenize = 'trigram');

      CREATE TABLE patient_name_grams (
        gram TEXT NOT NULL,
        patient_id TEXT NOT NULL,
        PRIMARY KEY (gram, patient_id)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
