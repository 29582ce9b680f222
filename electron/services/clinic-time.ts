import { randomUUID } from 'node:crypto';
import { addDays, calendarFrom, type ClinicCalendar } from '../../shared/clinic-calendar';
import { dateInZone } from '../../shared/dates';
import type { CapturedAtSource, PhotoAngle, PhotoArea } from '../../shared/schemas/photo';
import type { Role, StaffMember } from '../../shared/schemas/staff';
import { failField } from '../domain/errors';
import type { ServiceContext } from './context';
import { preparePhoto, type PhotoSource } from './photos/photo-intake';

/** A clock a few minutes fast on a phone or PC should not block recording what just happened. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export const clinicZone = (ctx: ServiceContext): string => ctx.vault().clinicSettings().timeZone;

/** Today's date where the clinic is. */
export const clinicToday = (ctx: ServiceContext): string => dateInZone(ctx.clock.now(), clinicZone(ctx));

export const nowIso = (ctx: ServiceContext): string => ctx.clock.now().toISOString();

/** The administrator's holidays and make-up working days from `from` on (deadlines never run past a year). */
export function clinicCalendar(ctx: ServiceContext, from: string): ClinicCalendar {
  return calendarFrom(ctx.vault().aftercare.calendar.days(from, addDays(from, 400)));
}

/** A time something happened, as typed: never in the future. */
export function notInFuture(ctx: ServiceContext, iso: string, field: string | (string | number)[]): void {
  if (Date.parse(iso) > ctx.clock.now().getTime() + FUTURE_TOLERANCE_MS) failField('invalid_input', field, 'validation.timeInFuture');
}

/** An active staff member (optionally of one of `roles`), or a field error. */
export function requireActiveStaff(ctx: ServiceContext, id: string, field: string | (string | number)[], roles?: readonly Role[]): StaffMember {
  const s = ctx.vault().staff.get(id);
  if (!s || !s.active || (roles && !roles.includes(s.role))) failField('rule_violation', field, 'aftercare.errors.unknownStaff');
  return s;
}

/**
 * Stores an after photo with the before photos' rules: JPEG or PNG, within the size limit, metadata (EXIF, GPS,
 * XMP) removed, kept once by its SHA-256. Returns the photo's ID and hash.
 */
export function storeAfterPhoto(
  ctx: ServiceContext,
  patientId: string,
  upload: PhotoSource & { marketingConsent: boolean },
): { id: string; sha256: string; bytesRemoved: number; angle: PhotoAngle | null; area: PhotoArea | null; capturedAtSource: CapturedAtSource } {
  const photo = preparePhoto(ctx, upload);
  const { clean, sha256 } = photo;
  const now = nowIso(ctx);
  const id = randomUUID();
  ctx.vault().consultations.addPhoto({
    id,
    patientId,
    consultationId: null,
    kind: 'after',
    sha256,
    mime: upload.mime,
    bytes: clean,
    capturedAt: photo.capturedAt,
    capturedAtSource: photo.capturedAtSource,
    angle: photo.angle,
    area: photo.area,
    marketingConsent: upload.marketingConsent,
    createdAt: now,
    createdBy: ctx.session().staff.id,
  });
  return { id, sha256, bytesRemoved: photo.bytesRemoved, angle: photo.angle, area: photo.area, capturedAtSource: photo.capturedAtSource };
}
