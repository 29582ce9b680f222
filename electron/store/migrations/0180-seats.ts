import type { Migration } from './types';

/**
 * Many seats (issue 14). Each audit event names the seat it came from: its device id and name join the event's
 * hashed body (hash format 2); events written before keep format 1 and verify as they always did. Paired devices
 * and their one-time pairing codes are kept here too: the credential and the code only as SHA-256 hashes.
 */
export const migration0180: Migration = {
  version: 180,
  name: 'seats',
  up(db) {
    db.exec(`
      ALTER TABLE audit_events ADD COLUMN seat_id TEXT;
      ALTER TABLE audit_events ADD COLUMN seat_name TEXT;

      CREATE TABLE paired_devices (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('desktop', 'tablet', 'browser')),
        credential_sha256 TEXT NOT NULL UNIQUE,
        paired_at TEXT NOT NULL,
        paired_by TEXT NOT NULL REFERENCES staff(id),
        last_seen_at TEXT,
        revoked_at TEXT,
        revoked_by TEXT REFERENCES staff(id)
      ) STRICT;

      CREATE TABLE pairing_codes (
        id TEXT PRIMARY KEY,
        code_sha256 TEXT NOT NULL UNIQUE,
        device_name TEXT NOT NULL,
        device_kind TEXT NOT NULL CHECK (device_kind IN ('desktop', 'tablet', 'browser')),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES staff(id),
        expires_at TEXT NOT NULL,
        tries_left INTEGER NOT NULL CHECK (tries_left >= 0),
        used_at TEXT,
        device_id TEXT REFERENCES paired_devices(id)
      ) STRICT;

      CREATE TRIGGER paired_devices_no_delete BEFORE DELETE ON paired_devices
      BEGIN
        SELECT RAISE(ABORT, 'paired_devices rows are never deleted (a device is revoked)');
      END;
    `);
  },
};
