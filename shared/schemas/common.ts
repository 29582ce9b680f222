import { z } from 'zod';

/** Record identifiers are random UUIDs (v4) created by the main process. */
export const Id = z.uuid();
export type Id = z.infer<typeof Id>;

/** UTC ISO-8601 with milliseconds, as stored; shown in the clinic's time zone. */
export const IsoTime = z.iso.datetime({ precision: 3 });
export type IsoTime = z.infer<typeof IsoTime>;

/** Free text typed by staff: trimmed, capped, no control characters other than newlines and tabs. */
export function text(max: number) {
  return z
    .string()
    .max(max * 2, { error: 'validation.tooLong' })
    .trim()
    .max(max, { error: 'validation.tooLong' })
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), { error: 'validation.controlCharacters' });
}

/** Single-line required text (names, titles). */
export function requiredLine(max: number) {
  return text(max)
    .refine((s) => s.length > 0, { error: 'validation.required' })
    .refine((s) => !/[\r\n]/.test(s), { error: 'validation.singleLine' });
}

export const TimeZone = z
  .string()
  .max(64)
  .refine(
    (tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    },
    { error: 'validation.timeZone' },
  );

export const Locale = z.enum(['zh-TW', 'en']);
export type Locale = z.infer<typeof Locale>;

export const Empty = z.object({}).strict();
export const Ack = z.object({ ok: z.literal(true) }).strict();

/** Required free text: as `text`, and not empty. */
export const requiredText = (max: number) => text(max).refine((s) => s.length > 0, { error: 'validation.required' });

/** Open, closed or all records of a list (complaints, privacy incidents), newest first, at most `limit`. */
export const StatusFilter = z.object({ status: z.enum(['open', 'closed', 'all']).default('open'), limit: z.number().int().min(1).max(500).default(200) }).strict();

/** An absolute folder path (a dialog in Electron, typed in the browser host and the CLI). */
export const AbsoluteFolder = z
  .string()
  .max(1024, { error: 'validation.tooLong' })
  .refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p), { error: 'validation.absolutePath' })
  .refine((p) => !p.includes('\u0000'), { error: 'validation.invalidValue' });

/** An absolute folder path chosen by the person setting up (dialog in Electron, typed in the browser host). */
export const VaultFolder = z
  .string()
  .max(1024, { error: 'validation.tooLong' })
  .refine((p) => p.length > 0, { error: 'validation.required' })
  .refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p), { error: 'validation.absolutePath' })
  .refine((p) => !p.includes('\u0000'), { error: 'validation.invalidValue' });
