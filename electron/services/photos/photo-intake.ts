import { randomUUID } from 'node:crypto';
import { zonedInstant } from '../../../shared/clinic-calendar';
import { PHOTO_UPLOAD_MAX_BYTES, type CapturedAtSource, type PhotoAngle, type PhotoArea } from '../../../shared/schemas/photo';
import { failField } from '../../domain/errors';
import { sha256Hex } from '../../domain/hash';
import { nowIso } from '../clinic-time';
import type { ServiceContext } from '../context';
import { ImageFormatError, readCaptureTime, stripImageMetadata, type CaptureTime } from './image-metadata';

/** What every photo channel takes: the file (an upload id, or base64 for small files from the CLI), and its labels. */
export interface PhotoSource {
  mime: 'image/jpeg' | 'image/png';
  uploadId?: string | undefined;
  dataBase64?: string | undefined;
  capturedAt?: string | undefined;
  angle?: PhotoAngle | undefined;
  area?: PhotoArea | undefined;
}

export interface PreparedPhoto {
  clean: Buffer;
  sha256: string;
  bytesRemoved: number;
  capturedAt: string;
  capturedAtSource: CapturedAtSource;
  angle: PhotoAngle | null;
  area: PhotoArea | null;
}

/** A camera time in the clinic's zone (or at its own offset) as a stored UTC instant; null if it cannot be one. */
function captureInstant(t: CaptureTime, timeZone: string): string | null {
  const ms = t.offset ? Date.parse(`${t.date}T${t.time}${t.offset}`) : zonedInstant(t.date, t.time, timeZone).getTime();
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/**
 * The bytes of a photo channel's file, checked: exactly one of uploadId (this staff member's, not expired) and
 * dataBase64; within one photo's size; a JPEG or PNG that strips cleanly. The capture time is read from the
 * file's Exif before the metadata goes: the camera's own DateTimeOriginal is the best evidence of when the
 * picture was taken (a photo chosen from a phone's gallery was usually taken days before it is filed). A time
 * in the future is not believed. The upload is dropped only once the transaction commits, so a refused save
 * can be tried again without sending the file again.
 */
export function preparePhoto(ctx: ServiceContext, input: PhotoSource): PreparedPhoto {
  const hasUpload = input.uploadId !== undefined;
  if (hasUpload === (input.dataBase64 !== undefined)) failField('invalid_input', 'uploadId', 'intake.errors.oneSource');
  let raw: Buffer;
  if (input.uploadId !== undefined) {
    const uploadId = input.uploadId;
    raw = ctx.app.uploads.peek(uploadId, ctx.session().staff.id, ctx.clock.now()) ?? failField('invalid_input', 'uploadId', 'intake.errors.uploadNotFound');
    ctx.afterCommit(() => ctx.app.uploads.discard(uploadId));
  } else {
    raw = Buffer.from(input.dataBase64!, 'base64');
  }
  const field = hasUpload ? 'uploadId' : 'dataBase64';
  if (raw.length === 0 || raw.length > PHOTO_UPLOAD_MAX_BYTES) failField('invalid_input', field, 'validation.photoTooLarge');
  const fromFile = readCaptureTime(input.mime, raw);
  let clean: Buffer;
  try {
    clean = stripImageMetadata(input.mime, raw);
  } catch (e) {
    if (e instanceof ImageFormatError) failField('invalid_input', field, 'validation.photoFormat');
    throw e;
  }
  const now = ctx.clock.now().toISOString();
  const fileTime = fromFile ? captureInstant(fromFile, ctx.vault().clinicSettings().timeZone) : null;
  let capturedAt = now;
  let capturedAtSource: CapturedAtSource = 'received';
  if (fileTime && fileTime <= now) {
    capturedAt = fileTime;
    capturedAtSource = 'file_metadata';
  } else if (input.capturedAt && input.capturedAt <= now) {
    capturedAt = input.capturedAt;
    capturedAtSource = 'stated';
  }
  return {
    clean,
    sha256: sha256Hex(clean),
    bytesRemoved: raw.length - clean.length,
    capturedAt,
    capturedAtSource,
    angle: input.angle ?? null,
    area: input.area ?? null,
  };
}

/** A photo as filed: what the channel's audit event records of it. */
export interface StoredPhoto {
  id: string;
  sha256: string;
  bytesRemoved: number;
  angle: PhotoAngle | null;
  area: PhotoArea | null;
  capturedAtSource: CapturedAtSource;
}

/**
 * The one way a photo enters the record, whichever screen it comes from: a before photo of a consultation, an
 * after photo of a treatment or one from a follow-up visit. The file is checked and cleaned (preparePhoto) and
 * kept once by its SHA-256; the caller links it to its treatment or visit and audits it.
 */
export function storePhoto(
  ctx: ServiceContext,
  owner: { patientId: string; consultationId: string | null; kind: 'before' | 'after' },
  upload: PhotoSource & { marketingConsent: boolean },
): StoredPhoto {
  const photo = preparePhoto(ctx, upload);
  const id = randomUUID();
  ctx.vault().photos.add({
    id,
    patientId: owner.patientId,
    consultationId: owner.consultationId,
    kind: owner.kind,
    sha256: photo.sha256,
    mime: upload.mime,
    bytes: photo.clean,
    capturedAt: photo.capturedAt,
    capturedAtSource: photo.capturedAtSource,
    angle: photo.angle,
    area: photo.area,
    marketingConsent: upload.marketingConsent,
    createdAt: nowIso(ctx),
    createdBy: ctx.session().staff.id,
  });
  return { id, sha256: photo.sha256, bytesRemoved: photo.bytesRemoved, angle: photo.angle, area: photo.area, capturedAtSource: photo.capturedAtSource };
}
