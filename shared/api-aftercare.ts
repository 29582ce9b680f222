import { z } from 'zod';
import type { Channel } from './api';
import {
  AftercarePhotoUpload,
  AttemptResult,
  CalendarDate,
  CorrectionInput,
  EscalationItem,
  FollowUpMethod,
  NewTreatment,
  OutcomeFields,
  Treatment,
  VisitDetail,
  VisitSummary,
  Worklist,
  WorklistScope,
} from './schemas/aftercare';
import { Ack, Empty, Id, IsoTime, text } from './schemas/common';
import {
  CalendarEntry,
  CalendarEntryView,
  ComplaintDetail,
  ComplaintListFilter,
  ComplaintSummary,
  IncidentNotification,
  IncidentView,
  NewComplaint,
  NewEntry,
  NewIncident,
  NewResolution,
  RootCauseReview,
} from './schemas/complaint';
import { HomeToday, TeamMember } from './schemas/home';
import type { Role } from './schemas/staff';

const ALL_STAFF = ['admin', 'physician', 'consultant', 'nurse'] as const satisfies readonly Role[];
const ADMIN = ['admin'] as const satisfies readonly Role[];
/** Those at the treatment: the physician, the nurses, and the administrator who keeps the records. */
const TREATING = ['physician', 'nurse', 'admin'] as const satisfies readonly Role[];
/** Those who call and see patients after the treatment. */
const CLINICAL = ['physician', 'consultant', 'nurse'] as const satisfies readonly Role[];

const requiredText = (max: number) => text(max).refine((s) => s.length > 0, { error: 'validation.required' });
const StatusFilter = z.object({ status: z.enum(['open', 'closed', 'all']).default('open'), limit: z.number().int().min(1).max(500).default(200) }).strict();

