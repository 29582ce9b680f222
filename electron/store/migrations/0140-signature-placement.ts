import type { Migration } from './types';

/**
 * Where each signature goes, and signing once per signer (issue 12, items 4 and 10).
 *
 * consent_signature_boxes: each (form, role) box of the issued document, fixed at issue: its 1-based page and
 * its rectangle in PDF user space (points, origin at the page's lower left, as a later signature widget's /Rect).
 * The final PDF places each signature there. Consents issued before this migration have no rows.
 *
 * consent_signature_adoptions: a signer's signature drawn once in a signing session (the staff member signed in
 * and since when), with the guardian's identity document; each box it is applied to is its own signature row
 * (consent_signatures.adoption_id), a copy of the adopted strokes and picture, signed at its own tap.
 */
export const migration0140: Migration = {
  version: 140,
  name: 'signature-placement',
  up(db) {
    db.exec(`
      CREATE TABLE consent_signature_boxes (
        consent_id TEXT NOT NULL REFERENCES consents (id),
        form TEXT NOT NULL CHECK (form IN ('procedure', 'anaesthesia')),
        role TEXT NOT NULL CHECK (role IN ('patient', 'guardian', 'witness', 'physician')),
        page INTEGER NOT NULL CHECK (page >= 1),
        x REAL NOT NULL CHECK (x >= 0),
        y REAL NOT NULL CHECK (y >= 0),
        width REAL NOT NULL CHECK (width > 0),
        height REAL NOT NULL CHECK (height > 0),
        PRIMARY KEY (consent_id, form, role)
      ) STRICT;
      CREATE TRIGGER consent_signature_boxes_at_issue BEFORE INSERT ON consent_signature_boxes
      WHEN (SELECT status FROM consents WHERE id = NEW.consent_id) IS NOT 'issued'
        OR EXISTS (SELECT 1 FROM consent_signatures WHERE consent_id = NEW.consent_id)
        OR NEW.form NOT IN (SELECT value FROM json_each((SELECT forms FROM consents WHERE id = NEW.consent_id)))
        OR NEW.role NOT IN (SELECT value FROM json_each((SELECT roles FROM consents WHERE id = NEW.consent_id)))
      BEGIN SELECT RAISE(ABORT, 'signature boxes are recorded when the consent is issued'); END;
      CREATE TRIGGER consent_signature_boxes_immutable BEFORE UPDATE ON consent_signature_boxes
      BEGIN SELECT RAISE(ABORT, 'a signature box never changes'); END;
      CREATE TRIGGER consent_signature_boxes_kept BEFORE DELETE ON consent_signature_boxes
      -- Only an approved destruction of the patient's records removes it (see 0120-retention).
      WHEN NOT (EXISTS (SELECT 1 FROM destruction_approvals da WHERE da.patient_id = (SELECT patient_id FROM consents WHERE id = OLD.consent_id))
        AND NOT EXISTS (SELECT 1 FROM destruction_tombstones dt WHERE dt.patient_id = (SELECT patient_id FROM consents WHERE id = OLD.consent_id)))
      BEGIN SELECT RAISE(ABORT, 'signature boxes are never deleted'); END;

      CREATE TABLE consent_signature_adoptions (
        id TEXT PRIMARY KEY,
        consent_id TEXT NOT NULL REFERENCES consents (id),
        role TEXT NOT NULL CHECK (role IN ('patient', 'guardian', 'witness', 'physician')),
        signer_name TEXT NOT NULL CHECK (length(signer_name) > 0),
        staff_id TEXT REFERENCES staff (id),
        document_sha256 TEXT NOT NULL,
        strokes TEXT NOT NULL,
        strokes_sha256 TEXT NOT NULL,
        png BLOB NOT NULL,
        png_sha256 TEXT NOT NULL,
        identity_kind TEXT CHECK (identity_kind IN ('national_id', 'resident_certificate', 'passport')),
        identity_number TEXT,
        session_started_at TEXT NOT NULL,
        adopted_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES staff (id),
        CHECK ((identity_kind IS NULL) = (identity_number IS NULL)),
        CHECK ((role = 'guardian') = (identity_kind IS NOT NULL)),
        CHECK ((role = 'physician') = (staff_id IS NOT NULL))
      ) STRICT;
      CREATE INDEX consent_signature_adoptions_consent ON consent_signature_adoptions (consent_id, role);
      CREATE TRIGGER consent_signature_adoptions_bound BEFORE INSERT ON consent_signature_adoptions
      WHEN NEW.document_sha256 IS NOT (SELECT document_sha256 FROM consents WHERE id = NEW.consent_id)
        OR (SELECT status FROM consents WHERE id = NEW.consent_id) = 'fully_signed'
      BEGIN SELECT RAISE(ABORT, 'a signature is adopted for the issued document of an open consent'); END;
      CREATE TRIGGER consent_signature_adoptions_immutable BEFORE UPDATE ON consent_signature_adoptions
      BEGIN SELECT RAISE(ABORT, 'an adopted signature never changes'); END;
      CREATE TRIGGER consent_signature_adoptions_kept BEFORE DELETE ON consent_signature_adoptions
      -- Only an approved destruction of the patient's records removes it (see 0120-retention).
      WHEN NOT (EXISTS (SELECT 1 FROM destruction_approvals da WHERE da.patient_id = (SELECT patient_id FROM consents WHERE id = OLD.consent_id))
        AND NOT EXISTS (SELECT 1 FROM destruction_tombstones dt WHERE dt.patient_id = (SELECT patient_id FROM consents WHERE id = OLD.consent_id)))
      BEGIN SELECT RAISE(ABORT, 'adopted signatures are never deleted'); END;

      ALTER TABLE consent_signatures ADD COLUMN adoption_id TEXT REFERENCES consent_signature_adoptions (id);
      -- An applied signature is the adopted one, by the same signer, on the same consent.
      CREATE TRIGGER consent_signatures_adopted BEFORE INSERT ON consent_signatures
      WHEN NEW.adoption_id IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM consent_signature_adoptions a
        WHERE a.id = NEW.adoption_id AND a.consent_id = NEW.consent_id AND a.role = NEW.role AND a.signer_name = NEW.signer_name
          AND a.strokes_sha256 = NEW.strokes_sha256 AND a.png_sha256 = NEW.png_sha256 AND a.staff_id IS NEW.staff_id)
      BEGIN SELECT RAISE(ABORT, 'an applied signature must be the adopted one'); END;
    `);
  },
};
