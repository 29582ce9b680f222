import type { Migration } from './types';

/**
 * Edit versions for the rest of the records two seats can save over (issue 14, after 0190): each gets a counter
 * that its in-place save bumps; a save names the counter it loaded and is refused, naming who saved last and when,
 * when another seat saved in between.
 *
 * - clinic_settings: the Settings screen's save. `updated_by` joins the `updated_at` it already had (NULL until the
 *   first save after this migration).
 * - staff: a staff member's role, licence number and specialty. Who and when come from `staff_revisions`, which
 *   every such change writes.
 * - disclosure_templates: a draft is rewritten in place. `version` already numbers the template's versions, so the
 *   edit counter is `edit_version`; `updated_at` / `updated_by` name the last save (a draft's creation for drafts
 *   already there). A published version is frozen and keeps its counter.
 * - follow_up_visits: who the visit is assigned to, and the outcome that marks it done.
 * - complaints: the owner. Who and when come from `complaint_assignments`, which every change of owner writes.
 * - backup_settings: the folder and the schedule (it has kept `updated_at` / `updated_by` since 0110).
 *
 * Every change is an ALTER TABLE ADD COLUMN, which keeps the tables STRICT and their triggers as they are: none of
 * the triggers that freeze a row (a published template, a done visit, a closed complaint) names the new columns,
 * and no row they protect is written here.
 */
export const migration0200: Migration = {
  version: 200,
  name: 'more-edit-versions',
  up(db) {
    db.exec(`
      ALTER TABLE clinic_settings ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
      ALTER TABLE clinic_settings ADD COLUMN updated_by TEXT REFERENCES staff (id);

      ALTER TABLE staff ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);

      ALTER TABLE disclosure_templates ADD COLUMN edit_version INTEGER NOT NULL DEFAULT 1 CHECK (edit_version >= 1);
      ALTER TABLE disclosure_templates ADD COLUMN updated_at TEXT;
      ALTER TABLE disclosure_templates ADD COLUMN updated_by TEXT REFERENCES staff (id);
      UPDATE disclosure_templates SET updated_at = created_at, updated_by = created_by WHERE status = 'draft';

      ALTER TABLE follow_up_visits ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
      ALTER TABLE follow_up_visits ADD COLUMN updated_at TEXT;
      ALTER TABLE follow_up_visits ADD COLUMN updated_by TEXT REFERENCES staff (id);

      ALTER TABLE complaints ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);

      ALTER TABLE backup_settings ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
    `);
  },
};
