import type { Migration } from './types';

const frozen = (table: string, what: string) => `
  CREATE TRIGGER ${table}_immutable BEFORE UPDATE ON ${table}
  BEGIN SELECT RAISE(ABORT, '${what} never changes; append a correction'); END;
  CREATE TRIGGER ${table}_kept BEFORE DELETE ON ${table}
  BEGIN SELECT RAISE(ABORT, '${what} is never deleted'); END;`;

/**
 * Aftercare: treatment records, the follow-up visits their procedure's plan creates (attempts, outcomes,
 * escalations), complaints with their clocks, timeline, resolutions and root-cause reviews, the privacy-incident
 * register, and the clinic's calendar of holidays. Records are evidence: treatments, outcomes, attempts and
 * timeline entries never change (corrections are appended beside them); clocks, once met, stay met; a closed
 * complaint or incident is locked.
 */
export const migration0080: Migration = {
  version: 80,
  name: 'aftercare',
  up(db) {
    db.exec(`
      CREATE TABLE clinic_calendar (
        date TEXT PRIMARY KEY CHECK (length(date) = 10),
        kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
        name TEXT NOT NULL CHECK (length(name) > 0),
        created_by TEXT NOT NULL REFERENCES staff (id),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE treatments (
        id TEXT PRIMARY KEY,
        consultation_id TEXT NOT NULL UNIQUE REFERENCES consultations (id),
        consent_id TEXT NOT NULL REFERENCES consents (id),
        patient_id TEXT NOT NULL REFERENCES patients (id),
        physician_id TEXT NOT NULL REFERENCES staff (id),
        performed_at TEXT NOT NULL,
        assistant_ids TEXT NOT NULL,
        anaesthesia TEXT NOT NULL CHECK (anaesthesia IN ('none', 'topical', 'local', 'sedation', 'general')),
        anaesthesia_details TEXT,
        intra_op_notes TEXT NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES staff (id),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX treatments_patient ON treatments (patient_id, performed_at);
      CREATE INDEX treatments_physician ON treatments (physician_id, performed_at);
      ${frozen('treatments', 'a treatment record')}
      -- Only on the consultation's own consent, fully signed and not withdrawn; and no withdrawal once treated.
      CREATE TRIGGER treatments_need_signed_consent BEFORE INSERT ON treatments
      WHEN (SELECT status FROM consents WHERE id = NEW.consent_id AND consultation_id = NEW.consultation_id) IS NOT 'fully_signed'
        OR EXISTS (SELECT 1 FROM consent_withdrawals WHERE consent_id = NEW.consent_id)
      BEGIN SELECT RAISE(ABORT, 'a treatment needs a fully signed consent that was not withdrawn'); END;
      CREATE TRIGGER consent_withdrawals_not_after_treatment BEFORE INSERT ON consent_withdrawals
      WHEN EXISTS (SELECT 1 FROM treatments WHERE consent_id = NEW.consent_id)
      BEGIN SELECT RAISE(ABORT, 'a consent cannot be withdrawn after the treatment'); END;

      CREATE TABLE treatment_products (
        treatment_id TEXT NOT NULL REFERENCES treatments (id),
        position INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('drug', 'device', 'implant', 'consumable')),
        name TEXT NOT NULL,
        brand TEXT NOT NULL,
        lot TEXT,
        serial_no TEXT,
        expiry_date TEXT,
        quantity TEXT,
        PRIMARY KEY (treatment_id, position)
      ) STRICT;
      CREATE INDEX treatment_products_lot ON treatment_products (brand, lot);
      ${frozen('treatment_products', 'a product used in a treatment')}

      CREATE TABLE treatment_corrections (
        id TEXT PRIMARY KEY,
        treatment_id TEXT NOT NULL REFERENCES treatments (id),
        text TEXT NOT NULL CHECK (length(text) > 0),
        staff_id TEXT NOT NULL REFERENCES staff (id),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX treatment_corrections_treatment ON treatment_corrections (treatment_id, created_at);
      ${frozen('treatment_corrections', 'a correction')}

      CREATE TABLE follow_up_visits (
        id TEXT PRIMARY KEY,
        treatment_id TEXT NOT NULL REFERENCES treatments (id),
        level_id TEXT NOT NULL,
        day_offset INTEGER NOT NULL CHECK (day_offset >= 0),
        role TEXT NOT NULL CHECK (role IN ('physician', 'consultant', 'nurse')),
        method TEXT NOT NULL CHECK (method IN ('phone', 'visit', 'phone_or_visit', 'message')),
        focus TEXT NOT NULL,
        due_date TEXT NOT NULL CHECK (length(due_date) = 10),
        assigned_to TEXT REFERENCES staff (id),
        done_at TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (treatment_id, level_id)
      ) STRICT;
      CREATE INDEX follow_up_visits_open ON follow_up_visits (done_at, due_date);
      CREATE INDEX follow_up_visits_assignee ON follow_up_visits (assigned_to, due_date);
      -- The plan's visit is fixed; only the assignee and, once, the time it was done change. A done visit is locked.
      CREATE TRIGGER follow_up_visits_plan_fixed BEFORE UPDATE ON follow_up_visits
      WHEN OLD.done_at IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.treatment_id IS NOT OLD.treatment_id
        OR NEW.level_id IS NOT OLD.level_id OR NEW.day_offset IS NOT OLD.day_offset OR NEW.role IS NOT OLD.role
        OR NEW.method IS NOT OLD.method OR NEW.focus IS NOT OLD.focus OR NEW.due_date IS NOT OLD.due_date
        OR NEW.created_at IS NOT OLD.created_at
      BEGIN SELECT RAISE(ABORT, 'a follow-up visit keeps its plan, and a done visit is locked'); END;
      CREATE TRIGGER follow_up_visits_kept BEFORE DELETE ON follow_up_visits
      BEGIN SELECT RAISE(ABORT, 'follow-up visits are never deleted'); END;

      CREATE TABLE aftercare_photos (
        photo_id TEXT PRIMARY KEY REFERENCES photos (id),
        treatment_id TEXT NOT NULL REFERENCES treatments (id),
        visit_id TEXT REFERENCES follow_up_visits (id)
      ) STRICT;
      CREATE INDEX aftercare_photos_treatment ON aftercare_photos (treatment_id);
      CREATE INDEX aftercare_photos_visit ON aftercare_photos (visit_id);
      ${frozen('aftercare_photos', 'an after photo link')}

      CREATE TABLE follow_up_attempts (
        id TEXT PRIMARY KEY,
        visit_id TEXT NOT NULL REFERENCES follow_up_visits (id),
        at TEXT NOT NULL,
        method TEXT NOT NULL CHECK (method IN ('phone', 'visit', 'phone_or_visit', 'message')),
        result TEXT NOT NULL CHECK (result IN ('reached', 'no_answer', 'busy', 'voicemail', 'wrong_number', 'message_only')),
        note TEXT NOT NULL,
        staff_id TEXT NOT NULL REFERENCES staff (id),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX follow_up_attempts_visit ON follow_up_attempts (visit_id, at);
      ${frozen('follow_up_attempts', 'a follow-up attempt')}
      CREATE TRIGGER follow_up_attempts_open_visit BEFORE INSERT ON follow_up_attempts
      WHEN (SELECT done_at FROM follow_up_visits WHERE id = NEW.visit_id) IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'the visit is done'); END;

      CREATE TABLE follow_up_outcomes (
        visit_id TEXT PRIMARY KEY REFERENCES follow_up_visits (id),
        pain INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
        swelling TEXT NOT NULL CHECK (swelling IN ('none', 'mild', 'moderate', 'severe')),
        bruising TEXT NOT NULL CHECK (bruising IN ('none', 'mild', 'moderate', 'severe')),
        bleeding TEXT NOT NULL CHECK (bleeding IN ('none', 'spotting', 'heavy')),
        infection_signs INTEGER NOT NULL CHECK (infection_signs IN (0, 1)),
        fever INTEGER NOT NULL CHECK (fever IN (0, 1)),
        numbness INTEGER NOT NULL CHECK (numbness IN (0, 1)),
        asymmetry INTEGER NOT NULL CHECK (asymmetry IN (0, 1)),
        vision_change INTEGER NOT NULL CHECK (vision_change IN (0, 1)),
        skin_colour_change INTEGER NOT NULL CHECK (skin_colour_change IN (0, 1)),
        satisfaction INTEGER CHECK (satisfaction BETWEEN 1 AND 5),
        notes TEXT NOT NULL,
        complication_type TEXT,
        complication_severity TEXT CHECK (complication_severity IN ('mild', 'moderate', 'severe')),
        complication_management TEXT,
        red_flags TEXT NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES staff (id),
        recorded_at TEXT NOT NULL,
        CHECK ((complication_type IS NULL) = (complication_severity IS NULL) AND (complication_type IS NULL) = (complication_management IS NULL))
      ) STRICT;
      ${frozen('follow_up_outcomes', 'a follow-up outcome')}
      -- Never before the visit is due (14 hours: the furthest any time zone is ahead of UTC).
      CREATE TRIGGER follow_up_outcomes_when_due BEFORE INSERT ON follow_up_outcomes
      WHEN (SELECT due_date FROM follow_up_visits WHERE id = NEW.visit_id) > date(NEW.recorded_at, '+14 hours')
      BEGIN SELECT RAISE(ABORT, 'the visit is not due yet'); END;

      CREATE TABLE follow_up_outcome_corrections (
        id TEXT PRIMARY KEY,
        visit_id TEXT NOT NULL REFERENCES follow_up_outcomes (visit_id),
        text TEXT NOT NULL CHECK (length(text) > 0),
        staff_id TEXT NOT NULL REFERENCES staff (id),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX follow_up_outcome_corrections_visit ON follow_up_outcome_corrections (visit_id, created_at);
      ${frozen('follow_up_outcome_corrections', 'a correction')}

      CREATE TABLE follow_up_escalations (
        id TEXT PRIMARY KEY,
        visit_id TEXT NOT NULL REFERENCES follow_up_visits (id),
        kind TEXT NOT NULL CHECK (kind IN ('red_flag', 'unreachable')),
        physician_id TEXT NOT NULL REFERENCES staff (id),
        red_flags TEXT NOT NULL,
        created_at TEXT NOT NULL,
        acknowledged_at TEXT,
        acknowledged_by TEXT REFERENCES staff (id),
        acknowledgement_note TEXT,
        CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL) AND (acknowledged_at IS NULL) = (acknowledgement_note IS NULL))
      ) STRICT;
      CREATE INDEX follow_up_escalations_physician ON follow_up_escalations (physician_id, acknowledged_at);
      CREATE INDEX follow_up_escalations_visit ON follow_up_escalations (visit_id);
      -- Acknowledged once; nothing else ever changes.
      CREATE TRIGGER follow_up_escalations_acknowledged_once BEFORE UPDATE ON follow_up_escalations
      WHEN OLD.acknowledged_at IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.visit_id IS NOT OLD.visit_id OR NEW.kind IS NOT OLD.kind
        OR NEW.physician_id IS NOT OLD.physician_id OR NEW.red_flags IS NOT OLD.red_flags OR NEW.created_at IS NOT OLD.created_at
      BEGIN SELECT RAISE(ABORT, 'an escalation is acknowledged once and never changes otherwise'); END;
      CREATE TRIGGER follow_up_escalations_kept BEFORE DELETE ON follow_up_escalations
      BEGIN SELECT RAISE(ABORT, 'escalations are never deleted'); END;
    `);
    complaints(db);
    incidents(db);
  },
};

