import type { setupChannels } from '../../../shared/contracts/setup';
import * as backups from '../backups/backups';
import type { HandlersFor } from '../handler';
import * as setup from './setup';

/** The setup channels' handlers; spread into the one handler map, which checks it is complete. */
export const setupHandlers: HandlersFor<typeof setupChannels> = {
  'app.status': (ctx) => setup.appStatus(ctx),
  'setup.connectToServer': setup.connectToServer,
  'setup.chooseVaultFolder': (ctx) => setup.chooseVaultFolder(ctx),
  'setup.createVault': setup.createVault,
  'setup.clearAbandoned': setup.clearAbandoned,
  'setup.restoreBackup': backups.restoreFromBackup,
};
