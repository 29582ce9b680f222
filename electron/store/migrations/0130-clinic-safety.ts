import type { Migration } from './types';

/**
 * Clinic safety (issue 12, items 1, 2 and 5).
 *
 * follow_up_outcome_provenance: how each outcome was recorded. The follow-up form before this version selected
 * "normal" findings (pain 0, no swelling, no bruising, no bleeding, all findings "no") before anyone was asked, and
 * saved outcomes without a contact, so every outcome already stored is marked `prefilled_defaults`: it cannot be
 * told from a real one. From now on an outcome is recorded only after a call that reached the patient or an
 * in-person visit (the attempt it rests on is named, and a trigger backs the service up).
 *
 * consultation_flag_assessments: the operating physician's written assessment of each open risk flag of a
 * consultation (a record flag, an answered contraindication, the body-image screen), required before countersigning.
 *
 * audit_event_patients: which patients each audit event names (its subject, directly or through the consultation,
 * consent, treatment, follow-up visit or complaint it is about; `details.patientId`; a search's `resultIds`), kept
 * by a trigger, so "who looked at this patient?" is an index lookup. Indexes for the other audit filters.
 */
export const migration0130: Migration = {
  version: 130,
  name: 'clinic-safety',
  up(db) {
    db.exec(`
      CREATE TABLE follow_up_outcome_provenance (
        visit_id TEXT PRIMARY KEY REFERENCES follow_up_outcomes (visit_id),
        form TEXT NOT NULL CHECK (form IN ('prefilled_defaults', 'blank_form')),
        contact_attempt_id TEXT REFERENCES follow_up_attempts (id),
        marked_at TEXT NOT NULL,
        CHECK (form = 'prefilled_defaults' OR contact_attempt_id IS NOT NULL)
      ) STRICT;
      CREATE INDEX follow_up_outcome_provenance_form ON follow_up_outcome_provenance (form);
      CREATE TRIGGER follow_up_outcome_provenance_frozen BEFORE UPDATE ON follow_up_outcome_provenance
      BEGIN SELECT RAISE(ABORT, 'follow_up_outcome_provenance: how an outcome was recorded never changes'); END;
      CREATE TRIGGER follow_up_outcome_provenance_kept BEFORE DELETE ON follow_up_outcome_provenance
      -- Only an approved destruction of the patient's records removes it (see 0120-retention).
      WHEN NOT (EXISTS (SELECT 1 FROM destruction_approvals da WHERE da.patient_id = (SELECT t.patient_id FROM follow_up_visits v JOIN treatments t ON t.id = v.treatment_id WHERE v.id = OLD.visit_id))
        AND NOT EXISTS (SELECT 1 FROM destruction_tombstones dt WHERE dt.patient_id = (SELECT t.patient_id FROM follow_up_visits v JOIN treatments t ON t.id = v.treatment_id WHERE v.id = OLD.visit_id)))
      BEGIN SELECT RAISE(ABORT, 'follow_up_outcome_provenance: rows are never deleted'); END;
      CREATE TRIGGER follow_up_outcome_provenance_contact BEFORE INSERT ON follow_up_outcome_provenance
      WHEN NEW.form = 'blank_form' AND NOT EXISTS (
        SELECT 1 FROM follow_up_attempts a WHERE a.id = NEW.contact_attempt_id AND a.visit_id = NEW.visit_id AND a.result = 'reached')
      BEGIN SELECT RAISE(ABORT, 'follow_up_outcome_provenance: the contact must be a reached attempt of this visit'); END;

      -- Every outcome saved so far came from the form that pre-selected normal findings.
      INSERT INTO follow_up_outcome_provenance (visit_id, form, contact_attempt_id, marked_at)
        SELECT visit_id, 'prefilled_defaults', NULL, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM follow_up_outcomes;

      CREATE TRIGGER follow_up_outcomes_need_contact BEFORE INSERT ON follow_up_outcomes
      WHEN NOT EXISTS (SELECT 1 FROM follow_up_attempts a WHERE a.visit_id = NEW.visit_id AND a.result = 'reached')
      BEGIN SELECT RAISE(ABORT, 'an outcome needs a successful contact or an in-person visit first'); END;

      CREATE TABLE consultation_flag_assessments (
        id TEXT PRIMARY KEY,
        consultation_id TEXT NOT NULL REFERENCES consultations (id),
        flag_kind TEXT NOT NULL CHECK (flag_kind IN ('record', 'contraindication', 'body_image')),
        flag_key TEXT NOT NULL,
        assessment TEXT NOT NULL CHECK (length(assessment) > 0),
        physician_id TEXT NOT NULL REFERENCES staff (id),
        assessed_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES staff (id),
        UNIQUE (consultation_id, flag_kind, flag_key)
      ) STRICT;
      CREATE TRIGGER consultation_flag_assessments_frozen BEFORE UPDATE ON consultation_flag_assessments
      BEGIN SELECT RAISE(ABORT, 'consultation_flag_assessments: an assessment never changes'); END;
      CREATE TRIGGER consultation_flag_assessments_kept BEFORE DELETE ON consultation_flag_assessments
      -- Only an approved destruction of the patient's records removes it (see 0120-retention).
      WHEN NOT (EXISTS (SELECT 1 FROM destruction_approvals da WHERE da.patient_id = (SELECT patient_id FROM consultations WHERE id = OLD.consultation_id))
        AND NOT EXISTS (SELECT 1 FROM destruction_tombstones dt WHERE dt.patient_id = (SELECT patient_id FROM consultations WHERE id = OLD.consultation_id)))
      BEGIN SELECT RAISE(ABORT, 'consultation_flag_assessments: rows are never deleted'); END;
      CREATE TRIGGER consultation_flag_assessments_physician BEFORE INSERT ON consultation_flag_assessments
      WHEN (SELECT physician_id FROM consultations WHERE id = NEW.consultation_id) IS NOT NEW.physician_id
      BEGIN SELECT RAISE(ABORT, 'consultation_flag_assessments: only the operating physician assesses'); END;

      CREATE TABLE audit_event_patients (
        patient_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        PRIMARY KEY (patient_id, seq)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX audit_event_patients_seq ON audit_event_patients (seq);
      CREATE INDEX audit_events_action_seq ON audit_events (action, seq);
      CREATE INDEX audit_events_actor_seq ON audit_events (actor_id, seq);
      CREATE INDEX audit_events_at ON audit_events (at);
    `);
    // Each source of a patient, as (patient, seq) rows of the events `e` the filter picks: the trigger runs them for
    // the new event (an AFTER trigger sees it in the table), the backfill for every event so far.
    const sources = (only: string) => [
      `SELECT e.subject_id, e.seq FROM audit_events e WHERE ${only} AND e.subject_type = 'patient' AND e.subject_id IS NOT NULL`,
      `SELECT c.patient_id, e.seq FROM audit_events e JOIN consultations c ON c.id = e.subject_id WHERE ${only} AND e.subject_type = 'consultation'`,
      `SELECT k.patient_id, e.seq FROM audit_events e JOIN consents k ON k.id = e.subject_id WHERE ${only} AND e.subject_type = 'consent'`,
      `SELECT t.patient_id, e.seq FROM audit_events e JOIN treatments t ON t.id = e.subject_id WHERE ${only} AND e.subject_type = 'treatment'`,
      `SELECT t.patient_id, e.seq FROM audit_events e JOIN follow_up_visits v ON v.id = e.subject_id JOIN treatments t ON t.id = v.treatment_id
         WHERE ${only} AND e.subject_type = 'follow_up_visit'`,
      `SELECT m.patient_id, e.seq FROM audit_events e JOIN complaints m ON m.id = e.subject_id WHERE ${only} AND e.subject_type = 'complaint' AND m.patient_id IS NOT NULL`,
      `SELECT json_extract(e.details, '$.patientId'), e.seq FROM audit_events e
         WHERE ${only} AND json_valid(e.details) AND json_type(e.details, '$.patientId') = 'text'`,
      `SELECT r.value, e.seq FROM audit_events e, json_each(CASE WHEN json_valid(e.details) AND json_type(e.details, '$.resultIds') = 'array'
         THEN json_extract(e.details, '$.resultIds') ELSE '[]' END) r WHERE ${only} AND r.type = 'text'`,
    ];
    const insert = (only: string) => sources(only).map((q) => `INSERT OR IGNORE INTO audit_event_patients (patient_id, seq) ${q};`).join('\n');
    db.exec(`
      CREATE TRIGGER audit_events_name_patients AFTER INSERT ON audit_events
      BEGIN
        ${insert('e.seq = NEW.seq')}
      END;
      ${insert('1')}
    `);
  },
};
