import type { Migration } from './types';

/**
 * Consents: the issued document (bytes and SHA-256 fixed at issue), the signatures bound to that SHA-256,
 * cooling-off overrides, the final PDF and withdrawals. Triggers keep a fully signed consent, its documents,
 * its signatures, overrides and withdrawals from ever changing; a withdrawal is a new record.
 */
export const migration0070: Migration = {
  version: 70,
  name: 'consents',
  up(db) {
    db.exec(`
      CREATE TABLE consent_documents (
        sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        bytes BLOB NOT NULL,
        size INTEGER NOT NULL CHECK (size = length(bytes)),
        page_count INTEGER NOT NULL CHECK (page_count >= 1),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER consent_documents_immutable BEFORE UPDATE ON consent_documents
      BEGIN SELECT RAISE(ABORT, 'an issued consent document never changes'); END;
      CREATE TRIGGER consent_documents_kept BEFORE DELETE ON consent_documents
      BEGIN SELECT RAISE(ABORT, 'consent documents are never deleted'); END;

      CREATE TABLE consents (
        id TEXT PRIMARY KEY,
        consultation_id TEXT NOT NULL UNIQUE REFERENCES consultations (id),
        patient_id TEXT NOT NULL REFERENCES patients (id),
        locale TEXT NOT NULL CHECK (locale IN ('zh-TW', 'en')),
        forms TEXT NOT NULL,
        roles TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('issued', 'patient_signed', 'fully_signed')),
        document_sha256 TEXT NOT NULL REFERENCES consent_documents (sha256),
        issued_at TEXT NOT NULL,
        issued_by TEXT NOT NULL REFERENCES staff (id),
        final_sha256 TEXT REFERENCES consent_documents (sha256),
        fully_signed_at TEXT,
        expires_at TEXT,
        CHECK ((status = 'fully_signed') = (final_sha256 IS NOT NULL)),
        CHECK ((status = 'fully_signed') = (fully_signed_at IS NOT NULL))
      ) STRICT;
      CREATE INDEX consents_patient ON consents (patient_id, issued_at);
      CREATE TRIGGER consents_locked_when_signed BEFORE UPDATE ON consents
      WHEN OLD.status = 'fully_signed'
      BEGIN SELECT RAISE(ABORT, 'a fully signed consent is locked'); END;
      CREATE TRIGGER consents_issue_fixed BEFORE UPDATE ON consents
      WHEN NEW.id IS NOT OLD.id OR NEW.consultation_id IS NOT OLD.consultation_id OR NEW.patient_id IS NOT OLD.patient_id
        OR NEW.locale IS NOT OLD.locale OR NEW.forms IS NOT OLD.forms OR NEW.roles IS NOT OLD.roles
        OR NEW.document_sha256 IS NOT OLD.document_sha256 OR NEW.issued_at IS NOT OLD.issued_at OR NEW.issued_by IS NOT OLD.issued_by
        OR (OLD.status = 'patient_signed' AND NEW.status = 'issued')
      BEGIN SELECT RAISE(ABORT, 'what was issued never changes'); END;
      CREATE TRIGGER consents_kept BEFORE DELETE ON consents
      BEGIN SELECT RAISE(ABORT, 'consents are never deleted'); END;

      CREATE TABLE consent_signatures (
        id TEXT PRIMARY KEY,
        consent_id TEXT NOT NULL REFERENCES consents (id),
        form TEXT NOT NULL CHECK (form IN ('procedure', 'anaesthesia')),
        role TEXT NOT NULL CHECK (role IN ('patient', 'guardian', 'witness', 'physician')),
        signer_name TEXT NOT NULL CHECK (length(signer_name) > 0),
        staff_id TEXT REFERENCES staff (id),
        document_sha256 TEXT NOT NULL,
        strokes TEXT NOT NULL,
        strokes_sha256 TEXT NOT NULL,
        png BLOB NOT NULL,
        png_sha256 TEXT NOT NULL,
        binding_sha256 TEXT NOT NULL,
        signed_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES staff (id),
        UNIQUE (consent_id, form, role),
        CHECK ((role = 'physician') = (staff_id IS NOT NULL))
      ) STRICT;
      -- A signature binds to the document as issued, and nothing is added to a locked consent.
      CREATE TRIGGER consent_signatures_bound BEFORE INSERT ON consent_signatures
      WHEN NEW.document_sha256 IS NOT (SELECT document_sha256 FROM consents WHERE id = NEW.consent_id)
      BEGIN SELECT RAISE(ABORT, 'a signature must bind to the issued document'); END;
      CREATE TRIGGER consent_signatures_not_after_lock BEFORE INSERT ON consent_signatures
      WHEN (SELECT status FROM consents WHERE id = NEW.consent_id) = 'fully_signed'
      BEGIN SELECT RAISE(ABORT, 'a fully signed consent is locked'); END;
      CREATE TRIGGER consent_signatures_immutable BEFORE UPDATE ON consent_signatures
      BEGIN SELECT RAISE(ABORT, 'a signature never changes'); END;
      CREATE TRIGGER consent_signatures_kept BEFORE DELETE ON consent_signatures
      BEGIN SELECT RAISE(ABORT, 'signatures are never deleted'); END;

      CREATE TABLE cooling_off_overrides (
        id TEXT PRIMARY KEY,
        consultation_id TEXT NOT NULL UNIQUE REFERENCES consultations (id),
        physician_id TEXT NOT NULL REFERENCES staff (id),
        reason TEXT NOT NULL CHECK (length(reason) > 0),
        cooling_off_ends_at TEXT NOT NULL,
        at TEXT NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES staff (id)
      ) STRICT;
      CREATE TRIGGER cooling_off_overrides_immutable BEFORE UPDATE ON cooling_off_overrides
      BEGIN SELECT RAISE(ABORT, 'an override never changes'); END;
      CREATE TRIGGER cooling_off_overrides_kept BEFORE DELETE ON cooling_off_overrides
      BEGIN SELECT RAISE(ABORT, 'overrides are never deleted'); END;

      CREATE TABLE consent_withdrawals (
        id TEXT PRIMARY KEY,
        consent_id TEXT NOT NULL UNIQUE REFERENCES consents (id),
        reason TEXT NOT NULL CHECK (length(reason) > 0),
        signer_role TEXT NOT NULL CHECK (signer_role IN ('patient', 'guardian')),
        signer_name TEXT NOT NULL,
        strokes TEXT NOT NULL,
        strokes_sha256 TEXT NOT NULL,
        png BLOB NOT NULL,
        png_sha256 TEXT NOT NULL,
        binding_sha256 TEXT NOT NULL,
        at TEXT NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES staff (id)
      ) STRICT;
      CREATE TRIGGER consent_withdrawals_immutable BEFORE UPDATE ON consent_withdrawals
      BEGIN SELECT RAISE(ABORT, 'a withdrawal never changes'); END;
      CREATE TRIGGER consent_withdrawals_kept BEFORE DELETE ON consent_withdrawals
      BEGIN SELECT RAISE(ABORT, 'withdrawals are never deleted'); END;
    `);
  },
};
