import { z } from 'zod';
import { BackupOverview, BackupSettingsUpdate, BackupSettingsView } from '../schemas/backup';
import { AbsoluteFolder, Empty } from '../schemas/common';
import { JobRef } from '../schemas/jobs';
import { ADMIN, type Channel } from './channel';

/** The backups channels: what each takes, returns and who may call it. */
export const backupsChannels = {
  'backups.overview': { input: Empty, output: BackupOverview, access: ADMIN },
  'backups.updateSettings': { input: BackupSettingsUpdate, output: BackupSettingsView, access: ADMIN },
  /** Makes a backup now, into the settings' folder or (CLI --to) another one. */
  'backups.start': { input: z.object({ destination: AbsoluteFolder.optional() }).strict(), output: JobRef, access: ADMIN },
  /** Native folder dialog (Electron); null in the browser host, where the path is typed. */
  'backups.chooseFolder': { input: Empty, output: z.object({ path: z.string().nullable() }).strict(), access: ADMIN },
} as const satisfies Record<string, Channel>;
