import { z } from 'zod';
import type { Channel } from './api';
import { GOV_CALENDAR_MAX_BYTES } from './gov-calendar';
import { ClockView } from './schemas/complaint';
import { Id, IsoTime, text } from './schemas/common';
import { PhotoComparison } from './schemas/photo';
import type { Role } from './schemas/staff';

const ALL_STAFF = ['admin', 'physician', 'consultant', 'nurse'] as const satisfies readonly Role[];
const ADMIN = ['admin'] as const satisfies readonly Role[];

export const PrintedDateEra = z.enum(['gregorian', 'roc']);
export type PrintedDateEra = z.infer<typeof PrintedDateEra>;

export const CalendarImportResult = z
  .object({
    from: z.string(),
    to: z.string(),
    rows: z.number().int(),
    added: z.number().int(),
    holidays: z.number().int(),
    workdays: z.number().int(),
    /** Dates already on the clinic calendar (entered by hand or imported before): left as they are. */
    kept: z.array(z.string()),
  })
  .strict();
export type CalendarImportResult = z.infer<typeof CalendarImportResult>;

/**
 * Photos compared by view, the government's office calendar, deadlines recomputed on it, and how printed forms
 * show dates (issue 12, items 6 and 8).
 */
export const intakeChannels = {
  /** The consultation's before photos beside the treatment's and follow-ups' after photos, by angle and area. */
  'photos.comparison': { input: z.object({ consultationId: Id }).strict(), output: PhotoComparison, access: ALL_STAFF },
  /** The 行政院人事行政總處 office calendar CSV (as text): its holidays and make-up working days are added. */
  'calendar.import': {
    input: z.object({ csv: z.string().min(1, { error: 'validation.required' }).max(GOV_CALENDAR_MAX_BYTES, { error: 'validation.tooLong' }) }).strict(),
    output: CalendarImportResult,
    access: ADMIN,
  },
  /**
   * A running complaint clock's deadline computed again on today's calendar (after an import, say). Deadlines are
   * fixed when a clock starts; only an administrator moves one, with a reason that is kept with the record.
   */
  'complaints.recomputeClock': {
    input: z.object({ complaintId: Id, kind: z.enum(['first_response', 'accident_explanation', 'records_copy']), reason: text(500).refine((s) => s.length > 0, { error: 'validation.required' }) }).strict(),
    output: ClockView.extend({ previousDueAt: IsoTime }).strict(),
    access: ADMIN,
  },
  'settings.printedDates': { input: z.object({}).strict(), output: z.object({ era: PrintedDateEra }).strict(), access: ALL_STAFF },
  'settings.setPrintedDates': { input: z.object({ era: PrintedDateEra }).strict(), output: z.object({ era: PrintedDateEra }).strict(), access: ADMIN },
} as const satisfies Record<string, Channel>;
