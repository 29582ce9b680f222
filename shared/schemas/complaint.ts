import { z } from 'zod';
import { CalendarDate, Correction } from './aftercare';
import { Id, IsoTime, requiredLine, text } from './common';
import { COMMUNICATION_ATTACHMENT_MAX_BYTES, CommunicationAttachmentMime } from './communication';
import { EditVersion } from './edit-version';
import { typedNumber } from './typed-input';

const requiredText = (max: number) => text(max).refine((s) => s.length > 0, { error: 'validation.required' });

// ---------------------------------------------------------------------------------------------------------------
// The clinic's calendar
// ---------------------------------------------------------------------------------------------------------------

export const CalendarDayKind = z.enum(['holiday', 'workday']);
export type CalendarDayKind = z.infer<typeof CalendarDayKind>;
export const CalendarEntry = z
  .object({ date: CalendarDate, kind: CalendarDayKind, name: requiredLine(60) })
  .strict();
export type CalendarEntry = z.infer<typeof CalendarEntry>;
export const CalendarEntryView = CalendarEntry.extend({ createdByName: z.string(), createdAt: IsoTime }).strict();

// ---------------------------------------------------------------------------------------------------------------
// Clocks
// ---------------------------------------------------------------------------------------------------------------

export const ClockKind = z.enum(['first_response', 'accident_explanation', 'records_copy', 'incident_notification']);
export const ClockState = z.enum(['met', 'met_late', 'running', 'due_soon', 'breached', 'stopped']);
export const ClockView = z
  .object({
    kind: ClockKind,
    startedAt: IsoTime,
    dueAt: IsoTime,
    metAt: IsoTime.nullable(),
    state: ClockState,
    remainingMs: z.number().nullable(),
  })
  .strict();
export type ClockView = z.infer<typeof ClockView>;

// ---------------------------------------------------------------------------------------------------------------
// Complaints
// ---------------------------------------------------------------------------------------------------------------

export const ComplaintChannel = z.enum(['phone', 'line', 'in_person', 'email', 'online_review', 'letter']);
export const ComplaintCategory = z.enum(['outcome_expectation', 'complication', 'pain_recovery', 'communication_service', 'billing_contract', 'device_drug']);
export type ComplaintCategory = z.infer<typeof ComplaintCategory>;
export const ComplaintSeverity = z.enum(['low', 'medium', 'high', 'critical']);

export const NewComplaint = z
  .object({
    /** The patient, when known; an anonymous online review names only who wrote it. */
    patientId: Id.optional(),
    complainantName: text(64).optional(),
    consultationId: Id.optional(),
    treatmentId: Id.optional(),
    channel: ComplaintChannel,
    category: ComplaintCategory,
    severity: ComplaintSeverity,
    /** When the clinic received it (the 24-hour clock starts here); never in the future. */
    receivedAt: IsoTime,
    patientSays: requiredText(4000),
    patientWants: text(2000),
  })
  .strict();
export type NewComplaint = z.infer<typeof NewComplaint>;

/** What happened on the complaint: talking to the patient, meetings, decisions, documents. */
export const EntryKind = z.enum(['contact', 'meeting', 'explanation', 'decision', 'document', 'records_provided', 'note']);
export type EntryKind = z.infer<typeof EntryKind>;
/** Entries that count as a response to the patient (they stop the 24-hour clock). */
export const RESPONSE_KINDS: readonly EntryKind[] = ['contact', 'meeting', 'explanation'];

export const EntryAttachment = z
  .object({
    fileName: requiredText(200).refine((s) => !/[\\/\r\n]/.test(s), { error: 'validation.invalidValue' }),
    mime: CommunicationAttachmentMime,
    dataBase64: z.base64().max(Math.ceil((COMMUNICATION_ATTACHMENT_MAX_BYTES * 4) / 3) + 4, { error: 'validation.attachmentTooLarge' }),
  })
  .strict();

export const NewEntry = z
  .object({ complaintId: Id, kind: EntryKind, occurredAt: IsoTime, summary: requiredText(4000), attachment: EntryAttachment.optional() })
  .strict();

export const ResolutionKind = z.enum(['explanation', 'apology', 'free_revision', 'refund', 'compensation', 'mediation', 'litigation']);
export type ResolutionKind = z.infer<typeof ResolutionKind>;
/** Money changes hands: the amount must be given. */
export const AMOUNT_REQUIRED: readonly ResolutionKind[] = ['refund', 'compensation'];
/** Words only: an amount makes no sense. */
export const AMOUNT_NOT_ALLOWED: readonly ResolutionKind[] = ['explanation', 'apology'];

export const AmountTwd = typedNumber(z.number({ error: 'validation.number' }).int({ error: 'validation.integer' }).min(0, { error: 'validation.amountNegative' }).max(100_000_000, { error: 'validation.tooBig' }));
export const NewResolution = z
  .object({ complaintId: Id, kind: ResolutionKind, amountTwd: AmountTwd.nullable(), description: requiredText(2000), decidedAt: IsoTime })
  .strict();

export const CauseCategory = z.enum(['technique', 'device_product', 'patient_factors', 'communication', 'aftercare', 'management']);
export type CauseCategory = z.infer<typeof CauseCategory>;
export const RootCauseReview = z
  .object({
    complaintId: Id,
    whatHappened: requiredText(4000),
    causes: z.array(z.object({ category: CauseCategory, detail: requiredText(1000) }).strict()).min(1).max(12),
    actions: z.array(z.object({ action: requiredText(1000), ownerId: Id, dueDate: CalendarDate }).strict()).min(1).max(12),
  })
  .strict();
