import type { followUpsChannels } from '../../../shared/contracts/follow-ups';
import type { HandlersFor } from '../handler';
import * as followUps from './follow-ups';
import { qualityFigures } from './follow-ups';

/** The follow-ups channels' handlers; spread into the one handler map, which checks it is complete. */
export const followUpsHandlers: HandlersFor<typeof followUpsChannels> = {
  'followUps.worklist': followUps.worklist,
  'followUps.forTreatment': followUps.visitsForTreatment,
  'followUps.get': followUps.getVisit,
  'followUps.logAttempt': followUps.logAttempt,
  'followUps.recordOutcome': followUps.recordOutcome,
  'followUps.correctOutcome': followUps.correctOutcome,
  'followUps.addPhoto': followUps.addVisitPhoto,
  'followUps.assign': followUps.assignVisit,
  'followUps.escalations': followUps.listEscalations,
  'followUps.acknowledge': followUps.acknowledgeEscalation,
  'followUps.qualityFigures': qualityFigures,
};
