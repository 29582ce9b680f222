import { z } from 'zod';
import { Id } from '../schemas/common';
import {
    PhotoMeta
} from '../schemas/consultation';
import { PhotoComparison } from '../schemas/photo';
import { ALL_STAFF, type Channel } from './channel';

/** The photos channels: what each takes, returns and who may call it. */
export const photosChannels = {
  'photos.get': {
    input: z.object({ photoId: Id }).strict(),
    output: PhotoMeta.extend({ dataBase64: z.string() }).strict(),
    access: ALL_STAFF,
  },
  'photos.withdrawMarketing': { input: z.object({ photoId: Id }).strict(), output: PhotoMeta, access: ALL_STAFF },
  /** The consultation's before photos beside the treatment's and follow-ups' after photos, by angle and area. */
  'photos.comparison': { input: z.object({ consultationId: Id }).strict(), output: PhotoComparison, access: ALL_STAFF },
} as const satisfies Record<string, Channel>;
