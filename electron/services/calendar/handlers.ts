import type { calendarChannels } from '../../../shared/contracts/calendar';
import type { HandlersFor } from '../handler';
import * as calendar from './calendar';

/** The calendar channels' handlers; spread into the one handler map, which checks it is complete. */
export const calendarHandlers: HandlersFor<typeof calendarChannels> = {
  'calendar.list': calendar.listCalendar,
  'calendar.add': calendar.addCalendarDay,
  'calendar.remove': calendar.removeCalendarDay,
  'calendar.import': calendar.importGovCalendar,
};
