import { z } from 'zod';
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
  })
  .strict();
export type AuditVerification = z.infer<typeof AuditVerification>;
