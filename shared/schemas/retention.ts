import { z } from 'zod';
import { Id, IsoTime, text } from './common';
import { Password } from './staff';

/** YYYY-MM-DD in the clinic's calendar. */
const CalendarDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** What the last entry of a patient's records was (the retention clock runs from it). */
export const LastEntryKind = z.enum(['registration', 'consultation', 'consent', 'treatment', 'follow_up', 'communication', 'complaint']);
export type LastEntryKind = z.infer<typeof LastEntryKind>;

/** Which rule set the date: seven years after the last entry, or seven years after an under-age patient turns 18. */
export const RetentionBasis = z.enum(['last_entry', 'adulthood']);
export type RetentionBasis = z.infer<typeof RetentionBasis>;

/** A legal hold: placed by an administrator with a reason, or implied by an open complaint or privacy incident. */
export const HoldView = z
  .object({
    kind: z.enum(['admin', 'complaint', 'privacy_incident']),
    /** The admin hold's id, the complaint's or the incident's. */
    id: Id,
    refNo: z.string().nullable(),
    reason: z.string().nullable(),
    since: IsoTime,
    placedByName: z.string().nullable(),
  })
  .strict();
export type HoldView = z.infer<typeof HoldView>;

export const ProposalStatus = z.enum(['pending', 'approved', 'withdrawn']);

export const ProposalView = z
  .object({
    id: Id,
    patientId: Id,
    chartNo: z.string(),
    nameZh: z.string(),
    retentionDate: CalendarDay,
    proposedAt: IsoTime,
    proposedById: Id,
    proposedByName: z.string(),
    status: ProposalStatus,
    /** Holds standing now: a held patient's proposal cannot be approved. */
    holds: z.array(HoldView),
  })
  .strict();
export type ProposalView = z.infer<typeof ProposalView>;

/** One destroyed document or file: what it was and the SHA-256 of the bytes that were destroyed. */
export const DestroyedDocument = z
  .object({ kind: z.string(), recordId: z.string(), parentId: z.string().nullable(), sha256: z.string(), bytes: z.number().int().nullable() })
  .strict();

/** The tombstone and the destruction log entry of one destroyed patient's records. */
export const DestructionRecord = z
  .object({
    proposalId: Id,
    patientId: Id,
    chartNo: z.string(),
    destroyedAt: IsoTime,
    proposedById: Id,
    proposedByName: z.string(),
    approvedById: Id,
    approvedByName: z.string(),
    method: z.string(),
    place: z.object({ clinic: z.string(), vaultId: z.string(), machine: z.string() }).strict(),
    /** How many records of each kind were destroyed. */
    counts: z.record(z.string(), z.number().int()),
    documents: z.array(DestroyedDocument),
    /** Audit events that name the patient: kept, because the chain cannot lose a link. */
    auditEventsKept: z.number().int(),
    /** Of those, events written before typed text was hashed (search terms, reasons) that may still hold it. */
    auditEventsWithTypedText: z.number().int(),
    /** The log entry is kept at least until this day (five years); it is in fact never deleted. */
    keepUntil: CalendarDay,
  })
  .strict();
export type DestructionRecord = z.infer<typeof DestructionRecord>;

export const PatientRetention = z
  .object({
    patientId: Id,
    chartNo: z.string(),
    today: CalendarDay,
    /** Null once destroyed. */
    lastEntry: z.object({ kind: LastEntryKind, at: IsoTime, date: CalendarDay }).strict().nullable(),
    /** The day the patient turns 18 (null once destroyed). */
    adulthoodDate: CalendarDay.nullable(),
    /** The first day the records may be destroyed (null once destroyed). */
    retentionDate: CalendarDay.nullable(),
    basis: RetentionBasis.nullable(),
    status: z.enum(['retained', 'past_retention', 'held', 'proposed', 'destroyed']),
    holds: z.array(HoldView),
    proposal: ProposalView.nullable(),
    destruction: DestructionRecord.nullable(),
  })
  .strict();
export type PatientRetention = z.infer<typeof PatientRetention>;

/** A patient whose retention date has passed (held or not). */
export const RetentionDueItem = z
  .object({
    patientId: Id,
    chartNo: z.string(),
    nameZh: z.string(),
    lastEntryKind: LastEntryKind,
    lastEntryDate: CalendarDay,
    retentionDate: CalendarDay,
    basis: RetentionBasis,
    holds: z.array(HoldView),
    pendingProposalId: Id.nullable(),
  })
  .strict();
export type RetentionDueItem = z.infer<typeof RetentionDueItem>;

export const RetentionOverview = z
  .object({
    today: CalendarDay,
    due: z.array(RetentionDueItem),
    /** More patients are past retention than the list shows. */
    dueTruncated: z.boolean(),
    proposals: z.array(ProposalView),
    /** Open privacy incidents hold every patient's records (the register names no patients). */
    clinicHolds: z.array(HoldView),
    recentDestructions: z.array(DestructionRecord),
  })
  .strict();
export type RetentionOverview = z.infer<typeof RetentionOverview>;

const Reason = text(1000).refine((s) => s.length > 0, { error: 'validation.required' });

export const PlaceHoldInput = z.object({ patientId: Id, reason: Reason }).strict();
export const ReleaseHoldInput = z.object({ holdId: Id, reason: Reason }).strict();
export const ProposeInput = z.object({ patientIds: z.array(Id).min(1).max(100) }).strict();
export const WithdrawProposalInput = z.object({ proposalId: Id, reason: Reason }).strict();
/** The second administrator, signed in, confirms with their own password. */
export const ConfirmDestructionInput = z.object({ proposalIds: z.array(Id).min(1).max(50), password: Password }).strict();

export const DestructionOutcome = z
  .object({
    destructions: z.array(DestructionRecord),
    /** The time of the destruction: backups taken before it still hold the data until rotation removes them. */
    destroyedAt: IsoTime,
  })
  .strict();