function complaints(db: Parameters<Migration['up']>[0]): void {
  const notWhenClosed = (table: string) => `
    CREATE TRIGGER ${table}_not_when_closed BEFORE INSERT ON ${table}
    WHEN (SELECT status FROM complaints WHERE id = NEW.complaint_id) = 'closed'
    BEGIN SELECT RAISE(ABORT, 'a closed complaint is locked'); END;`;
  db.exec(`
    CREATE TABLE complaints (
      id TEXT PRIMARY KEY,
      ref_no TEXT NOT NULL UNIQUE,
      patient_id TEXT REFERENCES patients (id),
      complainant_name TEXT,
      consultation_id TEXT REFERENCES consultations (id),
      treatment_id TEXT REFERENCES treatments (id),
      channel TEXT NOT NULL CHECK (channel IN ('phone', 'line', 'in_person', 'email', 'online_review', 'letter')),
      category TEXT NOT NULL CHECK (category IN ('outcome_expectation', 'complication', 'pain_recovery', 'communication_service', 'billing_contract', 'device_drug')),
      severity TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
      received_at TEXT NOT NULL,
      patient_says TEXT NOT NULL CHECK (length(patient_says) > 0),
      patient_wants TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
      closed_at TEXT,
      closed_by TEXT REFERENCES staff (id),
      closing_summary TEXT,
      created_by TEXT NOT NULL REFERENCES staff (id),
      created_at TEXT NOT NULL,
      CHECK (patient_id IS NOT NULL OR complainant_name IS NOT NULL),
      CHECK ((status = 'closed') = (closed_at IS NOT NULL) AND (closed_at IS NULL) = (closed_by IS NULL) AND (closed_at IS NULL) = (closing_summary IS NULL))
    ) STRICT;
    CREATE INDEX complaints_status ON complaints (status, received_at);
    CREATE INDEX complaints_patient ON complaints (patient_id, received_at);
    CREATE TRIGGER complaints_intake_fixed BEFORE UPDATE ON complaints
    WHEN OLD.status = 'closed' OR NEW.id IS NOT OLD.id OR NEW.ref_no IS NOT OLD.ref_no OR NEW.patient_id IS NOT OLD.patient_id
      OR NEW.complainant_name IS NOT OLD.complainant_name OR NEW.consultation_id IS NOT OLD.consultation_id
      OR NEW.treatment_id IS NOT OLD.treatment_id OR NEW.channel IS NOT OLD.channel OR NEW.category IS NOT OLD.category
      OR NEW.severity IS NOT OLD.severity OR NEW.received_at IS NOT OLD.received_at OR NEW.patient_says IS NOT OLD.patient_says
      OR NEW.patient_wants IS NOT OLD.patient_wants OR NEW.created_by IS NOT OLD.created_by OR NEW.created_at IS NOT OLD.created_at
    BEGIN SELECT RAISE(ABORT, 'what was received never changes, and a closed complaint is locked'); END;
    CREATE TRIGGER complaints_kept BEFORE DELETE ON complaints
    BEGIN SELECT RAISE(ABORT, 'complaints are never deleted'); END;

    CREATE TABLE complaint_assignments (
      id TEXT PRIMARY KEY,
      complaint_id TEXT NOT NULL REFERENCES complaints (id),
      owner_id TEXT NOT NULL REFERENCES staff (id),
      assigned_by TEXT NOT NULL REFERENCES staff (id),
      at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX complaint_assignments_complaint ON complaint_assignments (complaint_id, at);
    ${frozen('complaint_assignments', 'an assignment')}
    ${notWhenClosed('complaint_assignments')}

    CREATE TABLE complaint_entries (
      id TEXT PRIMARY KEY,
      complaint_id TEXT NOT NULL REFERENCES complaints (id),
      kind TEXT NOT NULL CHECK (kind IN ('contact', 'meeting', 'explanation', 'decision', 'document', 'records_provided', 'note', 'medical_accident', 'records_request')),
      occurred_at TEXT NOT NULL,
      summary TEXT NOT NULL CHECK (length(summary) > 0),
      attachment_sha256 TEXT REFERENCES attachments (sha256),
      attachment_name TEXT,
      staff_id TEXT NOT NULL REFERENCES staff (id),
      created_at TEXT NOT NULL,
      CHECK ((attachment_sha256 IS NULL) = (attachment_name IS NULL))
    ) STRICT;
    CREATE INDEX complaint_entries_complaint ON complaint_entries (complaint_id, occurred_at);
    ${frozen('complaint_entries', 'a timeline entry')}
    ${notWhenClosed('complaint_entries')}

    CREATE TABLE complaint_entry_corrections (
      id TEXT PRIMARY KEY,
      entry_id TEXT NOT NULL REFERENCES complaint_entries (id),
      text TEXT NOT NULL CHECK (length(text) > 0),
      staff_id TEXT NOT NULL REFERENCES staff (id),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX complaint_entry_corrections_entry ON complaint_entry_corrections (entry_id, created_at);
    ${frozen('complaint_entry_corrections', 'a correction')}

    CREATE TABLE complaint_clocks (
      id TEXT PRIMARY KEY,
      complaint_id TEXT NOT NULL REFERENCES complaints (id),
      kind TEXT NOT NULL CHECK (kind IN ('first_response', 'accident_explanation', 'records_copy')),
      started_at TEXT NOT NULL,
      due_at TEXT NOT NULL CHECK (due_at > started_at),
      source_entry_id TEXT REFERENCES complaint_entries (id),
      met_at TEXT,
      met_by_entry_id TEXT REFERENCES complaint_entries (id),
      UNIQUE (complaint_id, kind),
      CHECK ((met_at IS NULL) = (met_by_entry_id IS NULL))
    ) STRICT;
    -- A deadline is fixed when the clock starts (a holiday entered later does not move it); met once, met for good.
    CREATE TRIGGER complaint_clocks_met_once BEFORE UPDATE ON complaint_clocks
    WHEN OLD.met_at IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.complaint_id IS NOT OLD.complaint_id OR NEW.kind IS NOT OLD.kind
      OR NEW.started_at IS NOT OLD.started_at OR NEW.due_at IS NOT OLD.due_at OR NEW.source_entry_id IS NOT OLD.source_entry_id
    BEGIN SELECT RAISE(ABORT, 'a clock is fixed when it starts and met only once'); END;
    CREATE TRIGGER complaint_clocks_kept BEFORE DELETE ON complaint_clocks
    BEGIN SELECT RAISE(ABORT, 'clocks are never deleted'); END;
    ${notWhenClosed('complaint_clocks')}

    CREATE TABLE complaint_resolutions (
      id TEXT PRIMARY KEY,
      complaint_id TEXT NOT NULL REFERENCES complaints (id),
      kind TEXT NOT NULL CHECK (kind IN ('explanation', 'apology', 'free_revision', 'refund', 'compensation', 'mediation', 'litigation')),
      amount_twd INTEGER CHECK (amount_twd >= 0),
      description TEXT NOT NULL CHECK (length(description) > 0),
      decided_at TEXT NOT NULL,
      staff_id TEXT NOT NULL REFERENCES staff (id),
      created_at TEXT NOT NULL,
      CHECK (kind NOT IN ('refund', 'compensation') OR amount_twd > 0),
      CHECK (kind NOT IN ('explanation', 'apology') OR amount_twd IS NULL)
    ) STRICT;
    CREATE INDEX complaint_resolutions_complaint ON complaint_resolutions (complaint_id, created_at);
    ${frozen('complaint_resolutions', 'a resolution')}
    ${notWhenClosed('complaint_resolutions')}

    CREATE TABLE complaint_reviews (
      id TEXT PRIMARY KEY,
      complaint_id TEXT NOT NULL REFERENCES complaints (id),
      what_happened TEXT NOT NULL CHECK (length(what_happened) > 0),
      staff_id TEXT NOT NULL REFERENCES staff (id),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX complaint_reviews_complaint ON complaint_reviews (complaint_id, created_at);
    ${frozen('complaint_reviews', 'a root-cause review')}
    ${notWhenClosed('complaint_reviews')}
    CREATE TABLE complaint_review_causes (
      review_id TEXT NOT NULL REFERENCES complaint_reviews (id),
      position INTEGER NOT NULL,
      category TEXT NOT NULL CHECK (category IN ('technique', 'device_product', 'patient_factors', 'communication', 'aftercare', 'management')),
      detail TEXT NOT NULL CHECK (length(detail) > 0),
      PRIMARY KEY (review_id, position)
    ) STRICT;
    ${frozen('complaint_review_causes', 'a cause')}
    CREATE TABLE complaint_review_actions (
      review_id TEXT NOT NULL REFERENCES complaint_reviews (id),
      position INTEGER NOT NULL,
      action TEXT NOT NULL CHECK (length(action) > 0),
      owner_id TEXT NOT NULL REFERENCES staff (id),
      due_date TEXT NOT NULL CHECK (length(due_date) = 10),
      PRIMARY KEY (review_id, position)
    ) STRICT;
    CREATE INDEX complaint_review_actions_owner ON complaint_review_actions (owner_id, due_date);
    ${frozen('complaint_review_actions', 'a corrective action')}

    -- No closing without a root-cause review and a resolution.
    CREATE TRIGGER complaints_close_needs_review BEFORE UPDATE ON complaints
    WHEN NEW.status = 'closed' AND (NOT EXISTS (SELECT 1 FROM complaint_reviews WHERE complaint_id = NEW.id)
      OR NOT EXISTS (SELECT 1 FROM complaint_resolutions WHERE complaint_id = NEW.id))
    BEGIN SELECT RAISE(ABORT, 'a complaint is closed only after a resolution and a root-cause review'); END;
  `);
}

