import type { evidenceChannels } from '../../../shared/contracts/evidence';
import type { HandlersFor } from '../handler';
import * as evidence from './evidence';

/** The evidence channels' handlers; spread into the one handler map, which checks it is complete. */
export const evidenceHandlers: HandlersFor<typeof evidenceChannels> = {
  'evidence.preview': evidence.previewExport,
  'evidence.startExport': evidence.startExport,
  'evidence.progress': evidence.exportProgress,
  'evidence.cancel': evidence.cancelExport,
  'evidence.startVerify': evidence.startVerify,
  'evidence.hostInfo': (ctx) => evidence.hostFileInfo(ctx),
  'evidence.chooseDestination': evidence.chooseDestination,
  'evidence.choosePack': (ctx) => evidence.choosePack(ctx),
};
