import { z } from 'zod';
import { CheckpointCheck } from './checkpoint';
import { Id, IsoTime, TimeZone } from './common';
import { Role } from './staff';

export const SessionStaff = z
  .object({ id: Id, name: z.string(), loginId: z.string(), role: Role, licenceNo: z.string().nullable(), specialty: z.string().nullable() })
  .strict();
export type SessionStaff = z.infer<typeof SessionStaff>;

export const SessionInfo = z
  .object({
    staff: SessionStaff,
    signedInAt: IsoTime,
    locked: z.boolean(),
    /** The password was set by an administrator: until this person chooses their own, nothing else answers. */
    passwordChangeRequired: z.boolean(),
    idleLockMinutes: z.number().int(),
    clinicName: z.string(),
    timeZone: TimeZone,
    /** For administrators: the audit chain was found cut or rewritten against its checkpoint at sign-in. */
    chainAlert: CheckpointCheck.nullable(),
  })
  .strict();
export type SessionInfo = z.infer<typeof SessionInfo>;

export const AppStatus = z
  .object({
    setupRequired: z.boolean(),
    vaultPath: z.string().nullable(),
    session: SessionInfo.nullable(),
    canChooseFolder: z.boolean(),
    defaultVaultPath: z.string(),
    /** The vault folder (configured, or the default one) holds an interrupted set-up that can be cleared. */
    abandonedSetup: z.boolean(),
    /** Where this call came from: the desk, or a paired device of the clinic server (a tablet shows only signing). */
    seat: z.object({ kind: z.enum(['desk', 'cli', 'desktop', 'tablet', 'browser']), name: z.string() }).strict().optional(),
    /** This desktop is a seat of a clinic server (set up with "Connect to the clinic's server"). */
    connectedTo: z.object({ origin: z.string(), deviceName: z.string(), certificateSha256: z.string().nullable() }).strict().nullable().optional(),
  })
  .strict();
export type AppStatus = z.infer<typeof AppStatus>;

export const RECOVERY_CODE_PATTERN = /^[A-Z2-9]{5}(-[A-Z2-9]{5}){7}$/;
export const RecoveryCode = z
  .string()
  .max(80, { error: 'validation.tooLong' })
  .transform((s) => s.trim().toUpperCase().replace(/\s+/g, ''))
  .refine((s) => RECOVERY_CODE_PATTERN.test(s), { error: 'validation.recoveryCodeFormat' });
