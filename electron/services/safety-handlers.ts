import type { SafetyChannel } from '../../shared/api-safety';
import type { Handler } from '../handlers';
import * as audit from './audit';
import { qualityFigures } from './aftercare/follow-ups';
import { handBack } from './hand-back';
import * as riskFlags from './risk-flags';

/** The clinic-safety channels' handlers (issue 12); spread into the one handler map (which checks it is complete). */
export const safetyHandlers: { [C in SafetyChannel]: Handler<C> } = {
  'followUps.qualityFigures': qualityFigures,
  'riskFlags.forConsultation': riskFlags.flagsForConsultation,
  'riskFlags.forPatient': riskFlags.flagsForPatient,
  'riskFlags.assess': riskFlags.assessFlags,
  'session.handBack': handBack,
  'audit.search': audit.searchAudit,
  'audit.event': audit.auditEvent,
  'audit.exportCsv': audit.exportAuditCsv,
  'audit.actions': (ctx) => audit.auditActions(ctx),
};
