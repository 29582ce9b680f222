import type { Migration } from './types';

export const migration0010: Migration = {
  version: 10,
  name: 'clinic-and-staff',
  up(db) {
    db.exec(`
      CREATE TABLE clinic_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        vault_id TEXT NOT NULL,
        clinic_name TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        idle_lock_minutes INTEGER NOT NULL CHECK (idle_lock_minutes BETWEEN 1 AND 120),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE clinic_keys (
        id TEXT PRIMARY KEY,
        purpose TEXT NOT NULL CHECK (purpose IN ('evidence_signing')),
        algorithm TEXT NOT NULL CHECK (algorithm IN ('ed25519')),
        public_key_pem TEXT NOT NULL,
        private_key_pem TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE staff (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('admin', 'physician', 'consultant', 'nurse')),
        licence_no TEXT,
        specialty TEXT,
        active INTEGER NOT NULL CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL,
        deactivated_at TEXT,
        CHECK (role <> 'physician' OR (licence_no IS NOT NULL AND specialty IS NOT NULL))
      ) STRICT;
    `);
  },
};
