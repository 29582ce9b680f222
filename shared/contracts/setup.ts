import { z } from 'zod';
import { RestoreResult } from '../schemas/backup';
import { Empty, Locale, TimeZone, VaultFolder } from '../schemas/common';
import { AppStatus, RecoveryCode } from '../schemas/session';
import { ClinicName } from '../schemas/settings';
import { LoginId, NewPassword, Password, StaffName } from '../schemas/staff';
import { PairingCode } from '../schemas/seats';
import { type Channel } from './channel';

/** The setup channels: what each takes, returns and who may call it. */
export const setupChannels = {
  'app.status': { input: Empty, output: AppStatus, access: 'public', whileLocked: true },
  /**
   * "Connect to the clinic's server" at first start (desktop app): pairs this computer with the server at
   * `address` using an administrator's one-time code, pins its certificate, and from then on every call goes there.
   */
  'setup.connectToServer': {
    input: z
      .object({
        address: z
          .string()
          .max(300, { error: 'validation.tooLong' })
          .refine((a) => /^https?:\/\/[^\s/]+(:\d+)?\/?$/.test(a.trim()), { error: 'seats.errors.addressFormat' }),
        code: PairingCode,
      })
      .strict(),
    output: z.object({ deviceName: z.string(), certificateSha256: z.string().nullable() }).strict(),
    access: 'public',
  },
  'setup.chooseVaultFolder': {
    input: Empty,
    output: z.object({ path: z.string().nullable() }).strict(),
    access: 'public',
  },
  'setup.createVault': {
    input: z
      .object({
        clinicName: ClinicName,
        timeZone: TimeZone,
        vaultDir: VaultFolder,
        adminName: StaffName,
        /** Default: the name. */
        adminLoginId: LoginId.optional(),
        adminPassword: NewPassword,
        locale: Locale.optional(),
      })
      .strict(),
    output: z.object({ recoveryCode: z.string(), vaultPath: z.string() }).strict(),
    access: 'public',
  },
  /** Removes an interrupted set-up's files (ours only, never a complete vault) so set-up can run again. */
  'setup.clearAbandoned': {
    input: z.object({ vaultDir: VaultFolder }).strict(),
    output: z.object({ removed: z.array(z.string()) }).strict(),
    access: 'public',
  },
  /**
   * Restores a backup into a new folder (issue 11): every hash in its manifest is checked first, then a staff
   * password or the recovery code from the backup's key slots opens it. Never into a folder holding a vault.
   */
  'setup.restoreBackup': {
    input: z
      .object({
        backupDir: VaultFolder,
        vaultDir: VaultFolder,
        credential: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('password'), loginId: LoginId, password: Password }).strict(),
          z.object({ kind: z.literal('recovery_code'), recoveryCode: RecoveryCode }).strict(),
        ]),
      })
      .strict(),
    output: RestoreResult,
    access: 'public',
  },
} as const satisfies Record<string, Channel>;
