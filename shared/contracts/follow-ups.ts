import { z } from 'zod';
import {
    AftercarePhotoUpload,
    AttemptResult,
    CorrectionInput,
    EscalationItem,
    FollowUpMethod,
    OutcomeFields,
    QualityFigures, QualityFiguresInput,
    VisitDetail,
    VisitSummary,
    Worklist,
    WorklistScope
} from '../schemas/aftercare';
import { Id, IsoTime, requiredText, text } from '../schemas/common';
import { EditVersion } from '../schemas/edit-version';
import { type Role } from '../schemas/staff';
import { ALL_STAFF, type Channel, CLINICAL } from './channel';

/** The follow-ups channels: what each takes, returns and who may call it. */
export const followUpsChannels = {
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
  'followUps.recordOutcome': { input: OutcomeFields.extend({ visitId: Id, expectedVersion: EditVersion }).strict(), output: VisitDetail, access: CLINICAL },
  'followUps.correctOutcome': { input: z.object({ visitId: Id, text: CorrectionInput }).strict(), output: VisitDetail, access: CLINICAL },
  'followUps.addPhoto': { input: AftercarePhotoUpload.extend({ visitId: Id }).strict(), output: VisitDetail, access: CLINICAL },
  /** Staff take a visit of their role; the administrator assigns anyone of that role. */
  'followUps.assign': { input: z.object({ visitId: Id, expectedVersion: EditVersion, staffId: Id }).strict(), output: VisitDetail, access: ALL_STAFF },
  'followUps.escalations': { input: z.object({ scope: WorklistScope }).strict(), output: z.array(EscalationItem), access: ALL_STAFF },
  'followUps.acknowledge': {
    input: z.object({ escalationId: Id, note: requiredText(2000) }).strict(),
    output: EscalationItem,
    access: ['physician', 'admin'] as const satisfies readonly Role[],
  },
  /** Outcomes per procedure over a period; the old form's pre-filled outcomes counted and flagged, or left out. */
  'followUps.qualityFigures': { input: QualityFiguresInput, output: QualityFigures, access: ['physician', 'admin'] as const satisfies readonly Role[] },
} as const satisfies Record<string, Channel>;
