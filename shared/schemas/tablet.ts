import { z } from 'zod';
import { Id, IsoTime } from './common';

/** What a signing tablet was sent: one consent, by whom, when (null: the neutral "please wait" screen). */
export const TabletAssignment = z
  .object({ consentId: Id, sentByName: z.string(), sentAt: IsoTime })
  .strict()
  .nullable();
export type TabletAssignment = z.infer<typeof TabletAssignment>;

/** A paired tablet that is switched on and showing its waiting screen (or a consent). */
export const OnlineTablet = z
  .object({ deviceId: z.string(), name: z.string(), busyWithConsentId: Id.nullable(), lastSeenAt: IsoTime })
  .strict();
export type OnlineTablet = z.infer<typeof OnlineTablet>;
