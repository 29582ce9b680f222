import type { communicationsChannels } from '../../../shared/contracts/communications';
import type { HandlersFor } from '../handler';
import * as communications from './communications';

/** The communications channels' handlers; spread into the one handler map, which checks it is complete. */
export const communicationsHandlers: HandlersFor<typeof communicationsChannels> = {
  'communications.list': communications.listCommunications,
  'communications.log': communications.logCommunication,
  'communications.correct': communications.correctCommunication,
  'communications.attachment': communications.communicationAttachment,
};
