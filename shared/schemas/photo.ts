import { z } from 'zod';
import { Id } from './common';

/**
 * How a clinical photo was taken, so that a before photo can be set beside the after photo of the same view
 * (the core of an "effect not as expected" dispute). Angles as the patient faces the camera.
 */
export const PhotoAngle = z.enum(['front', 'left_45', 'right_45', 'left_90', 'right_90', 'back', 'top', 'below', 'close_up', 'other']);
export type PhotoAngle = z.infer<typeof PhotoAngle>;

export const PhotoArea = z.enum([
  'full_face',
  'forehead',
  'eyes',
  'nose',
  'cheeks',
  'lips',
  'chin_jaw',
  'neck',
  'chest',
  'abdomen',
  'arms',
  'hands',
  'back',
  'buttocks',
  'thighs',
  'legs',
  'skin_other',
]);
export type PhotoArea = z.infer<typeof PhotoArea>;

/**
 * Where the capture time came from: the file's own Exif DateTimeOriginal (read before the metadata is removed),
 * the time the renderer stated (a camera capture), or the time the photo reached the vault. Null for photos
 * stored before this was kept.
 */
export const CapturedAtSource = z.enum(['file_metadata', 'stated', 'received']);
export type CapturedAtSource = z.infer<typeof CapturedAtSource>;

/** One photo file up to 25 MB (a phone's full-resolution JPEG is 3–8 MB; HEIF converted to JPEG can be more). */
export const PHOTO_UPLOAD_MAX_BYTES = 25 * 1024 * 1024;

/** The answer to a streamed upload: an id the JSON channel then names instead of carrying the bytes. */
export const UploadReceipt = z.object({ uploadId: Id, size: z.number().int().positive() }).strict();
export type UploadReceipt = z.infer<typeof UploadReceipt>;

/** An after photo with where it was taken: at the treatment, or at a follow-up visit (with its day). */
export const ComparisonPhoto = z
  .object({
    id: Id,
    kind: z.enum(['before', 'after']),
    angle: PhotoAngle.nullable(),
    area: PhotoArea.nullable(),
    capturedAt: z.string(),
    capturedAtSource: CapturedAtSource.nullable(),
    mime: z.string(),
    sha256: z.string(),
    /** Day of the follow-up visit after the treatment (null: at the consultation or the treatment itself). */
    visitDay: z.number().int().nullable(),
  })
  .strict();
export type ComparisonPhoto = z.infer<typeof ComparisonPhoto>;

/** Before and after photos of one view (angle and area); photos without a label are a group of their own. */
export const ComparisonGroup = z
  .object({ angle: PhotoAngle.nullable(), area: PhotoArea.nullable(), before: z.array(ComparisonPhoto), after: z.array(ComparisonPhoto) })
  .strict();
export type ComparisonGroup = z.infer<typeof ComparisonGroup>;

export const PhotoComparison = z
  .object({ consultationId: Id, treatmentId: Id.nullable(), performedAt: z.string().nullable(), groups: z.array(ComparisonGroup) })
  .strict();
export type PhotoComparison = z.infer<typeof PhotoComparison>;
