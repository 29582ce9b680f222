import { z } from 'zod';
import { Empty } from '../schemas/common';
import { ClinicSettingsUpdate, ClinicSettingsView, PrintedDateEra } from '../schemas/settings';
import { ADMIN, ALL_STAFF, type Channel } from './channel';

/** The settings channels: what each takes, returns and who may call it. */
export const settingsChannels = {
  'settings.get': { input: Empty, output: ClinicSettingsView, access: ALL_STAFF },
  'settings.update': { input: ClinicSettingsUpdate, output: ClinicSettingsView, access: ADMIN },
  'settings.printedDates': { input: z.object({}).strict(), output: z.object({ era: PrintedDateEra }).strict(), access: ALL_STAFF },
  'settings.setPrintedDates': { input: z.object({ era: PrintedDateEra }).strict(), output: z.object({ era: PrintedDateEra }).strict(), access: ADMIN },
} as const satisfies Record<string, Channel>;
