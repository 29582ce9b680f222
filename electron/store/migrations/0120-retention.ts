import type { Migration } from './types';

const appendOnly = (table: string, what: string) => `
  CREATE TRIGGER ${table}_frozen BEFORE UPDATE ON ${table}
  BEGIN SELECT RAISE(ABORT, '${table}: ${what} is never changed'); END;
  CREATE TRIGGER ${table}_kept BEFORE DELETE ON ${table}
  BEGIN SELECT RAISE(ABORT, '${table}: ${what} is never deleted'); END;`;

/** The patient `pid` (an SQL expression) is being destroyed: approved, and the tombstone not written yet. */
const destroying = (pid: string) =>
  `(EXISTS (SELECT 1 FROM destruction_approvals da WHERE da.patient_id = ${pid})
    AND NOT EXISTS (SELECT 1 FROM destruction_tombstones dt WHERE dt.patient_id = ${pid}))`;

/** Whether the patient's records are under a legal hold: an admin hold not released, an open complaint, an open privacy incident. */
const held = (pid: string) =>
  `(EXISTS (SELECT 1 FROM retention_holds h WHERE h.patient_id = ${pid}
      AND NOT EXISTS (SELECT 1 FROM retention_hold_releases r WHERE r.hold_id = h.id))
    OR EXISTS (SELECT 1 FROM complaints c WHERE c.patient_id = ${pid} AND c.status <> 'closed')
    OR EXISTS (SELECT 1 FROM privacy_incidents i WHERE i.status <> 'closed'))`;

/**
 * The protected tables' delete guards, re-created with the one sanctioned path: the row may go only while an
 * approved destruction of its patient is being carried out (approval present, tombstone not yet written; both
 * are written in the same transaction as the deletes). `patient` is the SQL expression naming the row's patient.
 */
const SANCTIONED: readonly { table: string; trigger: string; message: string; patient: string }[] = [
  { table: 'patient_revisions', trigger: 'patient_revisions_no_delete', message: 'patient_revisions is append-only', patient: 'OLD.patient_id' },
  { table: 'consultations', trigger: 'consultations_no_delete', message: 'consultations are never deleted', patient: 'OLD.patient_id' },
  {
    table: 'risk_acknowledgements',
    trigger: 'risk_acknowledgements_kept',
    message: 'a risk acknowledgement is never deleted',
    patient: '(SELECT patient_id FROM consultations WHERE id = OLD.consultation_id)',
  },
  { table: 'communications', trigger: 'communications_kept', message: 'communications are never deleted', patient: 'OLD.patient_id' },
  {
    table: 'communication_corrections',
    trigger: 'communication_corrections_kept',
    message: 'corrections are never deleted',
    patient: '(SELECT patient_id FROM communications WHERE id = OLD.communication_id)',
  },
  {
    // A document has no patient column: the destruction lists it (destroyed_records) before the consents go.
    table: 'consent_documents',
    trigger: 'consent_documents_kept',
    message: 'consent documents are never deleted',
    patient: `(SELECT d.patient_id FROM destroyed_records d WHERE d.kind = 'consent_document' AND d.record_id = OLD.sha256 LIMIT 1)`,
  },
  { table: 'consents', trigger: 'consents_kept', message: 'consents are never deleted', patient: 'OLD.patient_id' },
  {
    table: 'consent_signatures',
    trigger: 'consent_signatures_kept',
    message: 'signatures are never deleted',
    patient: '(SELECT patient_id FROM consents WHERE id = OLD.consent_id)',
  },
  {
    table: 'cooling_off_overrides',
    trigger: 'cooling_off_overrides_kept',
    message: 'overrides are never deleted',
    patient: '(SELECT patient_id FROM consultations WHERE id = OLD.consultation_id)',
  },
  {
    table: 'consent_withdrawals',
    trigger: 'consent_withdrawals_kept',
    message: 'withdrawals are never deleted',
    patient: '(SELECT patient_id FROM consents WHERE id = OLD.consent_id)',
  },
  { table: 'treatments', trigger: 'treatments_kept', message: 'a treatment record is never deleted', patient: 'OLD.patient_id' },
  ...['treatment_products', 'treatment_corrections', 'aftercare_photos'].map((table) => ({
    table,
    trigger: `${table}_kept`,
    message: `${table} rows are never deleted`,
    patient: '(SELECT patient_id FROM treatments WHERE id = OLD.treatment_id)',
  })),
  {
    table: 'follow_up_visits',
    trigger: 'follow_up_visits_kept',
    message: 'follow-up visits are never deleted',
    patient: '(SELECT patient_id FROM treatments WHERE id = OLD.treatment_id)',
  },
  ...['follow_up_attempts', 'follow_up_outcomes', 'follow_up_outcome_corrections', 'follow_up_escalations'].map((table) => ({
    table,
    trigger: `${table}_kept`,
    message: `${table} rows are never deleted`,
    patient: '(SELECT t.patient_id FROM follow_up_visits v JOIN treatments t ON t.id = v.treatment_id WHERE v.id = OLD.visit_id)',
  })),
  { table: 'complaints', trigger: 'complaints_kept', message: 'complaints are never deleted', patient: 'OLD.patient_id' },
  ...['complaint_assignments', 'complaint_entries', 'complaint_clocks', 'complaint_resolutions', 'complaint_reviews'].map((table) => ({
    table,
    trigger: `${table}_kept`,
    message: `${table} rows are never deleted`,
    patient: '(SELECT patient_id FROM complaints WHERE id = OLD.complaint_id)',
  })),
  {
    table: 'complaint_entry_corrections',
    trigger: 'complaint_entry_corrections_kept',
    message: 'a correction is never deleted',
    patient: '(SELECT c.patient_id FROM complaint_entries e JOIN complaints c ON c.id = e.complaint_id WHERE e.id = OLD.entry_id)',
  },
  ...['complaint_review_causes', 'complaint_review_actions'].map((table) => ({
    table,
    trigger: `${table}_kept`,
    message: `${table} rows are never deleted`,
    patient: '(SELECT c.patient_id FROM complaint_reviews r JOIN complaints c ON c.id = r.complaint_id WHERE r.id = OLD.review_id)',
  })),
];

