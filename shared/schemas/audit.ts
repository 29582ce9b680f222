import { z } from 'zod';
import { CheckpointCheck } from './checkpoint';
import { Id, IsoTime } from './common';
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