export type RootCauseReview = z.infer<typeof RootCauseReview>;

export const ComplaintStatus = z.enum(['open', 'closed']);

export const ComplaintSummary = z
  .object({
    id: Id,
    refNo: z.string(),
    patientId: Id.nullable(),
    patientName: z.string().nullable(),
    chartNo: z.string().nullable(),
    complainantName: z.string().nullable(),
    channel: ComplaintChannel,
    category: ComplaintCategory,
    severity: ComplaintSeverity,
    receivedAt: IsoTime,
    status: ComplaintStatus,
    ownerId: Id.nullable(),
    ownerName: z.string().nullable(),
    /** Bumped by every change of owner: what complaints.assign names (issue 14). */
    version: EditVersion,
    clocks: z.array(ClockView),
    /** The open clock that runs out first, for sorting by remaining time. */
    nextDueAt: IsoTime.nullable(),
  })
  .strict();
export type ComplaintSummary = z.infer<typeof ComplaintSummary>;

export const TimelineItem = z
  .object({
    id: Id,
    kind: z.enum([...EntryKind.options, 'received', 'assigned', 'medical_accident', 'records_request', 'resolution', 'review', 'closed']),
    occurredAt: IsoTime,
    summary: z.string(),
    staffName: z.string(),
    createdAt: IsoTime,
    attachment: z.object({ fileName: z.string(), mime: z.string(), size: z.number().int(), sha256: z.string() }).strict().nullable(),
    corrections: z.array(Correction),
    /** Only manual entries can be corrected (the others are corrected by a new record of their kind). */
    correctable: z.boolean(),
  })
  .strict();
export type TimelineItem = z.infer<typeof TimelineItem>;

export const Resolution = z
  .object({ id: Id, kind: ResolutionKind, amountTwd: z.number().int().nullable(), description: z.string(), decidedAt: IsoTime, staffName: z.string(), createdAt: IsoTime })
  .strict();
export const ReviewView = z
  .object({
    id: Id,
    whatHappened: z.string(),
    causes: z.array(z.object({ category: CauseCategory, detail: z.string() }).strict()),
    actions: z.array(z.object({ action: z.string(), ownerId: Id, ownerName: z.string(), dueDate: z.string() }).strict()),
    staffName: z.string(),
    createdAt: IsoTime,
  })
  .strict();

export const ComplaintDetail = ComplaintSummary.extend({
  consultationId: Id.nullable(),
  treatmentId: Id.nullable(),
  procedureName: z.string().nullable(),
  procedureNameEn: z.string().nullable(),
  patientSays: z.string(),
  patientWants: z.string(),
  createdByName: z.string(),
  timeline: z.array(TimelineItem),
  resolutions: z.array(Resolution),
  /** Every review saved; the last one is the current one (a review is never edited, only superseded). */
  reviews: z.array(ReviewView),
  medicalAccident: z.boolean(),
  recordsRequested: z.boolean(),
  closedAt: IsoTime.nullable(),
  closedByName: z.string().nullable(),
  closingSummary: z.string().nullable(),
}).strict();
export type ComplaintDetail = z.infer<typeof ComplaintDetail>;

export const ComplaintListFilter = z.object({ status: z.enum(['open', 'closed', 'all']).default('open'), limit: z.number().int().min(1).max(500).default(200) }).strict();

// ---------------------------------------------------------------------------------------------------------------
// Privacy incidents
// ---------------------------------------------------------------------------------------------------------------

export const PersonalDataKind = z.enum(['identity', 'contact', 'medical_record', 'photos', 'payment', 'other']);
export type PersonalDataKind = z.infer<typeof PersonalDataKind>;
export const NewIncident = z
  .object({
    whatHappened: requiredText(4000),
    /** People whose data was involved; null while not yet known. */
    peopleAffected: typedNumber(z.number({ error: 'validation.number' }).int({ error: 'validation.integer' }).min(0, { error: 'validation.tooSmall' }).max(10_000_000, { error: 'validation.tooBig' })).nullable(),
    dataKinds: z.array(PersonalDataKind).min(1).max(6),
    occurredAt: IsoTime.nullable(),
    /** The 72-hour clock starts here; never in the future. */
    discoveredAt: IsoTime,
    containment: text(2000),
  })
  .strict();

export const IncidentNotification = z
  .object({ incidentId: Id, notifiedAt: IsoTime, authority: requiredText(200), patientsNotified: z.boolean(), note: text(2000) })
  .strict();

export const IncidentView = z
  .object({
    id: Id,
    refNo: z.string(),
    whatHappened: z.string(),
    peopleAffected: z.number().int().nullable(),
    dataKinds: z.array(PersonalDataKind),
    occurredAt: IsoTime.nullable(),
    discoveredAt: IsoTime,
    containment: z.string(),
    reportedByName: z.string(),
    createdAt: IsoTime,
    clock: ClockView,
    notification: z
      .object({ notifiedAt: IsoTime, authority: z.string(), patientsNotified: z.boolean(), note: z.string(), recordedByName: z.string() })
      .strict()
      .nullable(),
    updates: z.array(z.object({ id: Id, text: z.string(), staffName: z.string(), createdAt: IsoTime }).strict()),
    status: ComplaintStatus,
    closedAt: IsoTime.nullable(),
    closedByName: z.string().nullable(),
    closingSummary: z.string().nullable(),
  })
  .strict();
export type IncidentView = z.infer<typeof IncidentView>;
