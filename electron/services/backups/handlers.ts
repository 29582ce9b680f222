import type { backupsChannels } from '../../../shared/contracts/backups';
import type { HandlersFor } from '../handler';
import * as backups from './backups';

/** The backups channels' handlers; spread into the one handler map, which checks it is complete. */
export const backupsHandlers: HandlersFor<typeof backupsChannels> = {
  'backups.overview': (ctx) => backups.backupOverview(ctx),
  'backups.updateSettings': backups.updateBackupSettings,
  'backups.start': (ctx, input) => backups.startBackup(ctx, input),
  'backups.chooseFolder': (ctx) => backups.chooseBackupFolder(ctx),
};