/** Treatment records, follow-up, complaints, privacy incidents, the clinic calendar and the Home worklist (issue 6). */
export const aftercareChannels = {
  'team.list': { input: Empty, output: z.array(TeamMember), access: ALL_STAFF },
  'calendar.list': { input: z.object({ from: CalendarDate, to: CalendarDate }).strict(), output: z.array(CalendarEntryView), access: ALL_STAFF },
  'calendar.add': { input: CalendarEntry, output: CalendarEntryView, access: ADMIN },
  'calendar.remove': { input: z.object({ date: CalendarDate }).strict(), output: Ack, access: ADMIN },

  /** Only on a fully signed, not withdrawn consent, by the consent's operating physician; creates the follow-up visits. */
  'treatments.record': { input: NewTreatment, output: Treatment, access: TREATING },
  'treatments.get': { input: z.object({ treatmentId: Id }).strict(), output: Treatment, access: ALL_STAFF },
  'treatments.forConsultation': { input: z.object({ consultationId: Id }).strict(), output: Treatment.nullable(), access: ALL_STAFF },
  'treatments.addPhoto': { input: AftercarePhotoUpload.extend({ treatmentId: Id }).strict(), output: Treatment, access: TREATING },
  'treatments.correct': { input: z.object({ treatmentId: Id, text: CorrectionInput }).strict(), output: Treatment, access: TREATING },

  'followUps.worklist': {
    input: z.object({ scope: WorklistScope, upcomingDays: z.number().int().min(1).max(60).default(14) }).strict(),
    output: Worklist,
    access: ALL_STAFF,
  },
  'followUps.forTreatment': { input: z.object({ treatmentId: Id }).strict(), output: z.array(VisitSummary), access: ALL_STAFF },
  'followUps.get': { input: z.object({ visitId: Id }).strict(), output: VisitDetail, access: ALL_STAFF },
  /** Every call or visit attempt; the third failed one in a row escalates to the operating physician. */
  'followUps.logAttempt': {
    input: z.object({ visitId: Id, at: IsoTime, method: FollowUpMethod, result: AttemptResult, note: text(1000) }).strict(),
    output: VisitDetail,
    access: CLINICAL,
  },
  /** Only on a visit that is due; red flags escalate at once. */
  'followUps.recordOutcome': { input: OutcomeFields.extend({ visitId: Id }).strict(), output: VisitDetail, access: CLINICAL },
  'followUps.correctOutcome': { input: z.object({ visitId: Id, text: CorrectionInput }).strict(), output: VisitDetail, access: CLINICAL },
  'followUps.addPhoto': { input: AftercarePhotoUpload.extend({ visitId: Id }).strict(), output: VisitDetail, access: CLINICAL },
  /** Staff take a visit of their role; the administrator assigns anyone of that role. */
  'followUps.assign': { input: z.object({ visitId: Id, staffId: Id }).strict(), output: VisitDetail, access: ALL_STAFF },
  'followUps.escalations': { input: z.object({ scope: WorklistScope }).strict(), output: z.array(EscalationItem), access: ALL_STAFF },
  'followUps.acknowledge': {
    input: z.object({ escalationId: Id, note: requiredText(2000) }).strict(),
    output: EscalationItem,
    access: ['physician', 'admin'] as const satisfies readonly Role[],
  },

  'complaints.intake': { input: NewComplaint, output: ComplaintDetail, access: ALL_STAFF },
  'complaints.list': { input: ComplaintListFilter, output: z.array(ComplaintSummary), access: ALL_STAFF },
  'complaints.get': { input: z.object({ complaintId: Id }).strict(), output: ComplaintDetail, access: ALL_STAFF },
  'complaints.assign': { input: z.object({ complaintId: Id, ownerId: Id }).strict(), output: ComplaintDetail, access: ADMIN },
  'complaints.addEntry': { input: NewEntry, output: ComplaintDetail, access: ALL_STAFF },
  'complaints.correctEntry': { input: z.object({ entryId: Id, text: CorrectionInput }).strict(), output: ComplaintDetail, access: ALL_STAFF },
  /** Starts the 5-working-day clock for explanation and care. */
  'complaints.recordAccident': {
    input: z.object({ complaintId: Id, occurredAt: IsoTime, summary: requiredText(4000) }).strict(),
    output: ComplaintDetail,
    access: ['physician', 'admin'] as const satisfies readonly Role[],
  },
  /** Starts the 7-working-day clock for copies of the patient's records. */
  'complaints.recordRecordsRequest': {
    input: z.object({ complaintId: Id, requestedAt: IsoTime, summary: requiredText(2000) }).strict(),
    output: ComplaintDetail,
    access: ALL_STAFF,
  },
  'complaints.addResolution': { input: NewResolution, output: ComplaintDetail, access: ADMIN },
  'complaints.saveReview': { input: RootCauseReview, output: ComplaintDetail, access: ADMIN },
  /** Only with a resolution and a root-cause review. */
  'complaints.close': { input: z.object({ complaintId: Id, summary: requiredText(2000) }).strict(), output: ComplaintDetail, access: ADMIN },
  'complaints.attachment': {
    input: z.object({ entryId: Id }).strict(),
    output: z.object({ fileName: z.string(), mime: z.string(), dataBase64: z.string() }).strict(),
    access: ALL_STAFF,
  },

  /** Anyone who finds a personal-data breach reports it; the administrator keeps the register. */
  'incidents.report': { input: NewIncident, output: IncidentView, access: ALL_STAFF },
  'incidents.list': { input: StatusFilter, output: z.array(IncidentView), access: ADMIN },
  'incidents.get': { input: z.object({ incidentId: Id }).strict(), output: IncidentView, access: ADMIN },
  'incidents.addUpdate': { input: z.object({ incidentId: Id, text: requiredText(2000) }).strict(), output: IncidentView, access: ADMIN },
  'incidents.recordNotification': { input: IncidentNotification, output: IncidentView, access: ADMIN },
  /** Closing without a recorded notification needs the reason none was due. */
  'incidents.close': {
    input: z.object({ incidentId: Id, summary: requiredText(2000), noNotificationReason: text(1000).optional() }).strict(),
    output: IncidentView,
    access: ADMIN,
  },

  'home.today': { input: Empty, output: HomeToday, access: ALL_STAFF },
} as const satisfies Record<string, Channel>;

export type AftercareChannel = keyof typeof aftercareChannels;
