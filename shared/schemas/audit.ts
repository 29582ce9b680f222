import { z } from 'zod';
import { CalendarDate } from './aftercare';
import { CheckpointCheck } from './checkpoint';
import { Id, IsoTime, Locale } from './common';
import { Role } from './staff';

/** One link of the append-only, hash-chained audit trail. */
export const AuditEvent = z
  .object({
    seq: z.number().int().positive(),
    at: IsoTime,
    actorId: Id.nullable(),
    actorName: z.string().nullable(),
    actorRole: Role.nullable(),
    action: z.string(),
    subjectType: z.string().nullable(),
    subjectId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    /** The seat (device) the event came from; absent or null in events before seats (hash format 1). */
    seat: z.object({ deviceId: z.string().max(200), name: z.string().max(200) }).strict().nullable().optional(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .strict();
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditVerification = z
  .object({
    ok: z.boolean(),
    checked: z.number().int(),
    headSeq: z.number().int().nullable(),
    headHash: z.string().nullable(),
    firstBreak: z.object({ seq: z.number().int(), reason: z.enum(['hash_mismatch', 'prev_hash_mismatch', 'sequence_gap']) }).strict().nullable(),
    /** Consent events of the chain checked against the rows they name; each one whose row is gone or differs. */
    records: z
      .object({
        checked: z.number().int(),
        /** Of those, events whose consent an approved destruction removed: checked against its tombstone's hashes, not missing. */
        destroyed: z.number().int(),
        problems: z.array(
          z
            .object({
              seq: z.number().int(),
              action: z.string(),
              consentId: z.string(),
              problem: z.enum(['consent_missing', 'document_differs', 'signature_missing', 'final_differs', 'withdrawal_missing']),
            })
            .strict(),
        ),
      })
      .strict(),
    /** The chain against the newest checkpoint it signed (a cut end is found here). */
    checkpoint: CheckpointCheck,
  })
  .strict();
export type AuditVerification = z.infer<typeof AuditVerification>;

/** "Who searched for or typed this?": the text as someone would type it (an ID, a phone number, a name). */
export const TypedTextSearch = z
  .object({
    text: z
      .string()
      .max(200, { error: 'validation.tooLong' })
      .trim()
      .refine((s) => s.length > 0, { error: 'validation.required' }),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type TypedTextSearch = z.infer<typeof TypedTextSearch>;

/** One event that holds the text's keyed hash, and the details field that holds it (`queryHash`, `reasonHash`, …). */
export const TypedTextMatch = z.object({ field: z.string(), event: AuditEvent }).strict();
export type TypedTextMatch = z.infer<typeof TypedTextMatch>;

/** What `consentvault info` and the audit screen show about the vault itself. */
export const VaultInfo = z
  .object({
    vaultPath: z.string(),
    schemaVersion: z.number().int(),
    appSchemaVersion: z.number().int(),
    activeStaffByRole: z.record(z.string(), z.number().int()),
    auditEvents: z.number().int(),
    chainHead: z.object({ seq: z.number().int(), hash: z.string() }).strict().nullable(),
    signingKeyFingerprint: z.string().nullable(),
  })
  .strict();
export type VaultInfo = z.infer<typeof VaultInfo>;

// ---------------------------------------------------------------------------------------------------------------
// "Who looked at this patient?" (電子病歷製作及管理辦法 Art 13): the whole trail, filtered and paged
// ---------------------------------------------------------------------------------------------------------------

const AuditAction = z.string().max(80).regex(/^[a-z_]+(\.[a-z_]+)+$/, { error: 'validation.invalidFormat' });

/** Actions that show someone a record without changing it (opened, searched, listed, printed, exported). */
const ACCESS_ACTIONS = new Set(['consent.printed', 'consent.saved', 'consent.patient_copy', 'evidence.export_started', 'evidence.exported', 'audit.exported']);
export function isAccessAction(action: string): boolean {
  return /(viewed|searched|listed)$/.test(action) || ACCESS_ACTIONS.has(action);
}

const filterShape = {
  /** Events that name this patient: as their subject, through their consultation, consent, treatment, visit or complaint, or in a search result. */
  patientId: Id.optional(),
  actorId: Id.optional(),
  action: AuditAction.optional(),
  /** Only events that showed someone a record (opened, searched, listed, printed, exported). */
  viewsOnly: z.boolean().default(false),
  /** Clinic calendar days, both included. */
  from: CalendarDate.optional(),
  to: CalendarDate.optional(),
};
const rangeInOrder = (f: { from?: string | undefined; to?: string | undefined }) => !f.from || !f.to || f.from <= f.to;
const rangeIssue = { error: 'validation.dateRangeOrder', path: ['to'] };

export const AuditFilter = z.object(filterShape).strict().refine(rangeInOrder, rangeIssue);
export type AuditFilter = z.infer<typeof AuditFilter>;

export const AuditSearch = z
  .object({
    ...filterShape,
    /** The page after this one ends before this sequence number (newest first). */
    before: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict()
  .refine(rangeInOrder, rangeIssue);
export type AuditSearch = z.infer<typeof AuditSearch>;

export const AuditPatientRef = z.object({ id: Id, name: z.string(), chartNo: z.string() }).strict();
export type AuditPatientRef = z.infer<typeof AuditPatientRef>;

/** An event with the patients it names (the first few; `patientCount` says how many in all). */
export const AuditListItem = z.object({ event: AuditEvent, patients: z.array(AuditPatientRef), patientCount: z.number().int() }).strict();
export type AuditListItem = z.infer<typeof AuditListItem>;

export const AuditPage = z
  .object({
    items: z.array(AuditListItem),
    /** Pass as `before` for the next (older) page; null on the last page. */
    nextBefore: z.number().int().nullable(),
    /** Events matching the filter in all. */
    total: z.number().int(),
  })
  .strict();
export type AuditPage = z.infer<typeof AuditPage>;

/** The CSV's action labels in this language (the codes are always there too). */
export const AuditCsvRequest = z.object({ ...filterShape, lang: Locale.default('zh-TW') }).strict().refine(rangeInOrder, rangeIssue);

export const AuditCsv = z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int(), truncated: z.boolean() }).strict();
export type AuditCsv = z.infer<typeof AuditCsv>;

/** The most rows one CSV export carries (the filter narrows it; the answer says when it was cut). */
export const AUDIT_CSV_MAX_ROWS = 50_000;