function incidents(db: Parameters<Migration['up']>[0]): void {
  db.exec(`
    CREATE TABLE privacy_incidents (
      id TEXT PRIMARY KEY,
      ref_no TEXT NOT NULL UNIQUE,
      what_happened TEXT NOT NULL CHECK (length(what_happened) > 0),
      people_affected INTEGER CHECK (people_affected >= 0),
      data_kinds TEXT NOT NULL,
      occurred_at TEXT,
      discovered_at TEXT NOT NULL,
      containment TEXT NOT NULL,
      due_at TEXT NOT NULL CHECK (due_at > discovered_at),
      reported_by TEXT NOT NULL REFERENCES staff (id),
      created_at TEXT NOT NULL,
      notified_at TEXT,
      notified_authority TEXT,
      patients_notified INTEGER CHECK (patients_notified IN (0, 1)),
      notification_note TEXT,
      notification_recorded_by TEXT REFERENCES staff (id),
      status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
      closed_at TEXT,
      closed_by TEXT REFERENCES staff (id),
      closing_summary TEXT,
      CHECK ((notified_at IS NULL) = (notified_authority IS NULL) AND (notified_at IS NULL) = (patients_notified IS NULL)
        AND (notified_at IS NULL) = (notification_note IS NULL) AND (notified_at IS NULL) = (notification_recorded_by IS NULL)),
      CHECK ((status = 'closed') = (closed_at IS NOT NULL) AND (closed_at IS NULL) = (closed_by IS NULL) AND (closed_at IS NULL) = (closing_summary IS NULL))
    ) STRICT;
    CREATE INDEX privacy_incidents_status ON privacy_incidents (status, discovered_at);
    -- The report is fixed; the notification is recorded once; a closed incident is locked.
    CREATE TRIGGER privacy_incidents_report_fixed BEFORE UPDATE ON privacy_incidents
    WHEN OLD.status = 'closed' OR (OLD.notified_at IS NOT NULL AND (NEW.notified_at IS NOT OLD.notified_at
        OR NEW.notified_authority IS NOT OLD.notified_authority OR NEW.patients_notified IS NOT OLD.patients_notified
        OR NEW.notification_note IS NOT OLD.notification_note OR NEW.notification_recorded_by IS NOT OLD.notification_recorded_by))
      OR NEW.id IS NOT OLD.id OR NEW.ref_no IS NOT OLD.ref_no OR NEW.what_happened IS NOT OLD.what_happened
      OR NEW.people_affected IS NOT OLD.people_affected OR NEW.data_kinds IS NOT OLD.data_kinds OR NEW.occurred_at IS NOT OLD.occurred_at
      OR NEW.discovered_at IS NOT OLD.discovered_at OR NEW.containment IS NOT OLD.containment OR NEW.due_at IS NOT OLD.due_at
      OR NEW.reported_by IS NOT OLD.reported_by OR NEW.created_at IS NOT OLD.created_at
    BEGIN SELECT RAISE(ABORT, 'a privacy incident report never changes; add an update'); END;
    CREATE TRIGGER privacy_incidents_kept BEFORE DELETE ON privacy_incidents
    BEGIN SELECT RAISE(ABORT, 'privacy incidents are never deleted'); END;

    CREATE TABLE privacy_incident_updates (
      id TEXT PRIMARY KEY,
      incident_id TEXT NOT NULL REFERENCES privacy_incidents (id),
      text TEXT NOT NULL CHECK (length(text) > 0),
      staff_id TEXT NOT NULL REFERENCES staff (id),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX privacy_incident_updates_incident ON privacy_incident_updates (incident_id, created_at);
    ${frozen('privacy_incident_updates', 'an incident update')}
    CREATE TRIGGER privacy_incident_updates_not_when_closed BEFORE INSERT ON privacy_incident_updates
    WHEN (SELECT status FROM privacy_incidents WHERE id = NEW.incident_id) = 'closed'
    BEGIN SELECT RAISE(ABORT, 'a closed incident is locked'); END;
  `);
}
