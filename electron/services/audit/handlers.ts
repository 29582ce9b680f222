import type { auditChannels } from '../../../shared/contracts/audit';
import type { HandlersFor } from '../handler';
import * as audit from './audit';

/** The audit channels' handlers; spread into the one handler map, which checks it is complete. */
export const auditHandlers: HandlersFor<typeof auditChannels> = {
  'audit.verify': (ctx) => audit.verifyAudit(ctx),
  'vault.info': (ctx) => audit.vaultInfo(ctx),
  'audit.recent': audit.recentAudit,
  'audit.findTypedText': audit.findTypedText,
  'audit.search': audit.searchAudit,
  'audit.event': audit.auditEvent,
  'audit.exportCsv': audit.exportAuditCsv,
  'audit.actions': (ctx) => audit.auditActions(ctx),
};
