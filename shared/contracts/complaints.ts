import { z } from 'zod';
import {
    CorrectionInput
} from '../schemas/aftercare';
import { Id, IsoTime, requiredText, text } from '../schemas/common';
import { EditVersion } from '../schemas/edit-version';
import {
    ClockView,
    ComplaintDetail,
    ComplaintListFilter,
    ComplaintSummary,
    NewComplaint,
    NewEntry,
    NewResolution,
    RootCauseReview
} from '../schemas/complaint';
import { type Role } from '../schemas/staff';
import { ADMIN, ALL_STAFF, type Channel } from './channel';

/** The complaints channels: what each takes, returns and who may call it. */
export const complaintsChannels = {
  'complaints.intake': { input: NewComplaint, output: ComplaintDetail, access: ALL_STAFF },
  'complaints.list': { input: ComplaintListFilter, output: z.array(ComplaintSummary), access: ALL_STAFF },
  'complaints.get': { input: z.object({ complaintId: Id }).strict(), output: ComplaintDetail, access: ALL_STAFF },
  /** `expectedVersion`: the complaint's version when the owner was chosen; another seat's change of owner since is refused. */
  'complaints.assign': { input: z.object({ complaintId: Id, expectedVersion: EditVersion, ownerId: Id }).strict(), output: ComplaintDetail, access: ADMIN },
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
  /**
   * A running complaint clock's deadline computed again on today's calendar (after an import, say). Deadlines are
   * fixed when a clock starts; only an administrator moves one, with a reason that is kept with the record.
   */
  'complaints.recomputeClock': {
    input: z.object({ complaintId: Id, kind: z.enum(['first_response', 'accident_explanation', 'records_copy']), reason: text(500).refine((s) => s.length > 0, { error: 'validation.required' }) }).strict(),
    output: ClockView.extend({ previousDueAt: IsoTime }).strict(),
    access: ADMIN,
  },
} as const satisfies Record<string, Channel>;
