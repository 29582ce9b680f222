import { z } from 'zod';
import { Ack, Empty } from '../schemas/common';
import { ClinicServerStatus, DeviceKind, DeviceName, PairedDevice, PairingCodeIssued, SeatSession } from '../schemas/seats';
import { KeyFilePath, UnattendedKeyCreated, UnattendedKeyStatus } from '../schemas/unattended-key';
import { ADMIN, type Channel } from './channel';

/**
 * Seats (issue 14): who is signed in where, paired devices and their one-time pairing codes, and the clinic
 * server that other seats use. Pairing itself is not a channel: an unpaired device reaches only the server's
 * POST /pair, never /api.
 */
export const seatsChannels = {
  'seats.sessions': { input: Empty, output: z.array(SeatSession), access: ADMIN },
  /** Ends another seat's session: that seat must sign in again. */
  'seats.endSession': { input: z.object({ handle: z.string().max(64) }).strict(), output: Ack, access: ADMIN },
  'seats.devices': { input: Empty, output: z.array(PairedDevice), access: ADMIN },
  /** A one-time code (valid 10 minutes, 5 tries) for pairing one device. */
  'seats.createPairingCode': { input: z.object({ deviceName: DeviceName, kind: DeviceKind }).strict(), output: PairingCodeIssued, access: ADMIN },
  'seats.renameDevice': { input: z.object({ deviceId: z.string().max(64), name: DeviceName }).strict(), output: PairedDevice, access: ADMIN },
  /** The device's credential stops working at once and its sessions end. */
  'seats.revokeDevice': { input: z.object({ deviceId: z.string().max(64) }).strict(), output: PairedDevice, access: ADMIN },
  'seats.serverStatus': { input: Empty, output: ClinicServerStatus, access: ADMIN },
  /** "Share this vault with other seats": runs the clinic server inside the app on the PC that holds the vault. */
  'seats.startSharing': { input: z.object({ port: z.number().int().min(1024).max(65535).optional() }).strict(), output: ClinicServerStatus, access: ADMIN },
  'seats.stopSharing': { input: Empty, output: ClinicServerStatus, access: ADMIN },
  /** The unattended-start key (issue 14): whether one is in force, who made it and when. */
  'seats.unattendedKeyStatus': { input: Empty, output: UnattendedKeyStatus, access: ADMIN },
  /**
   * Turns unattended start on: writes a key file (0600, outside the vault and backup folders) that opens the vault
   * without a password, replacing any earlier key. Only on the computer that keeps the vault (the path is its own).
   */
  'seats.createUnattendedKey': {
    input: z.object({ keyFile: KeyFilePath, acknowledged: z.literal(true) }).strict(),
    output: UnattendedKeyCreated,
    access: ADMIN,
  },
  /** Turns it off: every copy of the key file stops opening the vault. */
  'seats.revokeUnattendedKey': { input: Empty, output: UnattendedKeyStatus, access: ADMIN },
} as const satisfies Record<string, Channel>;
