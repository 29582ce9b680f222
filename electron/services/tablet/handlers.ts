import type { tabletChannels } from '../../../shared/contracts/tablet';
import type { HandlersFor } from '../handler';
import * as tablet from './tablet';

/** The tablet channels' handlers; spread into the one handler map, which checks it is complete. */
export const tabletHandlers: HandlersFor<typeof tabletChannels> = {
  'tablet.assignment': (ctx) => tablet.assignment(ctx),
  'tablet.online': (ctx) => tablet.online(ctx),
  'tablet.send': tablet.send,
  'tablet.takeBack': tablet.takeBack,
};
