/**
 * Every action the audit trail records, one list: a service can only audit an action named here (the type check
 * fails otherwise), and the locale test checks each has a label in both languages. Actions are never renamed or
 * removed once shipped: old events keep their names, and the audit screens still show them.
 */
export const AUDIT_ACTIONS = [
  'access.forbidden',
  'account.password_change_failed', 'account.password_changed',
  'audit.checkpoint_mismatch', 'audit.exported', 'audit.searched', 'audit.typed_text_searched', 'audit.verified',
  'backup.created', 'backup.failed', 'backup.removed', 'backup.settings_updated',
  'calendar.day_added', 'calendar.day_removed', 'calendar.imported',
  'communication.attachment_viewed', 'communication.corrected', 'communication.logged',
  'communications.viewed',
  'complaint.assigned', 'complaint.attachment_viewed', 'complaint.clock_recomputed', 'complaint.closed', 'complaint.entry_added', 'complaint.entry_corrected', 'complaint.list_viewed', 'complaint.medical_accident_recorded', 'complaint.received', 'complaint.records_requested', 'complaint.resolution_added', 'complaint.review_saved', 'complaint.viewed',
  'consent.cooling_off_overridden', 'consent.cooling_off_override_password_failed', 'consent.cooling_off_override_refused', 'consent.document_viewed', 'consent.final_viewed', 'consent.fully_signed', 'consent.issued', 'consent.listed', 'consent.patient_copy', 'consent.patient_copy_viewed', 'consent.patient_signed', 'consent.printed', 'consent.saved', 'consent.sent_to_tablet', 'consent.sign_password_failed', 'consent.sign_refused', 'consent.signature_adopted', 'consent.signed', 'consent.tablet_finished', 'consent.taken_back_from_tablet', 'consent.verified', 'consent.viewed', 'consent.withdrawn',
  'consultation.alternatives_saved', 'consultation.comprehension_answered', 'consultation.disclosed', 'consultation.follow_up_completed', 'consultation.follow_up_started', 'consultation.goals_saved', 'consultation.photo_added', 'consultation.quote_acknowledged', 'consultation.quote_saved', 'consultation.reading_recorded', 'consultation.risk_acknowledged', 'consultation.screening_saved', 'consultation.started', 'consultation.viewed',
  'evidence.export_abandoned', 'evidence.export_cancelled', 'evidence.export_failed', 'evidence.export_leftover_removed', 'evidence.export_started', 'evidence.exported', 'evidence.verified', 'evidence.downloaded',
  'follow_up.assigned', 'follow_up.attempt_logged', 'follow_up.escalated', 'follow_up.escalation_acknowledged', 'follow_up.escalations_viewed', 'follow_up.outcome_corrected', 'follow_up.outcome_recorded', 'follow_up.photo_added', 'follow_up.plan_viewed', 'follow_up.quality_figures_viewed', 'follow_up.viewed', 'follow_up.worklist_viewed',
  'home.viewed',
  'patient.created', 'patient.searched', 'patient.updated', 'patient.viewed',
  'patient_view.hand_back_failed', 'patient_view.hand_back_refused', 'patient_view.handed_back',
  'photo.comparison_viewed', 'photo.marketing_withdrawn', 'photo.viewed',
  'privacy_incident.closed', 'privacy_incident.list_viewed', 'privacy_incident.notified', 'privacy_incident.reported', 'privacy_incident.updated', 'privacy_incident.viewed',
  'procedure.created', 'procedure.updated',
  'retention.destroyed', 'retention.destruction_password_failed', 'retention.destruction_proposed', 'retention.destruction_refused', 'retention.hold_placed', 'retention.hold_released', 'retention.log_viewed', 'retention.overview_viewed', 'retention.proposal_withdrawn', 'retention.viewed',
  'risk_flags.assess_password_failed', 'risk_flags.assess_refused', 'risk_flags.assessed', 'risk_flags.viewed',
  'seat.paired', 'seat.pairing_code_created', 'seat.pairing_failed', 'seat.renamed', 'seat.request_refused', 'seat.revoked', 'seat.session_ended',
  'server.started', 'server.started_unattended', 'server.stopped',
  'session.locked', 'session.locked_out', 'session.recovered', 'session.recovery_failed', 'session.signed_in', 'session.signed_out', 'session.signin_failed', 'session.unlock_failed', 'session.unlock_refused', 'session.unlocked',
  'settings.printed_dates_changed', 'settings.updated',
  'staff.added', 'staff.deactivated', 'staff.password_reset', 'staff.reactivated', 'staff.updated',
  'template.draft_saved', 'template.published',
  'treatment.corrected', 'treatment.photo_added', 'treatment.recorded', 'treatment.viewed',
  'unattended_key.created', 'unattended_key.revoked',
  'vault.created', 'vault.keyslots_reconciled', 'vault.restored',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

const KNOWN: ReadonlySet<string> = new Set(AUDIT_ACTIONS);
export const isAuditAction = (action: string): action is AuditAction => KNOWN.has(action);

/** What an audit event is about: every subject type a service may name (labelled in both languages). */
export const AUDIT_SUBJECT_TYPES = [
  'backup', 'backup_settings', 'calendar_day', 'clinic_settings', 'communication', 'complaint', 'consent', 'consultation', 'device',
  'disclosure_template', 'evidence_pack', 'follow_up_visit', 'patient', 'photo', 'privacy_incident', 'procedure',
  'recovery_code', 'sign_in_name', 'staff', 'treatment', 'vault',
] as const;

export type AuditSubjectType = (typeof AUDIT_SUBJECT_TYPES)[number];
