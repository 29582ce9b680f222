import type { photosChannels } from '../../../shared/contracts/photos';
import * as consultations from '../consultations/consultations';
import type { HandlersFor } from '../handler';
import { photoComparison } from '../intake-moving';

/** The photos channels' handlers; spread into the one handler map, which checks it is complete. */
export const photosHandlers: HandlersFor<typeof photosChannels> = {
  'photos.get': consultations.getPhoto,
  'photos.withdrawMarketing': consultations.withdrawPhotoMarketing,
  'photos.comparison': photoComparison,
};
