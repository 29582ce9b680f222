import { z } from 'zod';
import type { Channel } from './api';
import { BackupOverview, BackupSettings, BackupSettingsUpdate } from './schemas/backup';
import { Empty } from './schemas/common';
import { JobRef } from './schemas/jobs';
import type { Role } from './schemas/staff';

const ADMIN = ['admin'] as const satisfies readonly Role[];

/** An absolute folder path (a dialog in Electron, typed in the browser host and the CLI). */
const Folder = z
  .string()
  .max(1024, { error: 'validation.tooLong' })
  .refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p), { error: 'validation.absolutePath' })
  .refine((p) => !p.includes('\u0000'), { error: 'validation.invalidValue' });

/**
 * Backups (issue 11), administrators only. `backups.start` runs the copy in the job runner and answers at once with
 * the job id; `jobs.status` reports its phase and bytes and, once done, the result. Restoring is a set-up channel
 * (`setup.restoreBackup`): there is no vault open to restore into.
 */
export const backupChannels = {
  'backups.overview': { input: Empty, output: BackupOverview, access: ADMIN },
  'backups.updateSettings': { input: BackupSettingsUpdate, output: BackupSettings, access: ADMIN },
  /** Makes a backup now, into the settings' folder or (CLI --to) another one. */
  'backups.start': { input: z.object({ destination: Folder.optional() }).strict(), output: JobRef, access: ADMIN },
  /** Native folder dialog (Electron); null in the browser host, where the path is typed. */
  'backups.chooseFolder': { input: Empty, output: z.object({ path: z.string().nullable() }).strict(), access: ADMIN },
} as const satisfies Record<string, Channel>;
