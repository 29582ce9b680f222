import { z } from 'zod';
import { IsoTime } from './common';

/** Where the key file goes: an absolute path on the computer that keeps the vault (typed, or from a save dialog). */
export const KeyFilePath = z
  .string()
  .max(1024, { error: 'validation.tooLong' })
  .refine((p) => p.length > 0, { error: 'validation.required' })
  .refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p), { error: 'validation.absolutePath' })
  .refine((p) => !p.includes('\u0000'), { error: 'validation.invalidValue' });

/** The unattended-start key as Settings › Seats shows it (its secret is only ever in the key file). */
export const UnattendedKeyStatus = z
  .object({
    active: z.boolean(),
    keyId: z.string().nullable(),
    createdAt: IsoTime.nullable(),
    createdByName: z.string().nullable(),
    /** The administrator who made it is still an active administrator (else the next opening of the vault removes it). */
    creatorActive: z.boolean().nullable(),
  })
  .strict();
export type UnattendedKeyStatus = z.infer<typeof UnattendedKeyStatus>;

export const UnattendedKeyCreated = z
  .object({
    keyId: z.string(),
    /** The key file as written (its folder resolved through links). */
    keyFile: z.string(),
    createdAt: IsoTime,
    /** The key it replaced, which no longer works. */
    replacedKeyId: z.string().nullable(),
  })
  .strict();
export type UnattendedKeyCreated = z.infer<typeof UnattendedKeyCreated>;
