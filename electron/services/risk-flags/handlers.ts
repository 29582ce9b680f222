import type { riskFlagsChannels } from '../../../shared/contracts/risk-flags';
import type { HandlersFor } from '../handler';
import * as riskFlags from './risk-flags';

/** The risk-flags channels' handlers; spread into the one handler map, which checks it is complete. */
export const riskFlagsHandlers: HandlersFor<typeof riskFlagsChannels> = {
  'riskFlags.forConsultation': riskFlags.flagsForConsultation,
  'riskFlags.forPatient': riskFlags.flagsForPatient,
  'riskFlags.assess': riskFlags.assessFlags,
};
