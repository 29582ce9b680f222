import type { Migration } from './types';

/**
 * Edit versions for the records staff change in place (issue 14, "two seats editing the same record").
 *
 * Each record a screen edits and saves over gets a `version` that every save bumps; a save names the version it
 * loaded and is refused when another seat saved in between, so nothing is overwritten unseen. The refusal names who
 * saved last and when, so these records also get `updated_at` / `updated_by` (staff id; NULL for rows
 * written before this migration: a conflict only ever follows a save made after it, which sets both).
 *
 * - consultations: the consultation's steps (screening, goals, alternatives, quote) are saved over the one row.
 * - procedures: the catalogue's procedure form.
 *
 * patients already carry a version (0030) and the revision history names who made each one.
 * Append-only records (corrections, entries, signatures...) are never saved over and need none.
 */
export const migration0190: Migration = {
  version: 190,
  name: 'edit-versions',
  up(db) {
    db.exec(`
      ALTER TABLE consultations ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
      ALTER TABLE consultations ADD COLUMN updated_by TEXT REFERENCES staff (id);

      ALTER TABLE procedures ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
      ALTER TABLE procedures ADD COLUMN updated_by TEXT REFERENCES staff (id);
    `);
  },
};
