import type { homeChannels } from '../../../shared/contracts/home';
import type { HandlersFor } from '../handler';
import * as home from './home';

/** The home channels' handlers; spread into the one handler map, which checks it is complete. */
export const homeHandlers: HandlersFor<typeof homeChannels> = {
  'team.list': (ctx) => home.teamList(ctx),
  'home.today': (ctx) => home.homeToday(ctx),
};
