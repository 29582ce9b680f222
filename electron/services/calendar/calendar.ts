import type { Out, Parsed } from '../../../shared/api';
import { isWeekend } from '../../../shared/clinic-calendar';
import { fail, failField } from '../../domain/errors';
import type { ServiceContext } from '../context';
import { nowIso } from '../clinic-time';

const subject = (date: string) => ({ type: 'calendar_day', id: date });

export function listCalendar(ctx: ServiceContext, input: Parsed<'calendar.list'>): Out<'calendar.list'> {
  if (input.to < input.from) failField('invalid_input', 'to', 'aftercare.errors.rangeReversed');
  return ctx.vault().aftercare.calendar.list(input.from, input.to);
}

/**
 * A holiday the clinic is closed, or a Saturday or Sunday it works (補班日). Clocks already running keep the
 * deadline they were given when they started.
 */
export function addCalendarDay(ctx: ServiceContext, input: Parsed<'calendar.add'>): Out<'calendar.add'> {
  const calendar = ctx.vault().aftercare.calendar;
  if (calendar.get(input.date)) failField('conflict', 'date', 'aftercare.errors.dateTaken');
  if (input.kind === 'workday' && !isWeekend(input.date)) failField('rule_violation', 'kind', 'aftercare.errors.workdayOnWeekendOnly');
  calendar.insert({ ...input, createdBy: ctx.session().staff.id, createdAt: nowIso(ctx) });
  ctx.audit('calendar.day_added', subject(input.date), { kind: input.kind, name: input.name });
  return calendar.get(input.date)!;
}

export function removeCalendarDay(ctx: ServiceContext, input: Parsed<'calendar.remove'>): Out<'calendar.remove'> {
  const calendar = ctx.vault().aftercare.calendar;
  const day = calendar.get(input.date) ?? fail('not_found', 'aftercare.errors.calendarDayNotFound');
  calendar.remove(day.date);
  ctx.audit('calendar.day_removed', subject(day.date), { kind: day.kind, name: day.name });
  return { ok: true };
}
