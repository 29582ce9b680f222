import type { seatsChannels } from '../../../shared/contracts/seats';
import type { HandlersFor } from '../handler';
import * as seats from './seats';
import * as unattended from './unattended-key';

/** The seats channels' handlers; spread into the one handler map, which checks it is complete. */
export const seatsHandlers: HandlersFor<typeof seatsChannels> = {
  'seats.sessions': (ctx) => seats.listSessions(ctx),
  'seats.endSession': seats.endSession,
  'seats.devices': (ctx) => seats.listDevices(ctx),
  'seats.createPairingCode': seats.createPairingCode,
  'seats.renameDevice': seats.renameDevice,
  'seats.revokeDevice': seats.revokeDevice,
  'seats.serverStatus': (ctx) => seats.serverStatus(ctx),
  'seats.startSharing': seats.startSharing,
  'seats.stopSharing': (ctx) => seats.stopSharing(ctx),
  'seats.unattendedKeyStatus': (ctx) => unattended.unattendedKeyStatus(ctx),
  'seats.createUnattendedKey': unattended.createUnattendedKey,
  'seats.revokeUnattendedKey': (ctx) => unattended.revokeUnattendedKey(ctx),
};
