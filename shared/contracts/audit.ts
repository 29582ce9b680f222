import { z } from 'zod';
import { AuditCsv, AuditCsvRequest, AuditEvent, AuditListItem, AuditPage, AuditSearch, AuditVerification, TypedTextMatch, TypedTextSearch, VaultInfo } from '../schemas/audit';
import { Empty } from '../schemas/common';
import { ADMIN, type Channel } from './channel';

/** The audit channels: what each takes, returns and who may call it. */
export const auditChannels = {
  'audit.verify': { input: Empty, output: AuditVerification, access: ADMIN },
  'vault.info': { input: Empty, output: VaultInfo, access: ADMIN },
  'audit.recent': {
    input: z.object({ limit: z.number().int().min(1).max(500) }).strict(),
    output: z.array(AuditEvent),
    access: ADMIN,
  },
  /** The events that hold this text's keyed hash (searched for, or typed as a reason or file name), newest first. */
  'audit.findTypedText': { input: TypedTextSearch, output: z.array(TypedTextMatch), access: ADMIN },
  /** The trail filtered by patient, staff member, action and clinic days, newest first, a page at a time. */
  'audit.search': { input: AuditSearch, output: AuditPage, access: ADMIN },
  /** One event in full, with every patient it names. */
  'audit.event': { input: z.object({ seq: z.number().int().positive() }).strict(), output: AuditListItem, access: ADMIN },
  /** The filtered trail as CSV (UTF-8 with BOM, for Excel); the export is itself recorded. */
  'audit.exportCsv': { input: AuditCsvRequest, output: AuditCsv, access: ADMIN },
  /** Every action the trail holds, for the filter. */
  'audit.actions': { input: z.object({}).strict(), output: z.array(z.string()), access: ADMIN },
} as const satisfies Record<string, Channel>;
