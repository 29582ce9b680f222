import { addDays, calendarFrom, type ClinicCalendar } from '../../shared/clinic-calendar';
import { dateInZone } from '../../shared/dates';
import { failField } from '../domain/errors';
import type { ServiceContext } from './context';

/** A clock a few minutes fast on a phone or PC should not block recording what just happened. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export const clinicZone = (ctx: ServiceContext): string => ctx.vault().clinicSettings().timeZone;

/** Today's date where the clinic is. */
export const clinicToday = (ctx: ServiceContext): string => dateInZone(ctx.clock.now(), clinicZone(ctx));

export const nowIso = (ctx: ServiceContext): string => ctx.clock.now().toISOString();

/** The administrator's holidays and make-up working days from `from` on (deadlines never run past a year). */
export function clinicCalendar(ctx: ServiceContext, from: string): ClinicCalendar {
  return calendarFrom(ctx.vault().calendar.days(from, addDays(from, 400)));
}

/** A time something happened, as typed: never in the future. */
export function notInFuture(ctx: ServiceContext, iso: string, field: string | (string | number)[]): void {
  if (Date.parse(iso) > ctx.clock.now().getTime() + FUTURE_TOLERANCE_MS) failField('invalid_input', field, 'validation.timeInFuture');
}
