import type { photosChannels } from '../../../shared/contracts/photos';
import type { HandlersFor } from '../handler';
import * as photos from './photos';

/** The photos channels' handlers; spread into the one handler map, which checks it is complete. */
export const photosHandlers: HandlersFor<typeof photosChannels> = {
  'photos.get': photos.getPhoto,
  'photos.withdrawMarketing': photos.withdrawPhotoMarketing,
  'photos.comparison': photos.photoComparison,
};
