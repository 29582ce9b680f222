import { z } from 'zod';
import { Ack, Empty, Id } from '../schemas/common';
import { OnlineTablet, TabletAssignment } from '../schemas/tablet';
import { type Channel, CONSULTING } from './channel';

/**
 * Signing across seats (issue 14): the consultant sends a consent to a paired tablet, where the patient reads and
 * signs only that document; the consultant can take it back. The tablet asks what it was sent.
 */
export const tabletChannels = {
  /** The tablet's own question (no one is signed in on it); also how it is seen as switched on. */
  'tablet.assignment': { input: Empty, output: TabletAssignment, access: 'tablet' },
  'tablet.online': { input: Empty, output: z.array(OnlineTablet), access: CONSULTING },
  'tablet.send': { input: z.object({ consentId: Id, deviceId: z.string().max(64) }).strict(), output: Ack, access: CONSULTING },
  'tablet.takeBack': { input: z.object({ consentId: Id }).strict(), output: Ack, access: CONSULTING },
} as const satisfies Record<string, Channel>;
