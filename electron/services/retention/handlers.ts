import type { retentionChannels } from '../../../shared/contracts/retention';
import type { HandlersFor } from '../handler';
import { confirmDestruction } from './destruction';
import * as retention from './retention';

/** The retention channels' handlers; spread into the one handler map, which checks it is complete. */
export const retentionHandlers: HandlersFor<typeof retentionChannels> = {
  'retention.forPatient': retention.forPatient,
  'retention.overview': (ctx) => retention.overview(ctx),
  'retention.placeHold': retention.placeHold,
  'retention.releaseHold': retention.releaseHold,
  'retention.propose': retention.propose,
  'retention.withdrawProposal': retention.withdrawProposal,
  'retention.confirmDestruction': confirmDestruction,
  'retention.log': retention.destructionLog,
};