/** Tables whose new rows name a patient: nothing is added to a destroyed patient's records. */
const NO_NEW_RECORDS = ['consultations', 'communications', 'photos', 'consents', 'treatments', 'complaints', 'patient_revisions'];

/**
 * Retention and destruction (issue 11).
 *
 * Legal holds (admin-placed with a reason, released with a reason; open complaints and privacy incidents hold
 * implicitly), destruction proposals and their withdrawals, approvals by a second administrator, the tombstone
 * of each destroyed patient (chart number, counts, and one row per destroyed record with its SHA-256), and the
 * destruction log (電子病歷製作及管理辦法 §16: who, method, time, place). Every one of them is append-only.
 *
 * The delete guards of the protected tables (consents, signatures, documents, communications, treatments,
 * follow-up, complaints, revisions) are dropped and re-created with one sanctioned path: the delete is allowed
 * only while an approved destruction of that patient is carried out, i.e. an approval row exists and the
 * tombstone, written last in the same transaction, does not yet. Once the tombstone exists the path is closed
 * again, the patient row (kept as the tombstone's anchor, its personal fields blanked) cannot be changed, and
 * nothing new can be recorded for the patient.
 */
export const migration0120: Migration = {
  version: 120,
  name: 'retention',
  up(db) {
    db.exec(`
      CREATE TABLE retention_holds (
        id TEXT PRIMARY KEY,
        patient_id TEXT NOT NULL REFERENCES patients (id),
        reason TEXT NOT NULL CHECK (length(reason) > 0),
        placed_by TEXT NOT NULL REFERENCES staff (id),
        placed_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX retention_holds_patient ON retention_holds (patient_id);
      ${appendOnly('retention_holds', 'a legal hold')}

      CREATE TABLE retention_hold_releases (
        hold_id TEXT PRIMARY KEY REFERENCES retention_holds (id),
        reason TEXT NOT NULL CHECK (length(reason) > 0),
        released_by TEXT NOT NULL REFERENCES staff (id),
        released_at TEXT NOT NULL
      ) STRICT;
      ${appendOnly('retention_hold_releases', 'a hold release')}

      CREATE TABLE destruction_proposals (
        id TEXT PRIMARY KEY,
        patient_id TEXT NOT NULL REFERENCES patients (id),
        retention_date TEXT NOT NULL CHECK (length(retention_date) = 10),
        last_entry_at TEXT,
        proposed_by TEXT NOT NULL REFERENCES staff (id),
        proposed_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX destruction_proposals_patient ON destruction_proposals (patient_id);
      ${appendOnly('destruction_proposals', 'a destruction proposal')}
      CREATE TRIGGER destruction_proposals_by_admin BEFORE INSERT ON destruction_proposals
      WHEN (SELECT role FROM staff WHERE id = NEW.proposed_by AND active = 1) IS NOT 'admin'
      BEGIN SELECT RAISE(ABORT, 'destruction_proposals: only an active administrator proposes'); END;
      CREATE TRIGGER destruction_proposals_not_held BEFORE INSERT ON destruction_proposals
      WHEN ${held('NEW.patient_id')}
      BEGIN SELECT RAISE(ABORT, 'destruction_proposals: the records are under a legal hold'); END;

      CREATE TABLE destruction_proposal_withdrawals (
        proposal_id TEXT PRIMARY KEY REFERENCES destruction_proposals (id),
        reason TEXT NOT NULL CHECK (length(reason) > 0),
        withdrawn_by TEXT NOT NULL REFERENCES staff (id),
        withdrawn_at TEXT NOT NULL
      ) STRICT;
      ${appendOnly('destruction_proposal_withdrawals', 'a withdrawal of a proposal')}

      CREATE TABLE destruction_approvals (
        proposal_id TEXT PRIMARY KEY REFERENCES destruction_proposals (id),
        patient_id TEXT NOT NULL UNIQUE REFERENCES patients (id),
        approved_by TEXT NOT NULL REFERENCES staff (id),
        approved_at TEXT NOT NULL
      ) STRICT;
      ${appendOnly('destruction_approvals', 'an approved destruction')}
      -- A second administrator, on a proposal for this very patient that was not withdrawn or held since.
      CREATE TRIGGER destruction_approvals_valid BEFORE INSERT ON destruction_approvals
      WHEN NEW.patient_id IS NOT (SELECT patient_id FROM destruction_proposals WHERE id = NEW.proposal_id)
        OR NEW.approved_by IS (SELECT proposed_by FROM destruction_proposals WHERE id = NEW.proposal_id)
        OR (SELECT role FROM staff WHERE id = NEW.approved_by AND active = 1) IS NOT 'admin'
        OR EXISTS (SELECT 1 FROM destruction_proposal_withdrawals w WHERE w.proposal_id = NEW.proposal_id)
      BEGIN SELECT RAISE(ABORT, 'destruction_approvals: a second active administrator approves a standing proposal for this patient'); END;
      CREATE TRIGGER destruction_approvals_not_held BEFORE INSERT ON destruction_approvals
      WHEN ${held('NEW.patient_id')}
      BEGIN SELECT RAISE(ABORT, 'destruction_approvals: the records are under a legal hold'); END;
      CREATE TRIGGER destruction_proposal_withdrawals_not_approved BEFORE INSERT ON destruction_proposal_withdrawals
      WHEN EXISTS (SELECT 1 FROM destruction_approvals a WHERE a.proposal_id = NEW.proposal_id)
      BEGIN SELECT RAISE(ABORT, 'destruction_proposal_withdrawals: an approved destruction is not withdrawn'); END;

      -- One row per destroyed record: what it was and, for documents and files, the SHA-256 of the bytes destroyed.
      CREATE TABLE destroyed_records (
        patient_id TEXT NOT NULL REFERENCES patients (id),
        kind TEXT NOT NULL,
        record_id TEXT NOT NULL,
        parent_id TEXT,
        sha256 TEXT,
        bytes INTEGER,
        PRIMARY KEY (patient_id, kind, record_id)
      ) STRICT;
      CREATE INDEX destroyed_records_record ON destroyed_records (record_id);
      CREATE INDEX destroyed_records_parent ON destroyed_records (parent_id);
      ${appendOnly('destroyed_records', 'a destroyed record')}
      CREATE TRIGGER destroyed_records_while_destroying BEFORE INSERT ON destroyed_records
      WHEN NOT ${destroying('NEW.patient_id')}
      BEGIN SELECT RAISE(ABORT, 'destroyed_records: only during an approved destruction'); END;

      CREATE TABLE destruction_tombstones (
        patient_id TEXT PRIMARY KEY REFERENCES patients (id),
        proposal_id TEXT NOT NULL UNIQUE REFERENCES destruction_approvals (proposal_id),
        chart_no TEXT NOT NULL,
        counts TEXT NOT NULL,
        proposed_by TEXT NOT NULL REFERENCES staff (id),
        approved_by TEXT NOT NULL REFERENCES staff (id),
        destroyed_at TEXT NOT NULL,
        method TEXT NOT NULL
      ) STRICT;
      ${appendOnly('destruction_tombstones', 'a tombstone')}
      CREATE TRIGGER destruction_tombstones_approved BEFORE INSERT ON destruction_tombstones
      WHEN (SELECT patient_id FROM destruction_approvals WHERE proposal_id = NEW.proposal_id) IS NOT NEW.patient_id
      BEGIN SELECT RAISE(ABORT, 'destruction_tombstones: only for an approved destruction of this patient'); END;

      -- Kept at least five years (電子病歷製作及管理辦法 §16): it is never deleted at all.
      CREATE TABLE destruction_log (
        id TEXT PRIMARY KEY,
        proposal_id TEXT NOT NULL UNIQUE REFERENCES destruction_approvals (proposal_id),
        patient_id TEXT NOT NULL REFERENCES patients (id),
        chart_no TEXT NOT NULL,
        at TEXT NOT NULL,
        proposed_by TEXT NOT NULL REFERENCES staff (id),
        proposed_by_name TEXT NOT NULL,
        approved_by TEXT NOT NULL REFERENCES staff (id),
        approved_by_name TEXT NOT NULL,
        method TEXT NOT NULL,
        place_clinic TEXT NOT NULL,
        place_vault_id TEXT NOT NULL,
        place_machine TEXT NOT NULL,
        audit_events_kept INTEGER NOT NULL CHECK (audit_events_kept >= 0),
        audit_events_with_typed_text INTEGER NOT NULL CHECK (audit_events_with_typed_text >= 0),
        keep_until TEXT NOT NULL CHECK (length(keep_until) = 10)
      ) STRICT;
      CREATE INDEX destruction_log_at ON destruction_log (at);
      ${appendOnly('destruction_log', 'a destruction log entry')}

      -- The search index forgets deleted text for good (not only at the next merge).
      INSERT INTO patient_search (patient_search, rank) VALUES ('secure-delete', 1);

      -- A destroyed patient's row is the tombstone's anchor: it is not changed again.
      CREATE TRIGGER patients_destroyed_fixed BEFORE UPDATE ON patients
      WHEN EXISTS (SELECT 1 FROM destruction_tombstones t WHERE t.patient_id = OLD.id)
      BEGIN SELECT RAISE(ABORT, 'patients: a destroyed patient record is not changed'); END;
      CREATE TRIGGER retention_holds_not_destroyed BEFORE INSERT ON retention_holds
      WHEN EXISTS (SELECT 1 FROM destruction_tombstones t WHERE t.patient_id = NEW.patient_id)
      BEGIN SELECT RAISE(ABORT, 'retention_holds: the records were destroyed'); END;
    `);
    for (const table of NO_NEW_RECORDS) {
      db.exec(`
        CREATE TRIGGER ${table}_not_for_destroyed BEFORE INSERT ON ${table}
        WHEN EXISTS (SELECT 1 FROM destruction_tombstones t WHERE t.patient_id = NEW.patient_id)
        BEGIN SELECT RAISE(ABORT, '${table}: the patient''s records were destroyed'); END;`);
    }
    for (const s of SANCTIONED) {
      db.exec(`
        DROP TRIGGER ${s.trigger};
        CREATE TRIGGER ${s.trigger} BEFORE DELETE ON ${s.table}
        WHEN NOT ${destroying(s.patient)}
        BEGIN SELECT RAISE(ABORT, '${s.message} (only an approved destruction removes it)'); END;`);
    }
  },
};
