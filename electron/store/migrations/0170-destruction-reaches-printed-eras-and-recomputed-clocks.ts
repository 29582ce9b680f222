import type { Migration } from './types';

/**
 * The era a consent was printed with, and a clock's recomputations, go with an approved destruction (fixes 0150).
 *
 * 0150 gave consent_printed_eras and complaint_clock_recomputations delete guards with no sanctioned path, unlike
 * every other guard of a patient's records (0120, 0130, 0140): the consent or clock they point at could then never
 * be removed, so a patient with a consent issued under 民國 dates, or with a recomputed complaint clock, could
 * never be destroyed. Both guards are re-created with the one path of 0120: the row may go only while an approved
 * destruction of its patient is carried out (approval present, tombstone not yet written). Outside it they refuse
 * a delete exactly as before, with the same message.
 */
export const migration0170: Migration = {
  version: 170,
  name: 'destruction-reaches-printed-eras-and-recomputed-clocks',
  up(db) {
    db.exec(`
      DROP TRIGGER consent_printed_eras_kept;
      CREATE TRIGGER consent_printed_eras_kept BEFORE DELETE ON consent_printed_eras
      -- Only an approved destruction of the patient's records removes it (see 0120-retention).
      WHEN NOT (EXISTS (SELECT 1 FROM destruction_approvals da WHERE da.patient_id = (SELECT patient_id FROM consents WHERE id = OLD.consent_id))
        AND NOT EXISTS (SELECT 1 FROM destruction_tombstones dt WHERE dt.patient_id = (SELECT patient_id FROM consents WHERE id = OLD.consent_id)))
      BEGIN SELECT RAISE(ABORT, 'a consent keeps the date era it was issued with'); END;

      DROP TRIGGER complaint_clock_recomputations_kept;
      CREATE TRIGGER complaint_clock_recomputations_kept BEFORE DELETE ON complaint_clock_recomputations
      -- Only an approved destruction of the patient's records removes it (see 0120-retention).
      WHEN NOT (EXISTS (SELECT 1 FROM destruction_approvals da WHERE da.patient_id =
          (SELECT c.patient_id FROM complaint_clocks k JOIN complaints c ON c.id = k.complaint_id WHERE k.id = OLD.clock_id))
        AND NOT EXISTS (SELECT 1 FROM destruction_tombstones dt WHERE dt.patient_id =
          (SELECT c.patient_id FROM complaint_clocks k JOIN complaints c ON c.id = k.complaint_id WHERE k.id = OLD.clock_id)))
      BEGIN SELECT RAISE(ABORT, 'a recomputation is never deleted'); END;
    `);
  },
};
