import { z } from 'zod';
import { IsoTime, requiredLine } from './common';
import { Role } from './staff';

/** What a paired device is used as: a staff PC, the patient's signing tablet, or a browser at a desk. */
export const DeviceKind = z.enum(['desktop', 'tablet', 'browser']);
export type DeviceKind = z.infer<typeof DeviceKind>;

export const DeviceName = requiredLine(60);

/** A one-time pairing code as typed: 10 letters and digits (no 0/O/1/I), shown as XXXXX-XXXXX. */
export const PAIRING_CODE_PATTERN = /^[A-HJ-NP-Z2-9]{10}$/;
export const PairingCode = z
  .string()
  .max(40, { error: 'validation.tooLong' })
  .transform((s) => s.toUpperCase().replace(/[\s-]+/g, ''))
  .refine((s) => PAIRING_CODE_PATTERN.test(s), { error: 'seats.errors.codeFormat' });

/** Who is signed in where (administrators see every seat; the secret session id is never shown). */
export const SeatSession = z
  .object({
    /** A short public handle of the session (a hash of its id), for ending it. */
    handle: z.string(),
    staffName: z.string(),
    role: Role,
    seatName: z.string(),
    deviceId: z.string(),
    signedInAt: IsoTime,
    lastActivity: IsoTime,
    locked: z.boolean(),
    /** The session of the administrator asking. */
    yours: z.boolean(),
  })
  .strict();
export type SeatSession = z.infer<typeof SeatSession>;

export const PairedDevice = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: DeviceKind,
    pairedAt: IsoTime,
    pairedByName: z.string(),
    lastSeenAt: IsoTime.nullable(),
    revokedAt: IsoTime.nullable(),
  })
  .strict();
export type PairedDevice = z.infer<typeof PairedDevice>;

export const PairingCodeIssued = z
  .object({
    /** Shown once to the administrator, typed on the device; stored only as a hash. */
    code: z.string(),
    deviceName: z.string(),
    kind: DeviceKind,
    expiresAt: IsoTime,
    tries: z.number().int(),
  })
  .strict();
export type PairingCodeIssued = z.infer<typeof PairingCodeIssued>;

/** The clinic server as the holding PC's Settings screen shows it. */
export const ClinicServerStatus = z
  .object({
    running: z.boolean(),
    /** Addresses other seats type (https://host:port), empty while not running. */
    addresses: z.array(z.string()),
    /** SHA-256 of the server's certificate, as colon-separated hex: compared on every seat at pairing. */
    certificateSha256: z.string().nullable(),
    /** Started by `consentvault serve` (headless) rather than from this screen. */
    headless: z.boolean(),
  })
  .strict();
export type ClinicServerStatus = z.infer<typeof ClinicServerStatus>;
