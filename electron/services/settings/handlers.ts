import type { settingsChannels } from '../../../shared/contracts/settings';
import type { ServiceContext } from '../context';
import type { HandlersFor } from '../handler';
import * as settings from './settings';

/** The settings channels' handlers; spread into the one handler map, which checks it is complete. */
export const settingsHandlers: HandlersFor<typeof settingsChannels> = {
  'settings.get': (ctx) => settings.getSettings(ctx),
  'settings.update': settings.updateSettings,
  'settings.printedDates': (ctx: ServiceContext) => settings.printedDates(ctx),
  'settings.setPrintedDates': settings.setPrintedDates,
};
