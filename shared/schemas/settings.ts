import { z } from 'zod';
import { requiredLine, TimeZone } from './common';
import { EditVersion } from './edit-version';
import { BatesPrefix } from './evidence';

export const IDLE_LOCK_MIN = 1;
export const IDLE_LOCK_MAX = 120;
export const DEFAULT_IDLE_LOCK_MINUTES = 10;
export const DEFAULT_TIME_ZONE = 'Asia/Taipei';

export const ClinicName = requiredLine(120);
export const IdleLockMinutes = z
  .number({ error: 'validation.number' })
  .int({ error: 'validation.integer' })
  .min(IDLE_LOCK_MIN, { error: 'validation.tooSmall' })
  .max(IDLE_LOCK_MAX, { error: 'validation.tooBig' });

export const ClinicSettings = z
  .object({ clinicName: z.string(), timeZone: TimeZone, idleLockMinutes: z.number().int(), batesPrefix: z.string() })
  .strict();
export type ClinicSettings = z.infer<typeof ClinicSettings>;

/** The settings as the Settings screen loads them, with the edit version its save names (issue 14). */
export const ClinicSettingsView = ClinicSettings.extend({ version: EditVersion }).strict();
export type ClinicSettingsView = z.infer<typeof ClinicSettingsView>;

export const ClinicSettingsUpdate = z
  .object({
    /** The version the screen loaded: refused as edited elsewhere when another seat saved since. */
    expectedVersion: EditVersion,
    clinicName: ClinicName.optional(),
    timeZone: TimeZone.optional(),
    idleLockMinutes: IdleLockMinutes.optional(),
    /** Prefix of the Bates numbers on evidence PDFs (issue 5). */
    batesPrefix: BatesPrefix.optional(),
  })
  .strict();
export type ClinicSettingsUpdate = z.infer<typeof ClinicSettingsUpdate>;

/** How printed forms write dates: Gregorian or the Republic of China (民國) year. */
export const PrintedDateEra = z.enum(['gregorian', 'roc']);
export type PrintedDateEra = z.infer<typeof PrintedDateEra>;
