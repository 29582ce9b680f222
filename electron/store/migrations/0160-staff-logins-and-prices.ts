import type { Migration } from './types';

/**
 * Staff sign in by a login id, so two people may share a name (issue 12, item 11); procedures carry their
 * price list (item 9).
 *
 * Until now the sign-in name was the person's name: `staff.name_key` (unique) held its normalised form, and each
 * key slot in keyslots.json is found by that same normalised string. This migration makes that column the
 * normalised login id (`login_key`, still unique; the name itself no longer is) and gives every existing staff
 * member the login id they already typed: their name. Their key slots therefore keep working unchanged, and
 * nothing outside the database has to be rewritten (the migration runs after a slot has opened the vault).
 *
 * The staff table cannot be rebuilt inside a migration's transaction (foreign keys point at it from everywhere),
 * so the column is renamed and new columns are added instead.
 *
 * password_change_required: set when an administrator chose the password (new account, reset, reactivation);
 * existing staff are not asked, since nobody knows whose password was chosen by whom.
 *
 * staff_revisions: every change of role, licence number or specialty (printed on consents), never updated or
 * deleted, so what a consent printed can always be explained.
 *
 * procedures.price_list: the standard quote lines and packages a fee quote starts from (JSON, checked by the
 * shared PriceList schema at every boundary); empty for existing procedures until the clinic enters prices.
 */
export const migration0160: Migration = {
  version: 160,
  name: 'staff-logins-and-prices',
  up(db) {
    db.exec(`
      ALTER TABLE staff RENAME COLUMN name_key TO login_key;
      ALTER TABLE staff ADD COLUMN login_id TEXT NOT NULL DEFAULT '';
      ALTER TABLE staff ADD COLUMN password_change_required INTEGER NOT NULL DEFAULT 0 CHECK (password_change_required IN (0, 1));
      UPDATE staff SET login_id = name;

      CREATE TABLE staff_revisions (
        id TEXT PRIMARY KEY,
        staff_id TEXT NOT NULL REFERENCES staff (id),
        at TEXT NOT NULL,
        by_staff_id TEXT NOT NULL REFERENCES staff (id),
        role_before TEXT NOT NULL CHECK (role_before IN ('admin', 'physician', 'consultant', 'nurse')),
        licence_no_before TEXT,
        specialty_before TEXT,
        role_after TEXT NOT NULL CHECK (role_after IN ('admin', 'physician', 'consultant', 'nurse')),
        licence_no_after TEXT,
        specialty_after TEXT
      ) STRICT;
      CREATE INDEX staff_revisions_by_staff ON staff_revisions (staff_id, at);
      CREATE TRIGGER staff_revisions_frozen BEFORE UPDATE ON staff_revisions
      BEGIN
        SELECT RAISE(ABORT, 'staff_revisions: rows are not changed');
      END;
      CREATE TRIGGER staff_revisions_no_delete BEFORE DELETE ON staff_revisions
      BEGIN
        SELECT RAISE(ABORT, 'staff_revisions: rows are never deleted');
      END;

      ALTER TABLE procedures ADD COLUMN price_list TEXT NOT NULL DEFAULT '{"items":[],"packages":[]}';
    `);
  },
};
