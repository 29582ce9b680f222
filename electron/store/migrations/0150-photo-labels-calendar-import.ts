import type { Migration } from './types';

/**
 * Issue 12, items 6 and 8.
 *
 * photos: the angle and area each photo shows (so a before photo is set beside the after photo of the same
 * view) and where its capture time came from (the file's Exif DateTimeOriginal, a time the app stated, or the
 * time it was received). Photos stored before stay NULL in all three: nobody recorded them.
 *
 * clinic_calendar.source: whether a day was entered by hand or imported from the government's office calendar
 * (行政院人事行政總處 「中華民國政府行政機關辦公日曆表」, with lunar holidays and make-up working days).
 *
 * complaint_clock_recomputations: a running clock's deadline is fixed when it starts (0080's trigger keeps
 * complaint_clocks.due_at as it was). An administrator may recompute it on today's calendar, with a reason;
 * each recomputation is a row here, never changed, and the newest one is the deadline in force.
 *
 * clinic_settings.printed_date_era: printed forms show dates as 西元 (2026/12/02) or 民國 (民國115年12月02日).
 * consent_printed_eras: the era a consent was issued with, fixed with its bytes (a consent rendered again from
 * its records must give the issued bytes, whatever the setting says later); no row means 西元.
 */
export const migration0150: Migration = {
  version: 150,
  name: 'photo-labels-calendar-import',
  up(db) {
    db.exec(`
      ALTER TABLE photos ADD COLUMN captured_at_source TEXT CHECK (captured_at_source IN ('file_metadata', 'stated', 'received'));
      ALTER TABLE photos ADD COLUMN angle TEXT CHECK (angle IN ('front', 'left_45', 'right_45', 'left_90', 'right_90', 'back', 'top', 'below', 'close_up', 'other'));
      ALTER TABLE photos ADD COLUMN area TEXT CHECK (area IN ('full_face', 'forehead', 'eyes', 'nose', 'cheeks', 'lips', 'chin_jaw', 'neck', 'chest', 'abdomen',
        'arms', 'hands', 'back', 'buttocks', 'thighs', 'legs', 'skin_other'));

      ALTER TABLE clinic_calendar ADD COLUMN source TEXT NOT NULL DEFAULT 'entered' CHECK (source IN ('entered', 'imported'));

      CREATE TABLE complaint_clock_recomputations (
        id TEXT PRIMARY KEY,
        clock_id TEXT NOT NULL REFERENCES complaint_clocks (id),
        previous_due_at TEXT NOT NULL,
        due_at TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (length(reason) > 0),
        staff_id TEXT NOT NULL REFERENCES staff (id),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX complaint_clock_recomputations_clock ON complaint_clock_recomputations (clock_id, created_at);
      CREATE TRIGGER complaint_clock_recomputations_immutable BEFORE UPDATE ON complaint_clock_recomputations
      BEGIN SELECT RAISE(ABORT, 'a recomputation never changes; recompute again'); END;
      CREATE TRIGGER complaint_clock_recomputations_kept BEFORE DELETE ON complaint_clock_recomputations
      BEGIN SELECT RAISE(ABORT, 'a recomputation is never deleted'); END;
      -- Only a running clock of an open complaint moves; a met clock stays as it was met.
      CREATE TRIGGER complaint_clock_recomputations_running BEFORE INSERT ON complaint_clock_recomputations
      WHEN (SELECT met_at FROM complaint_clocks WHERE id = NEW.clock_id) IS NOT NULL
        OR (SELECT c.status FROM complaint_clocks k JOIN complaints c ON c.id = k.complaint_id WHERE k.id = NEW.clock_id) IS NOT 'open'
      BEGIN SELECT RAISE(ABORT, 'only a running clock of an open complaint is recomputed'); END;

      ALTER TABLE clinic_settings ADD COLUMN printed_date_era TEXT NOT NULL DEFAULT 'gregorian' CHECK (printed_date_era IN ('gregorian', 'roc'));
      CREATE TABLE consent_printed_eras (
        consent_id TEXT PRIMARY KEY REFERENCES consents (id),
        era TEXT NOT NULL CHECK (era IN ('gregorian', 'roc'))
      ) STRICT;
      CREATE TRIGGER consent_printed_eras_immutable BEFORE UPDATE ON consent_printed_eras
      BEGIN SELECT RAISE(ABORT, 'a consent keeps the date era it was issued with'); END;
      CREATE TRIGGER consent_printed_eras_kept BEFORE DELETE ON consent_printed_eras
      BEGIN SELECT RAISE(ABORT, 'a consent keeps the date era it was issued with'); END;
    `);
  },
};
