import { z } from 'zod';
import { GOV_CALENDAR_MAX_BYTES } from '../gov-calendar';
import {
    CalendarDate,
    CalendarImportResult
} from '../schemas/aftercare';
import { Ack } from '../schemas/common';
import {
    CalendarEntry,
    CalendarEntryView
} from '../schemas/complaint';
import { ADMIN, ALL_STAFF, type Channel } from './channel';

/** The calendar channels: what each takes, returns and who may call it. */
export const calendarChannels = {
  'calendar.list': { input: z.object({ from: CalendarDate, to: CalendarDate }).strict(), output: z.array(CalendarEntryView), access: ALL_STAFF },
  'calendar.add': { input: CalendarEntry, output: CalendarEntryView, access: ADMIN },
  'calendar.remove': { input: z.object({ date: CalendarDate }).strict(), output: Ack, access: ADMIN },
  /** The 行政院人事行政總處 office calendar CSV (as text): its holidays and make-up working days are added. */
  'calendar.import': {
    input: z.object({ csv: z.string().min(1, { error: 'validation.required' }).max(GOV_CALENDAR_MAX_BYTES, { error: 'validation.tooLong' }) }).strict(),
    output: CalendarImportResult,
    access: ADMIN,
  },
} as const satisfies Record<string, Channel>;
